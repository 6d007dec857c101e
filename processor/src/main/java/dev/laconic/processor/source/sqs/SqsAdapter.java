package dev.laconic.processor.source.sqs;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.generate.JsonReaderGenerator;
import dev.laconic.processor.generate.SyntheticItems;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.HandlerShape;

/**
 * How an SQS adapter reads, calls and answers: {@code SQSEvent} in, {@code SQSBatchResponse}
 * out. Per-message handlers report partial failures by message id through the run-time
 * library's {@code SqsBatchFailures}: every failed message on a standard queue, the first failure
 * and every later message on a FIFO queue.
 */
final class SqsAdapter {

  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events";
  private static final ClassName EVENT = ClassName.get(EVENTS, "SQSEvent");
  private static final ClassName MESSAGE = EVENT.nestedClass("SQSMessage");
  private static final ClassName RESPONSE = ClassName.get(EVENTS, "SQSBatchResponse");
  private static final ClassName SQS_EVENT_JSON = ClassName.get("dev.laconic.sqs", "SqsEventJson");
  private static final ClassName BATCH_FAILURES =
      ClassName.get("dev.laconic.sqs", "SqsBatchFailures");
  private static final ClassName JSON_PAYLOADS = ClassName.get("dev.laconic.json", "JsonPayloads");
  private static final ClassName STREAM_FAILURE =
      ClassName.get("dev.laconic.sqs", "StreamFailure");
  private static final ClassName SYNTHETIC_EVENTS =
      ClassName.get("dev.laconic.snapstart", "SyntheticEvents");

  private SqsAdapter() {}

  static AdapterShape of(FunctionModel function) {
    return new AdapterShape(EVENT, MESSAGE, RESPONSE, SQS_EVENT_JSON, "read", SQS_EVENT_JSON,
        "write", null, null, null,
        function.shape().input().wholeEvent() ? null : loop(function))
        .withPriming(priming(function));
  }

  /**
   * Priming with a message whose body is the mapped type's synthetic item, or an on-failure
   * record for {@code StreamFailure} handlers, read as the handler call reads it; with a small
   * JSON document for untyped handlers.
   */
  private static AdapterShape.Priming priming(FunctionModel function) {
    HandlerShape shape = function.shape();
    CodeBlock response = CodeBlock.of("$T.sqsResponse()", SYNTHETIC_EVENTS);
    return switch (shape.input()) {
      case JSON_BODY -> new AdapterShape.Priming(
          CodeBlock.of("$T.sqs(\n$S)", SYNTHETIC_EVENTS, SyntheticItems.json(function)),
          CodeBlock.of("$T.body(record, $T::fromJson);\n", JSON_PAYLOADS,
              JsonReaderGenerator.readerName(shape.itemType())),
          response);
      case STREAM_FAILURE -> new AdapterShape.Priming(
          CodeBlock.of("$T.sqs($T.streamFailureBody())", SYNTHETIC_EVENTS, SYNTHETIC_EVENTS),
          CodeBlock.of("$T.fromJson(record.getBody());\n", STREAM_FAILURE),
          response);
      default -> new AdapterShape.Priming(CodeBlock.of("$T.sqs()", SYNTHETIC_EVENTS), null,
          response);
    };
  }

  private static CodeBlock loop(FunctionModel function) {
    HandlerShape shape = function.shape();
    String context = shape.takesContext() ? ", context" : "";
    CodeBlock argument = switch (shape.input()) {
      case STREAM_FAILURE -> CodeBlock.of("$T.fromJson(message.getBody())", STREAM_FAILURE);
      case JSON_BODY -> CodeBlock.of("$T.body(message, $T::fromJson)", JSON_PAYLOADS,
          JsonReaderGenerator.readerName(shape.itemType()));
      default -> CodeBlock.of("message");
    };
    return CodeBlock.builder()
        .addStatement("$T failures = new $T($S, context)", BATCH_FAILURES, BATCH_FAILURES,
            function.displayName())
        .beginControlFlow("if (event == null || event.getRecords() == null)")
        .addStatement("return failures.response()")
        .endControlFlow()
        .beginControlFlow("for ($T message : event.getRecords())", MESSAGE)
        .beginControlFlow("if (failures.skips(message))")
        .add("// FIFO: a message after a failure waits for it, reported, not handled.\n")
        .addStatement("continue")
        .endControlFlow()
        .beginControlFlow("try")
        .addStatement("handler.$L($L$L)", function.methodName(), argument, context)
        .nextControlFlow("catch ($T e)", Exception.class)
        .addStatement("failures.failed(message, e)")
        .endControlFlow()
        .endControlFlow()
        .addStatement("return failures.response()")
        .build();
  }
}
