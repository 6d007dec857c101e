package dev.laconic.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.InvokeResult;
import dev.laconic.local.LocalInvoker;
import dev.laconic.local.LocalRunner;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.app.TemplateTables;
import dev.laconic.local.engine.LocalDynamoDb;
import dev.laconic.local.events.DynamoStreamSource;
import dev.laconic.local.poller.FailureSink;
import dev.laconic.local.poller.Invocation;
import dev.laconic.local.poller.MappingPoller;
import dev.laconic.local.poller.PollerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The application under test, running on this machine: the in-process DynamoDB with the
 * template's tables, every DynamoDB stream mapping polling its table's stream, and a record of
 * every invocation. {@link LaconicExtension} starts one for each test and closes it after.
 *
 * <p>The functions' own SDK clients reach the same database: the JVM's DynamoDB endpoint
 * ({@code aws.endpointUrlDynamoDb}, and DynamoDB Streams') is the in-process one, and where the JVM has no region or
 * credentials, the database's region and placeholder keys are set, as Lambda's environment sets
 * them. A client built without an endpoint, in a static field or in a handler's constructor,
 * writes to the tables the test reads. The database is the same for every test of the run and is
 * emptied before each; a function's static state lives on from test to test, as in a warm
 * execution environment.
 *
 * <p>Functions of Kinesis and SQS mappings are not polled (there is no local Kinesis or SQS):
 * {@link #invoke} them with an event, such as one of {@link DynamoStreamEvent} or
 * {@code EventGenerator}.
 */
public final class LocalApplication implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode template;
  private final Application application;
  private final SharedDynamoDb database;
  private final LocalDynamoDb engine;
  private final DynamoDbClient dynamo;
  private final List<String> output;
  private final List<Invocation> invocations;
  private final FailureSink.InMemory failures;
  private final LocalInvoker invoker;
  private final Duration deliveryTimeout;
  private LocalRunner runner;

  private LocalApplication(JsonNode template, SharedDynamoDb database, LocalDynamoDb engine,
      List<String> output, List<Invocation> invocations, FailureSink.InMemory failures,
      LocalInvoker invoker, Duration deliveryTimeout) {
    this.template = template;
    this.database = database;
    this.application = invoker.application();
    this.engine = engine;
    this.dynamo = engine.client();
    this.output = output;
    this.invocations = invocations;
    this.failures = failures;
    this.invoker = invoker;
    this.deliveryTimeout = deliveryTimeout;
  }

  /**
   * Starts the database, creates the template's tables and starts every mapping of the
   * functions {@code only} names (all when empty); returns once every mapping reads its stream.
   */
  static LocalApplication start(SharedDynamoDb database, JsonNode template,
      Map<String, String> parameters, List<String> only, PollerSettings settings,
      Duration deliveryTimeout, ClassLoader loader, Consumer<String> print) {
    Application application = Application.parse(template);
    List<String> output = new CopyOnWriteArrayList<>();
    Consumer<String> out = line -> {
      output.add(line);
      print.accept(line);
    };
    List<Invocation> invocations = new CopyOnWriteArrayList<>();
    FailureSink.InMemory failures = new FailureSink.InMemory();
    LocalDynamoDb engine = database.take();
    LocalApplication app = null;
    try {
      LocalInvoker invoker = LocalInvoker.builder(application).classLoader(loader)
          .region(engine.region()).accountId(engine.accountId()).output(out).build();
      app = new LocalApplication(template, database, engine, output, invocations, failures,
          invoker, deliveryTimeout);
      TemplateTables.create(template, app.dynamo).forEach(line -> out.accept("[laconic] " + line));
      LocalRunner.Builder runner = LocalRunner.builder(application)
          .engine(engine)
          .classLoader(loader)
          .output(out)
          .failureSink(record -> {
            failures.discarded(record);
            out.accept("[laconic] ON FAILURE " + record);
          })
          .onInvocation(invocations::add)
          .settings(settings);
      parameters.forEach(runner::parameter);
      if (!only.isEmpty()) {
        runner.only(only.stream().map(name -> application.find(name).logicalId())
            .toArray(String[]::new));
      }
      app.runner = runner.start();
      if (!app.runner.awaitStarted(deliveryTimeout)) {
        throw new IllegalStateException("The mappings did not start reading their streams within "
            + deliveryTimeout.toSeconds() + " s.");
      }
      return app;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly(app, database);
      throw new IllegalStateException("Interrupted while the mappings started.", e);
    } catch (RuntimeException | Error e) {
      closeQuietly(app, database);
      throw e;
    }
  }

  private static void closeQuietly(LocalApplication app, SharedDynamoDb database) {
    if (app != null) {
      app.close();
    } else {
      database.release();
    }
  }

  /** A client of the in-process DynamoDB, to write the items the functions should see. */
  public DynamoDbClient dynamoDb() {
    return dynamo;
  }

  /** The in-process DynamoDB's endpoint, for clients of your own. */
  public URI endpoint() {
    return engine.endpoint();
  }

  /** The region the in-process DynamoDB answers for. */
  public String region() {
    return engine.region();
  }

  /**
   * The name of the template's table {@code logicalId} here: its {@code TableName}, or else its
   * logical id (what CloudFormation would make unique by a suffix).
   *
   * @throws IllegalArgumentException when the template has no such table
   */
  public String tableName(String logicalId) {
    JsonNode resource = template.path("Resources").path(logicalId);
    if (!resource.path("Type").asText().equals("AWS::DynamoDB::Table")) {
      throw new IllegalArgumentException("The template has no table " + logicalId + ".");
    }
    JsonNode name = resource.path("Properties").path("TableName");
    return name.isTextual() ? name.asText() : logicalId;
  }

  /**
   * The template's table {@code logicalId} through the Enhanced Client, for items of the team's
   * own classes, such as {@code app.table("OrdersTable", TableSchema.fromBean(Order.class))}.
   */
  public <T> DynamoDbTable<T> table(String logicalId, TableSchema<T> schema) {
    return DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build()
        .table(tableName(logicalId), schema);
  }

  /**
   * Waits until every mapping has handled everything written before this call (delivered,
   * filtered out, or given up), and what the functions wrote meanwhile, to the end of a chain of
   * functions that write tables other mappings read.
   *
   * @throws AssertionError when that takes longer than the delivery timeout (30 s unless set),
   *     such as a batch retried forever (a mapping without {@code MaximumRetryAttempts})
   */
  public void awaitDelivery() {
    awaitDelivery(deliveryTimeout);
  }

  /** {@link #awaitDelivery()} with a timeout of its own. */
  public void awaitDelivery(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long since;
    try {
      while (true) {
        since = System.nanoTime();
        int before = invocations.size();
        if (!runner.awaitIdle(Duration.ofNanos(Math.max(0, deadline - since)))) {
          break;
        }
        // A function may have written what another mapping reads: once more, until a pass
        // invokes nothing.
        if (invocations.size() == before) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while waiting for delivery.", e);
    }
    long lastPass = since;
    List<String> busy = runner.pollers().stream().filter(poller -> !poller.idleSince(lastPass))
        .map(MappingPoller::toString).toList();
    // A copy: the mappings still running add lines, and a view of the list would fail on them.
    List<String> lines = List.copyOf(output);
    List<String> recent = lines.subList(Math.max(0, lines.size() - 20), lines.size());
    throw new AssertionError("Not everything written was delivered within " + timeout.toMillis()
        + " ms; still busy: " + busy + ". A batch that keeps failing is retried until the"
        + " mapping's MaximumRetryAttempts or MaximumRecordAgeInSeconds. The last lines:\n"
        + String.join("\n", recent));
  }

  /**
   * What the function {@code name} (logical id, {@code FunctionName}, handler or
   * {@code Class.method}) has received so far.
   *
   * @throws IllegalArgumentException when the template has no such function
   */
  public FunctionCalls function(String name) {
    return new FunctionCalls(application.find(name), this);
  }

  /** Every invocation so far, by mappings and by {@link #invoke}, in the order they ended. */
  public List<Invocation> invocations() {
    return List.copyOf(invocations);
  }

  /**
   * The invocation records the mappings sent to their on-failure destinations so far (a batch
   * given up after its retries or its records' maximum age), oldest first. A mapping without a
   * destination drops such a batch, as Lambda does: the output says so, with the record.
   */
  public List<JsonNode> failures() {
    return failures.records();
  }

  /** Every line the functions logged and the runner printed so far. */
  public List<String> output() {
    return List.copyOf(output);
  }

  /**
   * Invokes the function {@code name} with {@code event} as Lambda does (through its generated
   * adapter) and waits for it; the invocation is recorded with the mappings' ones.
   *
   * @throws IllegalArgumentException when the template has no such function, or the event is not
   *     JSON or larger than Lambda accepts
   */
  public InvokeResult invoke(String name, byte[] event) {
    InvokeResult result = invoker.invoke(name, event);
    // The function's own lines; the invoker's notes (such as the environment the JVM lacks) are
    // in the output only, as the runner's are.
    String prefix = "[" + result.logicalId() + "] ";
    invocations.add(new Invocation(result.logicalId(), Optional.empty(), result.requestId(),
        readJson(event), result.succeeded() ? response(result.payload()) : Optional.empty(),
        result.functionError().map(error -> error.errorType() + ": " + error.errorMessage()),
        result.logs().stream().filter(line -> line.startsWith(prefix))
            .map(line -> line.substring(prefix.length())).toList()));
    return result;
  }

  /** {@link #invoke(String, byte[])} with an event as JSON. */
  public InvokeResult invoke(String name, JsonNode event) {
    try {
      return invoke(name, JSON.writeValueAsBytes(event));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A builder of events of the function {@code name}'s DynamoDB stream, as its mapping would
   * deliver them: keyed by the table's key schema, with the images its view type carries.
   */
  public DynamoStreamEvent.Builder streamEvent(String name) {
    return DynamoStreamEvent.of(DynamoStreamSource.of(template, application.find(name),
        engine.region()));
  }

  /** Stops the mappings and gives the database back for the next test. */
  @Override
  public void close() {
    try {
      if (runner != null) {
        runner.close();
      }
      invoker.close();
      dynamo.close();
    } finally {
      database.release();
    }
  }

  /** The ARN the runner gives {@code function}, as its failure records name it. */
  String functionArn(FunctionDefinition function) {
    return "arn:aws:lambda:" + engine.region() + ":" + engine.accountId() + ":function:"
        + function.name();
  }

    Duration deliveryTimeout() {
    return deliveryTimeout;
  }

  List<Invocation> invocationsOf(FunctionDefinition function) {
    return invocations.stream().filter(i -> i.function().equals(function.logicalId())).toList();
  }

  private static JsonNode readJson(byte[] event) {
    try {
      return event.length == 0 ? JSON.createObjectNode() : JSON.readTree(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<JsonNode> response(byte[] payload) {
    try {
      JsonNode tree = JSON.readTree(payload);
      return tree == null || tree.isNull() || tree.isMissingNode() ? Optional.empty()
          : Optional.of(tree);
    } catch (IOException e) {
      return Optional.of(JSON.getNodeFactory().textNode(
          new String(payload, StandardCharsets.UTF_8)));
    }
  }
}
