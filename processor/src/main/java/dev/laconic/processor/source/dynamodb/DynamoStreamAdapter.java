package dev.laconic.processor.source.dynamodb;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.generate.MapperGenerator;
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

  private DynamoStreamAdapter() {}

  static AdapterShape of(FunctionModel function) {
    HandlerShape shape = function.shape();
    return shape.input() == HandlerShape.Input.WINDOW
        ? AdapterShape.window(WINDOW_EVENT, RECORD, STREAM_EVENT_JSON)
        : AdapterShape.stream(EVENT, RECORD, STREAM_EVENT_JSON, recordCall(function),
            function.displayName());
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
