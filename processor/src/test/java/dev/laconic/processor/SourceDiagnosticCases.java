package dev.laconic.processor;

import static dev.laconic.processor.DiagnosticsTest.baseTemplate;
import static dev.laconic.processor.Compilations.source;
import static dev.laconic.processor.DiagnosticsTest.handler;

import dev.laconic.processor.DiagnosticsTest.Case;
import dev.laconic.processor.diag.Diagnostic;
import java.util.stream.Stream;

/**
 * The failing compilations of the diagnostics the event sources brought: windows and on-failure
 * kinds shared by stream triggers (318 to 321), handlers of two sources (112), and
 * {@code @KinesisTrigger} (7xx). {@link DiagnosticsTest} runs them with its own.
 */
final class SourceDiagnosticCases {

  static final String STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/orders";
  static final String KINESIS = "@KinesisTrigger(streamArn = \"" + STREAM + "\")";

  static final String QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders";
  static final String FIFO_QUEUE = "arn:aws:sqs:us-east-1:123456789012:orders.fifo";

  private SourceDiagnosticCases() {}

  static javax.tools.JavaFileObject sqsHandler(String queue, String attributes) {
    return handler("@SqsTrigger(queueArn = \"" + queue + "\"" + attributes + ")",
        "public void handle(SQSEvent event) {}");
  }

  /** The options of a compilation with a base template holding {@code resources}. */
  static String[] withBase(String resources) {
    return new String[] {Compilations.CODE,
        "-Alaconic.baseTemplate=" + baseTemplate("Resources:\n" + resources)};
  }

  static javax.tools.JavaFileObject kinesisHandler(String attributes) {
    return handler("@KinesisTrigger(streamArn = \"" + STREAM + "\", " + attributes + ")",
        "public void handle(KinesisEvent event) {}");
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(Diagnostic.THROWS_THROWABLE,
            "[LACONIC-113] Handler method Handler.handle declares throws java.lang.Throwable. It"
                + " must declare exceptions only (subclasses of Exception)",
            "public void handle", handler(KINESIS,
                "public void handle(KinesisEvent event) throws Throwable {}")),
        new Case(Diagnostic.MAPPED_TYPE_THROWS_THROWABLE,
            "[LACONIC-611] Part.setA declares throws java.lang.Throwable. It must declare"
                + " exceptions only (subclasses of Exception)",
            "setA", source("Part", "public class Part {\n  public void setA(String a) throws"
                + " Throwable {}\n}\n"), handler(KINESIS, "public void handle(Part part) {}")),
        new Case(Diagnostic.MIXED_TRIGGERS,
            "[LACONIC-112] Handler.handle has triggers of two event sources, @DynamoStreamTrigger"
                + " and @KinesisTrigger.",
            "@KinesisTrigger", handler("@DynamoStreamTrigger(streamArn = \"${Orders}\")\n"
                + KINESIS)),
        new Case(Diagnostic.WINDOW_WITHOUT_WINDOW_HANDLER,
            "[LACONIC-318] tumblingWindowInSeconds = 60, but the handler does not take the window,"
                + " so its state would be lost on every invocation. The handler must be",
            "tumblingWindowInSeconds", handler("@DynamoStreamTrigger(streamArn = \"${Orders}\","
                + "\ntumblingWindowInSeconds = 60)")),
        new Case(Diagnostic.WINDOW_HANDLER_WITHOUT_WINDOW,
            "[LACONIC-319] The handler takes a tumbling window, but tumblingWindowInSeconds is 0,"
                + " so Lambda sends no window. It must be between 1 and 900.",
            "@KinesisTrigger", handler(KINESIS, "public TimeWindowEventResponse handle("
                + "KinesisTimeWindowEvent window) { return null; }")),
        new Case(Diagnostic.ON_FAILURE_KIND_UNKNOWN,
            "[LACONIC-320] onFailure = \"${Dlq}\" is a parameter, so the role may send to a queue,"
                + " publish to a topic and write to a bucket of that ARN. Say which it is with"
                + " onFailureKind = SQS, SNS or S3",
            "${Dlq}", handler("@DynamoStreamTrigger(streamArn = \"${Orders}\",\n"
                + "onFailure = \"${Dlq}\")")),
        new Case(Diagnostic.ON_FAILURE_KIND_MISMATCH,
            "[LACONIC-321] onFailureKind = SNS, but onFailure ="
                + " \"arn:aws:sqs:us-east-1:123456789012:dlq\" is SQS.",
            "onFailureKind", kinesisHandler(
                "onFailure = \"arn:aws:sqs:us-east-1:123456789012:dlq\",\n"
                    + "onFailureKind = DestinationKind.SNS")),
        new Case(Diagnostic.KINESIS_STREAM_ARN_INVALID,
            "[LACONIC-701] streamArn = \"arn:aws:dynamodb:us-east-1:123456789012:table/Orders/"
                + "stream/2024-01-01T00:00:00.000\". It must be a Kinesis stream ARN such as"
                + " arn:aws:kinesis:us-west-2:000000000000:stream/orders, ${Name} for a template"
                + " parameter, or @Name for an AWS::Kinesis::Stream of the base template. This is"
                + " a DynamoDB stream: read it with @DynamoStreamTrigger.",
            "arn:aws:dynamodb", handler("@KinesisTrigger(\nstreamArn = \"arn:aws:dynamodb:"
                + "us-east-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000\")",
                "public void handle(KinesisEvent event) {}")),
        new Case(Diagnostic.KINESIS_CONSUMER_ARN_INVALID,
            "[LACONIC-702] consumerArn = \"" + STREAM + "\". It must be a Kinesis stream"
                + " consumer ARN",
            "consumerArn", kinesisHandler("\nconsumerArn = \"" + STREAM + "\"")),
        new Case(Diagnostic.STARTING_TIMESTAMP_MISSING,
            "[LACONIC-703] startingPosition = AT_TIMESTAMP needs startingPositionTimestamp",
            "startingPosition", kinesisHandler(
                "\nstartingPosition = StartingPosition.AT_TIMESTAMP")),
        new Case(Diagnostic.STARTING_TIMESTAMP_UNUSED,
            "[LACONIC-704] startingPositionTimestamp = \"2025-06-01T00:00:00Z\", but"
                + " startingPosition = LATEST. It must be set only with startingPosition ="
                + " AT_TIMESTAMP.",
            "startingPositionTimestamp", kinesisHandler("startingPosition ="
                + " StartingPosition.LATEST,\nstartingPositionTimestamp = \"2025-06-01T00:00:00Z\"")),
        new Case(Diagnostic.STARTING_TIMESTAMP_INVALID,
            "[LACONIC-705] startingPositionTimestamp = \"2025-06-01\". It must be an ISO-8601"
                + " instant",
            "startingPositionTimestamp", kinesisHandler("startingPosition ="
                + " StartingPosition.AT_TIMESTAMP,\nstartingPositionTimestamp = \"2025-06-01\"")),
        new Case(Diagnostic.DUPLICATE_KINESIS_SOURCE,
            "[LACONIC-706] streamArn = \"" + STREAM + "\" is already read by this function.",
            "second", handler(KINESIS + "\n@KinesisTrigger(streamArn = \"" + STREAM + "\","
                + " batchSize = 7) // second", "public void handle(KinesisEvent event) {}")),
        new Case(Diagnostic.CONSUMER_OF_ANOTHER_STREAM,
            "[LACONIC-707] consumerArn = \"arn:aws:kinesis:us-east-1:123456789012:stream/other/"
                + "consumer/audit:1700000000\" is a consumer of"
                + " arn:aws:kinesis:us-east-1:123456789012:stream/other, not of streamArn = \""
                + STREAM + "\".",
            "consumerArn", kinesisHandler("\nconsumerArn = \"arn:aws:kinesis:us-east-1:"
                + "123456789012:stream/other/consumer/audit:1700000000\"")),
        new Case(Diagnostic.STARTING_TIMESTAMP_INVALID,
            "[LACONIC-705] startingPositionTimestamp = \"2999-01-01T00:00:00Z\". It must be an"
                + " ISO-8601 instant such as \"2025-06-01T00:00:00Z\", after 1970 and not in the"
                + " future.",
            "startingPositionTimestamp", kinesisHandler("startingPosition ="
                + " StartingPosition.AT_TIMESTAMP,\nstartingPositionTimestamp ="
                + " \"2999-01-01T00:00:00Z\"")),
        new Case(Diagnostic.RESOURCE_WRONG_TYPE,
            "[LACONIC-508] onFailure = \"@Dlq\" is a SQSQueue. It must be an AWS::SQS::Queue, an"
                + " AWS::SNS::Topic or an AWS::S3::Bucket.",
            "@Dlq", kinesisHandler("\nonFailure = \"@Dlq\""))
            .withOptions(withBase("  Dlq:\n    Type: SQSQueue\n")),
        new Case(Diagnostic.RESOURCE_WRONG_TYPE,
            "[LACONIC-508] streamArn = \"@Orders\" is a AWS::DynamoDB::Table. It must be an"
                + " AWS::Kinesis::Stream.",
            "@Orders", handler("@KinesisTrigger(streamArn = \"@Orders\")",
                "public void handle(KinesisEvent event) {}"))
            .withOptions(Compilations.CODE, "-Alaconic.baseTemplate=" + baseTemplate(
                "Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n")),
        new Case(Diagnostic.SQS_QUEUE_ARN_INVALID,
            "[LACONIC-801] queueArn = \"https://sqs.us-east-1.amazonaws.com/123456789012/orders\"."
                + " It must be an SQS queue ARN such as arn:aws:sqs:us-west-2:000000000000:orders,"
                + " ${Name} for a template parameter, or @Name for an AWS::SQS::Queue of the base"
                + " template. This is the queue's URL",
            "https://", handler("@SqsTrigger(\nqueueArn ="
                + " \"https://sqs.us-east-1.amazonaws.com/123456789012/orders\")",
                "public void handle(SQSEvent event) {}")),
        new Case(Diagnostic.SQS_BATCH_SIZE_RANGE,
            "[LACONIC-802] batchSize = 0. It must be between 1 and 10000.",
            "batchSize", sqsHandler(QUEUE, ",\nbatchSize = 0")),
        new Case(Diagnostic.SQS_FIFO_BATCH_SIZE,
            "[LACONIC-803] batchSize = 20, but " + FIFO_QUEUE + " is a FIFO queue. It must be at"
                + " most 10 for a FIFO queue.",
            "batchSize", sqsHandler(FIFO_QUEUE, ",\nbatchSize = 20")),
        new Case(Diagnostic.SQS_BATCH_SIZE_NEEDS_WINDOW,
            "[LACONIC-804] batchSize = 100 needs maximumBatchingWindowInSeconds of at least 1",
            "batchSize", sqsHandler(QUEUE, ",\nbatchSize = 100")),
        new Case(Diagnostic.SQS_FIFO_BATCHING_WINDOW,
            "[LACONIC-805] maximumBatchingWindowInSeconds = 5, but @Jobs is a FIFO queue, which"
                + " takes no batching window. It must be 0.",
            "maximumBatchingWindowInSeconds", sqsHandler("@Jobs",
                ",\nmaximumBatchingWindowInSeconds = 5"))
            .withOptions(withBase("  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      FifoQueue: true\n")),
        new Case(Diagnostic.SQS_MAXIMUM_CONCURRENCY_RANGE,
            "[LACONIC-806] maximumConcurrency = 1. It must be between 2 and 1000, or 0 for no"
                + " limit.",
            "maximumConcurrency", sqsHandler(QUEUE, ",\nmaximumConcurrency = 1")),
        new Case(Diagnostic.SQS_VISIBILITY_TIMEOUT_TOO_SHORT,
            "[LACONIC-807] queueArn = \"@Jobs\": the queue's VisibilityTimeout is 30 seconds,"
                + " shorter than the function's timeout of 120 seconds, so Lambda refuses the"
                + " mapping. Set the queue's VisibilityTimeout to at least 120 (AWS recommends six"
                + " times the timeout, 720).",
            "@Jobs", handler("@LambdaFunction(timeout = 120)\n@SqsTrigger(queueArn = \"@Jobs\")",
                "public void handle(SQSEvent event) {}"))
            .withOptions(withBase("  Jobs:\n    Type: AWS::SQS::Queue\n")),
        new Case(Diagnostic.DUPLICATE_QUEUE,
            "[LACONIC-808] queueArn = \"" + QUEUE + "\" is already read by this function.",
            "second", handler("@SqsTrigger(queueArn = \"" + QUEUE + "\")\n@SqsTrigger(queueArn"
                + " = \"" + QUEUE + "\", batchSize = 5) // second",
                "public void handle(SQSEvent event) {}")),
        new Case(Diagnostic.SQS_KMS_KEY_UNRESOLVED,
            "[LACONIC-809] queueArn = \"@Jobs\": the queue is encrypted with KmsMasterKeyId"
                + " alias/orders, which names no key Laconic can grant kms:Decrypt on.",
            "@Jobs", sqsHandler("@Jobs", ""))
            .withOptions(withBase("  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      KmsMasterKeyId: alias/orders\n")));
  }
}
