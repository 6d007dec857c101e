package dev.laconic.local.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.laconic.logging.StructuredLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A hand-written handler of the logging tests' own template: logs through every form of
 * {@code LambdaLogger} and through {@link StructuredLog}, at several levels, then fails when the
 * event is {@code "fail"}.
 */
public class LoggingLevels implements RequestStreamHandler {

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    LambdaLogger logger = context.getLogger();
    logger.log("no level");
    for (LogLevel level : new LogLevel[] {LogLevel.TRACE, LogLevel.DEBUG, LogLevel.INFO,
        LogLevel.WARN, LogLevel.ERROR, LogLevel.FATAL}) {
      logger.log("at " + level, level);
    }
    logger.log("raw \"bytes\" at DEBUG\n".getBytes(StandardCharsets.UTF_8), LogLevel.DEBUG);
    StructuredLog log = StructuredLog.of(context);
    log.info("Request received", Map.of("RequestID", context.getAwsRequestId()));
    log.debug("DynamoDb Event", Map.of(
        "Keys", Map.of("pk", new AttributeValue("o-1")),
        "NewImage", Map.of("pk", new AttributeValue("o-1"),
            "total", new AttributeValue().withN("59.9"))));
    log.warn("clash", Map.of("level", "mine"));
    if (new String(input.readAllBytes(), StandardCharsets.UTF_8).equals("\"fail\"")) {
      throw new IllegalStateException("failed as asked");
    }
  }
}
