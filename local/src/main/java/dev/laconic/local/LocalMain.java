package dev.laconic.local;

import dev.laconic.local.app.Application;
import dev.laconic.local.engine.LocalDynamoDb;
import dev.laconic.local.poller.FailureSink;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The command line of the local runner: runs the application on the class path until stopped.
 *
 * <pre>
 * java -cp &lt;application classes and dependencies&gt;:laconic-local.jar dev.laconic.local.LocalMain \
 *     --table OrdersTable:pk
 * </pre>
 */
public final class LocalMain {

  static final String USAGE = String.join("\n",
      "Usage: LocalMain [options] [Name=value ...]",
      "  --endpoint URL    read the streams at URL (another local DynamoDB); --endpoint aws reads",
      "                    the region's real endpoint; without it, an in-process DynamoDB runs",
      "  --region REGION   the region (default: the SDK's default region, us-east-1 in process)",
      "  --template FILE   the template, JSON (default: laconic/template.json on the class path)",
      "  --table NAME:KEY  in process only: create table NAME, hash key KEY (S), with a",
      "                    NEW_AND_OLD_IMAGES stream; repeatable",
      "  --only FUNCTION   run only this function (its logical id); repeatable",
      "  --failures FILE   also append discarded batches to FILE, one JSON per line",
      "  Name=value        a template parameter; for a stream, a stream ARN or a table name");

  /** What to do while the mappings run: wait for Ctrl-C, or (in tests) write and return. */
  interface WhileRunning {
    void run(LocalRunner runner, LocalDynamoDb engine) throws InterruptedException;
  }

  /** A wrong command line: printed with the usage. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private LocalMain() {}

  public static void main(String[] args) throws InterruptedException {
    int status = run(args, System.out::println, System.err::println, LocalMain::untilStopped);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command line {@code args}; returns the exit status. */
  static int run(String[] args, Consumer<String> out, Consumer<String> err, WhileRunning during)
      throws InterruptedException {
    try {
      return runChecked(args, out, during);
    } catch (UsageException e) {
      err.accept("[laconic] " + e.getMessage());
      err.accept(USAGE);
      return 2;
    } catch (IllegalArgumentException | IllegalStateException e) {
      err.accept("[laconic] " + e.getMessage());
      return 1;
    }
  }

  private static int runChecked(String[] args, Consumer<String> out, WhileRunning during)
      throws InterruptedException {
    String endpoint = null;
    String region = null;
    Path template = null;
    Path failureFile = null;
    List<String> tables = new ArrayList<>();
    List<String> only = new ArrayList<>();
    List<String[]> parameters = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--endpoint" -> endpoint = value(args, ++i);
        case "--region" -> region = value(args, ++i);
        case "--template" -> template = Path.of(value(args, ++i));
        case "--table" -> tables.add(value(args, ++i));
        case "--only" -> only.add(value(args, ++i));
        case "--failures" -> failureFile = Path.of(value(args, ++i));
        case "--help", "-h" -> {
          out.accept(USAGE);
          return 0;
        }
        default -> {
          int equals = arg.indexOf('=');
          if (equals <= 0 || arg.startsWith("-")) {
            throw new UsageException("unknown argument " + arg);
          }
          parameters.add(new String[] {arg.substring(0, equals), arg.substring(equals + 1)});
        }
      }
    }
    if (endpoint != null && !tables.isEmpty()) {
      throw new UsageException("--table creates tables in the in-process DynamoDB only");
    }
    Application application = template != null ? Application.fromTemplate(template)
        : Application.fromClassPath(Thread.currentThread().getContextClassLoader());

    LocalRunner.Builder builder = LocalRunner.builder(application).output(out);
    if (!only.isEmpty()) {
      builder.only(only.toArray(String[]::new));
    }
    for (String[] parameter : parameters) {
      builder.parameter(parameter[0], parameter[1]);
    }
    List<FailureSink> sinks = new ArrayList<>(List.of(FailureSink.printing(out)));
    if (failureFile != null) {
      sinks.add(FailureSink.file(failureFile));
    }
    builder.failureSink(FailureSink.all(sinks));

    LocalDynamoDb engine = endpoint == null ? LocalDynamoDb.start() : null;
    try (LocalDynamoDb owned = engine) {
      if (engine != null) {
        builder.engine(engine);
        createTables(engine, tables, out);
        out.accept("[laconic] In-process DynamoDB at " + engine.endpoint() + " (region "
            + engine.region() + "); write items with: aws dynamodb put-item --endpoint-url "
            + engine.endpoint() + " --region " + engine.region() + " ...");
      } else if (!endpoint.equals("aws")) {
        builder.endpoint(URI.create(endpoint));
      }
      if (region != null) {
        builder.region(region);
      }
      try (LocalRunner runner = builder.start()) {
        out.accept("[laconic] Running " + runner.pollers().size() + " mapping(s).");
        during.run(runner, engine);
      }
    }
    return 0;
  }

  private static void untilStopped(LocalRunner runner, LocalDynamoDb engine)
      throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
    System.out.println("[laconic] Stop with Ctrl-C.");
    stopped.await();
  }

  private static void createTables(LocalDynamoDb engine, List<String> tables,
      Consumer<String> out) {
    if (tables.isEmpty()) {
      return;
    }
    try (DynamoDbClient dynamo = DynamoDbClient.builder()
        .endpointOverride(engine.endpoint())
        .region(Region.of(engine.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build()) {
      for (String table : tables) {
        int colon = table.indexOf(':');
        if (colon <= 0 || colon == table.length() - 1) {
          throw new UsageException("--table " + table + ": expected NAME:KEY");
        }
        String name = table.substring(0, colon);
        String key = table.substring(colon + 1);
        dynamo.createTable(r -> r.tableName(name)
            .keySchema(k -> k.attributeName(key).keyType(KeyType.HASH))
            .attributeDefinitions(a -> a.attributeName(key).attributeType(ScalarAttributeType.S))
            .billingMode("PAY_PER_REQUEST")
            .streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        out.accept("[laconic] Created table " + name + " (hash key " + key + ") with a stream.");
      }
    }
  }

  private static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new UsageException(args[index - 1] + " needs a value");
    }
    return args[index];
  }
}
