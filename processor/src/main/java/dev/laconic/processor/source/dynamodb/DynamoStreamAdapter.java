package dev.laconic.processor.source.dynamodb;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.generate.MapperGenerator;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.HandlerShape;
import java.util.List;

/**
 * How a DynamoDB stream adapter reads, calls and answers: {@code DynamodbEvent} in, {@code
 * StreamsEventResponse} out, a failing record reported by its sequence number.
 */
final class DynamoStreamAdapter implements AdapterShape {

  static final DynamoStreamAdapter INSTANCE = new DynamoStreamAdapter();

  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events";
  private static final ClassName EVENT = ClassName.get(EVENTS, "DynamodbEvent");
  private static final ClassName RECORD = EVENT.nestedClass("DynamodbStreamRecord");
  private static final ClassName RESPONSE = ClassName.get(EVENTS, "StreamsEventResponse");
  private static final ClassName STREAM_RECORDS =
      ClassName.get("dev.laconic.stream", "StreamRecords");
  private static final ClassName BATCH_ITEM_FAILURES =
      ClassName.get("dev.laconic.stream", "BatchItemFailures");
  private static final ClassName STREAM_EVENT_JSON =
      ClassName.get("dev.laconic.stream", "StreamEventJson");

  private DynamoStreamAdapter() {}

  @Override
  public ClassName event() {
    return EVENT;
  }

  @Override
  public ClassName record() {
    return RECORD;
  }

  @Override
  public ClassName response() {
    return RESPONSE;
  }

  @Override
  public ClassName json() {
    return STREAM_EVENT_JSON;
  }

  @Override
  public CodeBlock recordCall(FunctionModel function) {
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
      default -> CodeBlock.of("handler.$L(record$L);\n", function.methodName(), context);
    };
  }

  @Override
  public CodeBlock noFailures() {
    return CodeBlock.of("new $T($T.of())", RESPONSE, List.class);
  }

  @Override
  public CodeBlock failure(FunctionModel function) {
    return CodeBlock.of("$T.firstFailure($S, record, e, context)", BATCH_ITEM_FAILURES,
        function.displayName());
  }
}
