package dev.laconic.local;

import dev.laconic.local.app.Application;
import dev.laconic.local.engine.LocalDynamoDb;
import dev.laconic.local.poller.FailureSink;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The command line of the local runner: runs the application on the class path until stopped,
 * or invokes one of its functions with an event ({@code invoke}), or prints an event
 * ({@code generate-event}).
 *
 * <pre>
 * java -cp &lt;application classes and dependencies&gt;:laconic-local.jar dev.laconic.local.LocalMain \
 *     --table OrdersTable:pk
 * java -cp ... dev.laconic.local.LocalMain generate-event sqs --body '{"id": 1}' \
 *   | java -cp ... dev.laconic.local.LocalMain invoke --function Queue.handle --event -
 * </pre>
 */
public final class LocalMain {

  static final String USAGE = String.join("\n",
      "Usage: LocalMain [options] [Name=value ...]",
      "  Runs the template's event source mappings until stopped.",
      "  --endpoint URL    read the streams at URL (another local DynamoDB); --endpoint aws reads",
      "                    the region's real endpoint; without it, an in-process DynamoDB runs",
      "  --region REGION   the region (default: the SDK's default region, us-east-1 in process)",
      "  --template FILE   the template, JSON (default: laconic/template.json on the class path)",
      "  --table NAME:KEY  in process only: create table NAME, hash key KEY (S), with a",
      "                    NEW_AND_OLD_IMAGES stream; repeatable",
      "  --only FUNCTION   run only this function (its logical id); repeatable",
      "  --failures FILE   also append discarded batches to FILE, one JSON per line",
      "  Name=value        a template parameter; for a stream, a stream ARN or a table name",
      "",
      "Usage: LocalMain invoke --function NAME --event FILE|- [--template FILE] [--region REGION]",
      "  Invokes one function with an event, as sam local invoke does: prints the response, or",
      "  Lambda's error JSON, on standard output and the logs on standard error. Exit status 0,",
      "  1 for a function error, 2 for a wrong command line, function name or event.",
      "  --function NAME   its logical id, FunctionName, handler class, or Class.method",
      "  --event FILE      the event, JSON; - reads standard input",
      "  --template FILE   the template, JSON (default: laconic/template.json on the class path)",
      "  --region REGION   the region of the function's ARN (default us-east-1)",
      "",
      "Usage: LocalMain generate-event dynamodb|kinesis|sqs [options]",
      "  Prints an event for invoke, as sam local generate-event does.",
      "  --source-arn ARN  the stream or queue (default: the mapping's of --function, else an",
      "                    example)",
      "  --function NAME   take the ARN from this function's mapping, when the template writes",
      "                    it out; with --template FILE as for invoke",
      "  dynamodb: --new-image JSON, --old-image JSON, --keys JSON  (DynamoDB JSON; INSERT with",
      "            a new image, MODIFY with both, REMOVE with an old one; keys default to the",
      "            image's first attribute)",
      "  kinesis:  --data TEXT (one record each, base64-encoded), --partition-key KEY",
      "  sqs:      --body TEXT (one message each), --fifo, --message-group-id ID");

  /** What to do while the mappings run: wait for Ctrl-C, or (in tests) write and return. */
  interface WhileRunning {
    void run(LocalRunner runner, LocalDynamoDb engine) throws InterruptedException;
  }

  /** A wrong command line: printed, with the usage unless it names something wrong. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final boolean showUsage;

    UsageException(String message) {
      this(message, true);
    }

    /** A command line that names a function, file or event that is wrong; the message says how. */
    UsageException(String message, boolean showUsage) {
      super(message);
      this.showUsage = showUsage;
    }
  }

  private LocalMain() {}

  public static void main(String[] args) throws InterruptedException {
    PrintStream stdout = System.out;
    if (args.length > 0 && args[0].equals("invoke")) {
      // What the function prints is its log, as on Lambda: standard output carries the payload.
      System.setOut(System.err);
    }
    int status = run(args, System.in, stdout::println, System.err::println,
        LocalMain::untilStopped);
    stdout.flush();
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command line {@code args}, without standard input; returns the exit status. */
  static int run(String[] args, Consumer<String> out, Consumer<String> err, WhileRunning during)
      throws InterruptedException {
    return run(args, InputStream.nullInputStream(), out, err, during);
  }

  /** Runs the command line {@code args}; returns the exit status. */
  static int run(String[] args, InputStream in, Consumer<String> out, Consumer<String> err,
      WhileRunning during) throws InterruptedException {
    try {
      if (args.length > 0 && args[0].equals("invoke")) {
        return InvokeCommand.run(args, in, out, err);
      }
      if (args.length > 0 && args[0].equals("generate-event")) {
        return GenerateEventCommand.run(args, out, err);
      }
      return runChecked(args, out, during);
    } catch (UsageException e) {
      err.accept("[laconic] " + e.getMessage());
      if (e.showUsage) {
        err.accept(USAGE);
      }
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
    try (DynamoDbClient dynamo = engine.client()) {
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

  static String value(String[] args, int index) {
    if (index >= args.length) {
      throw new UsageException(args[index - 1] + " needs a value");
    }
    return args[index];
  }
}
