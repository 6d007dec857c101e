package dev.laconic.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.laconic.junit.app.Notes;
import dev.laconic.local.poller.Invocation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The extension configured in code, each test starting on an empty database, and what a test
 * class that uses it wrongly is told. The classes inside are run by the engine test kit here, not
 * by the build on their own.
 */
class LaconicExtensionTest {

  static final List<String> PRINTED = new CopyOnWriteArrayList<>();

  @Test
  void onlyTheNamedFunctionsRunEachTestOnANewDatabaseAndLinesGoWhereTold() {
    PRINTED.clear();
    Events tests = run(OnlyIndex.class);
    tests.assertStatistics(stats -> stats.started(2).succeeded(2));
    assertTrue(PRINTED.contains("[NotesIndexFunction] indexed n-1: first"), PRINTED.toString());
    assertTrue(PRINTED.stream().noneMatch(line -> line.contains("NotesCheck")),
        "the check function does not run: " + PRINTED);
  }

  @Test
  void nestedClassesAndComposedAnnotationsKeepTheSettingsOfLaconicTest() {
    run(IndexOnlyOuter.class).assertStatistics(stats -> stats.started(2).succeeded(2));
    run(IndexOnlyComposed.class).assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void testsInParallelTakeTheDatabaseInTurnWithTheLock() {
    EngineTestKit.engine("junit-jupiter").selectors(selectClass(InParallel.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .execute().testEvents()
        .assertStatistics(stats -> stats.started(2).succeeded(2));
  }

  @Test
  void testsInParallelWithoutTheLockAreToldToTakeIt() {
    Events tests = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(InParallelWithoutLock.class))
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .execute().testEvents();
    String message = failure(tests);
    assertTrue(message.contains("annotate the class with @ResourceLock(LaconicExtension.RESOURCE)"),
        message);
  }

  @Test
  void deliveryIsAwaitedToTheEndOfAChainOfFunctions() {
    run(Chain.class).assertStatistics(stats -> stats.started(1).succeeded(1));
  }

  @Test
  void aParameterWithoutValueIsToldAsTheAnnotationWritesIt() {
    assertEquals("@LaconicTest(parameters = \"Stage\"): write each parameter as Name=value.",
        failure(run(BadParameter.class)));
  }

  @Test
  void anUnknownFunctionIsToldWithTheFunctionsThereAre() {
    String message = failure(run(UnknownFunction.class));
    assertTrue(message.startsWith("Cannot run the application under test: "), message);
    assertTrue(message.contains("Notes.nothing"), message);
  }

  @Test
  void theApplicationIsNotThereBeforeEachTest() {
    String message = failure(run(InConstructor.class));
    assertTrue(message.contains(": A LocalApplication is there for test methods"), message);
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
        .testEvents();
  }

  private static String failure(Events tests) {
    List<Event> failed = tests.failed().list();
    assertEquals(1, failed.size(), tests.list().toString());
    return failed.get(0).getPayload(org.junit.platform.engine.TestExecutionResult.class)
        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
        .map(Throwable::getMessage).orElse("");
  }

  static class OnlyIndex {
    @RegisterExtension
    static final LaconicExtension LACONIC = LaconicExtension.forApplication(Notes.class)
        .functions("Notes.index")
        .printTo(PRINTED::add);

    @Test
    void first() {
      LaconicTestTest.put(LACONIC.application(), "ann", "n-1", Optional.of("first"));
      LACONIC.application().awaitDelivery();
      assertEquals(1, LACONIC.application().function("Notes.index").invocations().size());
      assertSame(LACONIC.application(),
          CompletableFuture.supplyAsync(LACONIC::application).join(), "on a thread of its own");
    }

    @Test
    void second(LocalApplication app) {
      assertEquals(0, app.dynamoDb().scan(r -> r.tableName("NotesTable")).count(),
          "nothing of the other test is left");
      assertEquals(List.of(), app.invocations());
    }
  }

  @Execution(ExecutionMode.CONCURRENT)
  @ResourceLock(LaconicExtension.RESOURCE)
  static class InParallel {
    @RegisterExtension
    static final LaconicExtension LACONIC = LaconicExtension.forApplication(Notes.class)
        .functions("Notes.index")
        .printTo(line -> { });

    @Test
    void first(LocalApplication app) {
      assertSame(app, LACONIC.application());
      onlyTheIndexRuns(app);
    }

    @Test
    void second(LocalApplication app) {
      assertSame(app, LACONIC.application());
      onlyTheIndexRuns(app);
    }
  }

  /** Tests in parallel without the lock: the second is told to take it. */
  @Execution(ExecutionMode.CONCURRENT)
  static class InParallelWithoutLock {
    /** Keeps the first test running until the second has started. */
    static final CyclicBarrier BOTH = new CyclicBarrier(2);

    @RegisterExtension
    static final LaconicExtension LACONIC = LaconicExtension.forApplication(Notes.class)
        .functions("Notes.index")
        .printTo(line -> { });

    @Test
    void first(LocalApplication app) throws Exception {
      awaitTheOther();
    }

    @Test
    void second(LocalApplication app) throws Exception {
      awaitTheOther();
    }

    private static void awaitTheOther() throws Exception {
      try {
        BOTH.await(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException expected) {
        // The other test did not get the database, so it never arrives.
      }
    }
  }

  /** Runs the index function only: the check function would receive the note too. */
  static void onlyTheIndexRuns(LocalApplication app) {
    LaconicTestTest.put(app, "ann", "n-1", Optional.of("first"));
    app.awaitDelivery();
    assertEquals(List.of("NotesIndexFunction"),
        app.invocations().stream().map(Invocation::function).toList());
  }

  @LaconicTest(functions = "Notes.index")
  static class IndexOnlyOuter {
    @Test
    void outer(LocalApplication app) {
      onlyTheIndexRuns(app);
    }

    @Nested
    class Inner {
      @Test
      void inner(LocalApplication app) {
        onlyTheIndexRuns(app);
      }
    }
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @LaconicTest(functions = "Notes.index")
  @interface IndexOnly {}

  @IndexOnly
  static class IndexOnlyComposed {
    @Test
    void test(LocalApplication app) {
      onlyTheIndexRuns(app);
    }
  }

  /** Only the two functions of the chain, so that the end of the chain is looked at first. */
  @LaconicTest(functions = {"Notes.tag", "Notes.countTag"})
  static class Chain {
    @Test
    void test(LocalApplication app) {
      app.dynamoDb().putItem(r -> r.tableName("NotesTable").item(Map.of(
          "owner", AttributeValue.fromS("gus"), "id", AttributeValue.fromS("n-1"),
          "tags", AttributeValue.fromSs(List.of("home", "urgent")))));
      app.awaitDelivery();

      // Notes.tag wrote the tags after Notes.countTag's mapping, the first of the template, had
      // read its stream to the end and found nothing; it read them all the same.
      assertEquals(List.of("tagged home", "tagged urgent"),
          app.function("Notes.countTag").logs().stream().sorted().toList());
    }
  }

  @LaconicTest(parameters = "Stage")
  static class BadParameter {
    @Test
    void test() {}
  }

  @LaconicTest(functions = "Notes.nothing")
  static class UnknownFunction {
    @Test
    void test() {}
  }

  @LaconicTest
  static class InConstructor {
    InConstructor(LocalApplication app) {}

    @Test
    void test() {}
  }
}
