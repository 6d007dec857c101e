package dev.laconic.processor.source.kinesis;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.generate.JsonReaderGenerator;
import dev.laconic.processor.generate.MapperGenerator;
import dev.laconic.processor.generate.SyntheticItems;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.HandlerShape;

/**
 * How a Kinesis adapter reads, calls and answers: {@code KinesisEvent} in, {@code
 * StreamsEventResponse} out, a failing record reported by its Kinesis sequence number; for
 * tumbling windows {@code KinesisTimeWindowEvent} in and {@code TimeWindowEventResponse} out.
 */
final class KinesisAdapter {

  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events";
  private static final ClassName EVENT = ClassName.get(EVENTS, "KinesisEvent");
  private static final ClassName WINDOW_EVENT = ClassName.get(EVENTS, "KinesisTimeWindowEvent");
  private static final ClassName RECORD = EVENT.nestedClass("KinesisEventRecord");
  private static final ClassName KINESIS_EVENT_JSON =
      ClassName.get("dev.laconic.kinesis", "KinesisEventJson");
  private static final ClassName KINESIS_DYNAMO_RECORDS =
      ClassName.get("dev.laconic.kinesis", "KinesisDynamoRecords");
  private static final ClassName JSON_PAYLOADS = ClassName.get("dev.laconic.json", "JsonPayloads");
  private static final ClassName SYNTHETIC_EVENTS =
      ClassName.get("dev.laconic.snapstart", "SyntheticEvents");

  private KinesisAdapter() {}

  static AdapterShape of(FunctionModel function) {
    // Kinesis answers with the same response type as DynamoDB streams, so one writer serves.
    return function.shape().input() == HandlerShape.Input.WINDOW
        ? AdapterShape.window(WINDOW_EVENT, RECORD, KINESIS_EVENT_JSON)
            .withPriming(new AdapterShape.Priming(
                CodeBlock.of("$T.kinesisWindow()", SYNTHETIC_EVENTS), null,
                CodeBlock.of("$T.windowResponse()", SYNTHETIC_EVENTS)))
        : AdapterShape.stream(EVENT, RECORD, KINESIS_EVENT_JSON, recordCall(function),
            function.displayName()).withPriming(priming(function));
  }

  /**
   * Priming with records whose data is the mapped type's synthetic item (a DynamoDB change
   * record of it, for Kinesis Data Streams for DynamoDB), mapped as the handler call maps them;
   * with a small JSON document for untyped handlers.
   */
  private static AdapterShape.Priming priming(FunctionModel function) {
    HandlerShape shape = function.shape();
    CodeBlock response = CodeBlock.of("$T.streamsResponse()", SYNTHETIC_EVENTS);
    return switch (shape.input()) {
      case CHANGE -> new AdapterShape.Priming(
          CodeBlock.of("$T.kinesisDynamoDb(\n$S,\n$S)", SYNTHETIC_EVENTS,
              SyntheticItems.dynamoKeys(function), SyntheticItems.dynamoItem(function)),
          CodeBlock.of("$T.toChange($T.toStreamRecord(record));\n",
              MapperGenerator.mapperName(shape.itemType()), KINESIS_DYNAMO_RECORDS),
          response);
      case JSON_BODY -> new AdapterShape.Priming(
          CodeBlock.of("$T.kinesis(\n$S)", SYNTHETIC_EVENTS, SyntheticItems.json(function)),
          CodeBlock.of("$T.data(record, $T::fromJson);\n", JSON_PAYLOADS,
              JsonReaderGenerator.readerName(shape.itemType())),
          response);
      default -> new AdapterShape.Priming(CodeBlock.of("$T.kinesis()", SYNTHETIC_EVENTS), null,
          response);
    };
  }

  private static CodeBlock recordCall(FunctionModel function) {
    HandlerShape shape = function.shape();
    String context = shape.takesContext() ? ", context" : "";
    return switch (shape.input()) {
      case CHANGE -> CodeBlock.builder()
          .add("// Kinesis Data Streams for DynamoDB: the data is the table's change record.\n")
          .addStatement("handler.$L($T.toChange($T.toStreamRecord(record))$L)",
              function.methodName(), MapperGenerator.mapperName(shape.itemType()),
              KINESIS_DYNAMO_RECORDS, context)
          .build();
      case JSON_BODY -> CodeBlock.of("handler.$L($T.data(record, $T::fromJson)$L);\n",
          function.methodName(), JSON_PAYLOADS, JsonReaderGenerator.readerName(shape.itemType()),
          context);
      case RECORD -> CodeBlock.of("handler.$L(record$L);\n", function.methodName(), context);
      default -> null; // the whole event goes to the handler
    };
  }
}
