package dev.laconic.processor.source.dynamodb;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.generate.MapperGenerator;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.HandlerShape;
import java.util.List;
import javax.lang.model.element.Modifier;

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
  private static final ClassName FAILURE = RESPONSE.nestedClass("BatchItemFailure");
  private static final ClassName CONTEXT =
      ClassName.get("com.amazonaws.services.lambda.runtime", "Context");
  private static final ClassName STREAM_RECORDS =
      ClassName.get("dev.laconic.stream", "StreamRecords");
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
  public MethodSpec failedAt(FunctionModel function) {
    return MethodSpec.methodBuilder("failedAt")
        .addJavadoc("Logs the failure and reports {@code record} as the first failure of the batch:"
            + "\nLambda then retries from this record, so no record after it is skipped.\n")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(RESPONSE)
        .addParameter(RECORD, "record")
        .addParameter(Exception.class, "failure")
        .addParameter(CONTEXT, "context")
        .addStatement("String sequenceNumber = record == null || record.getDynamodb() == null"
            + " ? null : record.getDynamodb().getSequenceNumber()")
        .addStatement("$T trace = new $T()", java.io.StringWriter.class, java.io.StringWriter.class)
        .addStatement("failure.printStackTrace(new $T(trace))", java.io.PrintWriter.class)
        .addStatement("String message = $S + sequenceNumber + $S"
                + " + (record == null ? null : record.getEventID())\n    + $S + trace",
            function.displayName() + " failed on record with sequence number ", " (event id ",
            "); reporting it as a batch item failure so Lambda retries from it.\n")
        .beginControlFlow("if (context != null && context.getLogger() != null)")
        .addStatement("context.getLogger().log(message)")
        .nextControlFlow("else")
        .addStatement("System.err.println(message)")
        .endControlFlow()
        .addComment("A null or empty identifier makes Lambda fail and retry the whole batch.")
        .addStatement("return new $T($T.of(new $T(sequenceNumber)))", RESPONSE, List.class,
            FAILURE)
        .build();
  }
}
