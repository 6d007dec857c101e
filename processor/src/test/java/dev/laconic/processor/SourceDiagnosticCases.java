package dev.laconic.processor;

import static dev.laconic.processor.DiagnosticsTest.baseTemplate;
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

  private SourceDiagnosticCases() {}

  static javax.tools.JavaFileObject kinesisHandler(String attributes) {
    return handler("@KinesisTrigger(streamArn = \"" + STREAM + "\", " + attributes + ")",
        "public void handle(KinesisEvent event) {}");
  }

  static Stream<Case> cases() {
    return Stream.of(
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
        new Case(Diagnostic.RESOURCE_WRONG_TYPE,
            "[LACONIC-508] streamArn = \"@Orders\" is a AWS::DynamoDB::Table. It must be an"
                + " AWS::Kinesis::Stream.",
            "@Orders", handler("@KinesisTrigger(streamArn = \"@Orders\")",
                "public void handle(KinesisEvent event) {}"))
            .withOptions(Compilations.CODE, "-Alaconic.baseTemplate=" + baseTemplate(
                "Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n")));
  }
}
