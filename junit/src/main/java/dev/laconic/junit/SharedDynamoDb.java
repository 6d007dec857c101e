package dev.laconic.junit;

import dev.laconic.local.engine.LocalDynamoDb;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The one in-process DynamoDB of a test run, and the SDK settings that send the functions' own
 * clients to it. One database, on one endpoint, for every test: a function's client made once
 * (in a static field, as Lambda code does) keeps reaching it from test to test. Tests take it in
 * turn, each on an empty database.
 */
final class SharedDynamoDb implements AutoCloseable {

  /**
   * The SDK's JVM settings of the endpoints of DynamoDB and DynamoDB Streams (the environment's
   * {@code AWS_ENDPOINT_URL_DYNAMODB} and {@code AWS_ENDPOINT_URL_DYNAMODB_STREAMS}).
   */
  static final List<String> ENDPOINT_PROPERTIES =
      List.of("aws.endpointUrlDynamoDb", "aws.endpointUrlDynamoDbStreams");

  private final LocalDynamoDb engine;
  private final AtomicBoolean taken = new AtomicBoolean();

  private SharedDynamoDb(LocalDynamoDb engine) {
    this.engine = engine;
  }

  /**
   * Starts the database and points the SDK's default settings at it: the DynamoDB endpoint, and
   * a region and credentials where the JVM has none, as Lambda's environment gives them.
   */
  static SharedDynamoDb start() {
    LocalDynamoDb engine = LocalDynamoDb.start();
    System.getProperties().putIfAbsent("aws.region", engine.region());
    System.getProperties().putIfAbsent("aws.accessKeyId", "local");
    System.getProperties().putIfAbsent("aws.secretAccessKey", "local");
    return new SharedDynamoDb(engine);
  }

  /**
   * The database for one test, emptied of every table the tests before it made.
   *
   * @throws IllegalStateException while another test has it: tests that run in parallel take it
   *     in turn only when they hold the lock {@link LaconicExtension#RESOURCE}
   */
  LocalDynamoDb take() {
    if (!taken.compareAndSet(false, true)) {
      throw new IllegalStateException("Another test is running the application: tests that run"
          + " in parallel share one in-process DynamoDB and take it in turn. @LaconicTest does"
          + " so; with @RegisterExtension, annotate the class with"
          + " @ResourceLock(LaconicExtension.RESOURCE).");
    }
    // Set for each test: a run inside a run (JUnit's engine test kit) has a database of its own.
    ENDPOINT_PROPERTIES.forEach(name -> System.setProperty(name, engine.endpoint().toString()));
    try (DynamoDbClient dynamo = engine.client()) {
      dynamo.listTablesPaginator().tableNames()
          .forEach(table -> dynamo.deleteTable(r -> r.tableName(table)));
    } catch (RuntimeException e) {
      taken.set(false);
      throw e;
    }
    return engine;
  }

  /** Gives the database back once a test's application has stopped. */
  void release() {
    taken.set(false);
  }

  @Override
  public void close() {
    ENDPOINT_PROPERTIES.forEach(name ->
        System.getProperties().remove(name, engine.endpoint().toString()));
    engine.close();
  }
}
