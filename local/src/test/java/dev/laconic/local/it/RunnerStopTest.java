package dev.laconic.local.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.laconic.local.LocalRunner;
import dev.laconic.local.app.Application;
import dev.laconic.local.engine.LocalDynamoDb;
import dev.laconic.local.poller.Checkpoints;
import dev.laconic.local.poller.FailureSink;
import dev.laconic.local.poller.PollerSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Stopping the runner in the middle of a batch, and a runner going on from its checkpoints, as a
 * mapping disabled and enabled again: the stop prints no failure, the records done before it are
 * not sent again, and the batch it cut short is.
 */
class RunnerStopTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final String FUNCTION = "TestFunctionsStoppableHandleFunction";

  static LocalDynamoDb engine;
  static DynamoDbClient dynamo;
  static Application application;
  static final AtomicInteger TABLES = new AtomicInteger();

  final List<String> output = new CopyOnWriteArrayList<>();
  String table;
  final List<LocalRunner> runners = new ArrayList<>();

  @BeforeAll
  static void startEngine() {
    engine = LocalDynamoDb.start();
    dynamo = engine.client();
    application = Application.fromClassPath(RunnerStopTest.class.getClassLoader());
  }

  @AfterAll
  static void stopEngine() {
    dynamo.close();
    engine.close();
  }

  @BeforeEach
  void newTable() {
    Deliveries.clear();
    TestFunctions.Stoppable.entered = new CountDownLatch(1);
    table = "Stopped" + TABLES.incrementAndGet();
    StreamTables.create(dynamo, table);
  }

  @AfterEach
  void closeRunners() {
    runners.forEach(LocalRunner::close);
  }

  @Test
  void aBatchCutShortByTheStopIsSentAgainFromTheCheckpointAndNothingBeforeIt() throws Exception {
    List<String> first = ids("a", 10);
    List<String> second = new ArrayList<>(List.of("block"));
    second.addAll(ids("b", 9));
    write(first);
    write(second); // read in one call: batches of the first ten and of these ten
    LocalRunner runner = start(new Checkpoints(), PollerSettings.defaults());
    assertTrue(TestFunctions.Stoppable.entered.await(20, TimeUnit.SECONDS));

    long stopping = System.nanoTime();
    runner.close();
    double stopSeconds = (System.nanoTime() - stopping) / 1e9;

    assertEquals(List.of(inserts(first), inserts(second)), Deliveries.batches("Stoppable"));
    // Not a time limit: 10 s would be close() giving up on a function it could not interrupt.
    assertTrue(stopSeconds >= 0.9 && stopSeconds < 9, "waited for the function's timeout of 1 s,"
        + " then interrupted it: " + stopSeconds + " s");
    assertNoFailurePrinted();
    List<String> stopped = output.stream().filter(l -> l.contains("Stopped while")).toList();
    assertEquals(1, stopped.size(), output::toString);
    assertTrue(stopped.get(0).contains("a batch of 10 record(s)"), stopped.get(0));

    output.clear();
    start(runner.checkpoints(), PollerSettings.defaults());
    awaitIdle();
    assertEquals(List.of(inserts(first), inserts(second), inserts(second)),
        Deliveries.batches("Stoppable"), "the cut batch again, from the checkpoint after a09");
    assertNoFailurePrinted();
  }

  @Test
  void aBatchThatFinishesWithinTheFunctionsTimeoutIsCheckpointed() throws Exception {
    List<String> batch = new ArrayList<>(ids("c", 5));
    batch.add("slow");
    batch.addAll(ids("d", 3));
    write(batch);
    LocalRunner runner = start(new Checkpoints(), PollerSettings.defaults());
    assertTrue(TestFunctions.Stoppable.entered.await(20, TimeUnit.SECONDS));

    runner.close(); // the function sleeps a fifth of a second, and returns
    assertNoFailurePrinted();
    assertEquals(List.of(), output.stream().filter(l -> l.contains("Stopped while")).toList());

    start(runner.checkpoints(), PollerSettings.defaults());
    write(List.of("e0"));
    awaitIdle();
    assertEquals(List.of(inserts(batch), inserts(List.of("e0"))),
        Deliveries.batches("Stoppable"));
  }

  @Test
  void aPartialBatchResponseMovesTheCheckpointToTheRecordBeforeTheReportedOne()
      throws Exception {
    List<String> batch = new ArrayList<>(ids("f", 5));
    batch.add("fail");
    batch.addAll(ids("g", 4));
    write(batch);
    // The retry waits a minute: the stop comes first.
    LocalRunner runner = start(new Checkpoints(),
        PollerSettings.defaults().withRetryBackoff(Duration.ofMinutes(1)));
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (Deliveries.batches("Stoppable").isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    runner.close();
    assertNoFailurePrinted();
    String streamArn = dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    try (DynamoDbStreamsClient streams = StreamTables.streams(engine)) {
      String shardId = streams.describeStream(r -> r.streamArn(streamArn)).streamDescription()
          .shards().get(0).shardId();
      String iterator = streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shardId)
          .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
      String f04 = streams.getRecords(r -> r.shardIterator(iterator)).records().get(4).dynamodb()
          .sequenceNumber();
      assertEquals(Optional.of(f04), runner.checkpoints().sequenceNumber(
          "TestFunctionsStoppableHandleStreamMapping", streamArn, shardId));
    }

    start(runner.checkpoints(), PollerSettings.defaults());
    awaitIdle();
    assertEquals(List.of(inserts(batch), inserts(batch.subList(5, batch.size()))),
        Deliveries.batches("Stoppable"), "from the reported record on");
  }

  @Test
  void aRunnerWithCheckpointsOfItsOwnStartsAtTheStartingPosition() throws Exception {
    write(ids("h", 3));
    LocalRunner runner = start(new Checkpoints(), PollerSettings.defaults());
    awaitIdle();
    runner.close();
    start(new Checkpoints(), PollerSettings.defaults());
    awaitIdle();
    assertEquals(List.of(inserts(ids("h", 3)), inserts(ids("h", 3))),
        Deliveries.batches("Stoppable"), "a new mapping reads from TRIM_HORIZON");
  }

  // ---- helpers ------------------------------------------------------------------------------

  private LocalRunner start(Checkpoints checkpoints, PollerSettings settings)
      throws InterruptedException {
    LocalRunner runner = LocalRunner.builder(application)
        .engine(engine)
        .only(FUNCTION)
        .parameter("ItemsStream", table)
        .output(output::add)
        .failureSink(new FailureSink.InMemory())
        .checkpoints(checkpoints)
        .settings(settings.withPollInterval(Duration.ofMillis(20)))
        .start();
    runners.add(runner);
    assertTrue(runner.awaitStarted(WAIT));
    return runner;
  }

  private void awaitIdle() throws InterruptedException {
    LocalRunner runner = runners.get(runners.size() - 1);
    assertTrue(runner.awaitIdle(WAIT), () -> "not idle; output: " + output);
  }

  /** No line of the output reports a failure or holds a stack trace. */
  private void assertNoFailurePrinted() {
    List<String> failures = output.stream().filter(line -> line.toLowerCase().contains("fail")
        || line.contains("Exception") || line.contains("\tat ")).toList();
    assertEquals(List.of(), failures, output::toString);
  }

  private void write(List<String> ids) {
    for (String id : ids) {
      dynamo.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
    }
  }

  private static List<String> ids(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(prefix + "0" + i);
    }
    return ids;
  }

  private static List<String> inserts(List<String> ids) {
    return ids.stream().map(id -> "INSERT " + id).toList();
  }
}
