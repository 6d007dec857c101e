package dev.laconic.processor.source.dynamodb;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.generate.MapperGenerator;
import dev.laconic.processor.generate.SyntheticItems;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.HandlerShape;

/**
 * How a DynamoDB stream adapter reads, calls and answers: {@code DynamodbEvent} in, {@code
 * StreamsEventResponse} out, a failing record reported by its sequence number; for tumbling
 * windows {@code DynamodbTimeWindowEvent} in and {@code TimeWindowEventResponse} out.
 */
final class DynamoStreamAdapter {

  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events";
  private static final ClassName EVENT = ClassName.get(EVENTS, "DynamodbEvent");
  private static final ClassName WINDOW_EVENT = ClassName.get(EVENTS, "DynamodbTimeWindowEvent");
  private static final ClassName RECORD = EVENT.nestedClass("DynamodbStreamRecord");
  private static final ClassName STREAM_RECORDS =
      ClassName.get("dev.laconic.stream", "StreamRecords");
  private static final ClassName STREAM_EVENT_JSON =
      ClassName.get("dev.laconic.stream", "StreamEventJson");
  private static final ClassName SYNTHETIC_EVENTS =
      ClassName.get("dev.laconic.snapstart", "SyntheticEvents");

  private DynamoStreamAdapter() {}

  static AdapterShape of(FunctionModel function) {
    HandlerShape shape = function.shape();
    return shape.input() == HandlerShape.Input.WINDOW
        ? AdapterShape.window(WINDOW_EVENT, RECORD, STREAM_EVENT_JSON)
            .withPriming(new AdapterShape.Priming(
                CodeBlock.of("$T.dynamoDbWindow()", SYNTHETIC_EVENTS), null,
                CodeBlock.of("$T.windowResponse()", SYNTHETIC_EVENTS)))
        : AdapterShape.stream(EVENT, RECORD, STREAM_EVENT_JSON, recordCall(function),
            function.displayName()).withPriming(priming(function));
  }

  /**
   * Priming with an INSERT, a MODIFY and a REMOVE: of the mapped type's synthetic item for typed
   * handlers, mapped as the handler call maps them; of an item of every attribute type otherwise.
   */
  private static AdapterShape.Priming priming(FunctionModel function) {
    HandlerShape shape = function.shape();
    CodeBlock response = CodeBlock.of("$T.streamsResponse()", SYNTHETIC_EVENTS);
    CodeBlock mapRecord = switch (shape.input()) {
      case NEW_IMAGE -> CodeBlock.builder()
          .beginControlFlow("if (!$T.isRemove(record))", STREAM_RECORDS)
          .addStatement("$T.fromNewImage(record)", MapperGenerator.mapperName(shape.itemType()))
          .endControlFlow()
          .build();
      case CHANGE -> CodeBlock.of("$T.toChange(record);\n",
          MapperGenerator.mapperName(shape.itemType()));
      default -> null;
    };
    CodeBlock event = mapRecord == null
        ? CodeBlock.of("$T.dynamoDb()", SYNTHETIC_EVENTS)
        : CodeBlock.of("$T.dynamoDb(\n$S,\n$S)", SYNTHETIC_EVENTS,
            SyntheticItems.dynamoKeys(function), SyntheticItems.dynamoItem(function));
    return new AdapterShape.Priming(event, mapRecord, response);
  }

  private static CodeBlock recordCall(FunctionModel function) {
    HandlerShape shape = function.shape();
    String context = shape.takesContext() ? ", context" : "";
    return switch (shape.input()) {
      case NEW_IMAGE -> CodeBlock.builder()
          .add("// A REMOVE has no new image; a handler that takes StreamChange<T> sees it.\n")
          .beginControlFlow("if (!$T.isRemove(record))", STREAM_RECORDS)
          .addStatement("handler.$L($T.fromNewImage(record)$L)", function.methodName(),
              MapperGenerator.mapperName(shape.itemType()), context)
          .endControlFlow()
          .build();
      case CHANGE -> CodeBlock.of("handler.$L($T.toChange(record)$L);\n", function.methodName(),
          MapperGenerator.mapperName(shape.itemType()), context);
      case RECORD -> CodeBlock.of("handler.$L(record$L);\n", function.methodName(), context);
      default -> null; // the whole event goes to the handler
    };
  }
}
