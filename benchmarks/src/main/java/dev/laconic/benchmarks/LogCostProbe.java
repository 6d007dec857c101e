package dev.laconic.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.laconic.logging.StructuredLog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One cold batch of the sample's echo function, in a fresh JVM: reads the event file, deserializes
 * it as the runtime does, logs the request and each record's keys and new image by the way named,
 * prints {@code handled} and the bytes logged, and exits. {@link LogCost} times it.
 *
 * <p>Arguments: {@code none|text|structured} and the event file. {@code text} is the echo's
 * former {@code LambdaLogger.log} of concatenated strings; {@code structured} is {@link
 * StructuredLog}, whose format the JVM's {@code AWS_LAMBDA_LOG_FORMAT} sets, as on Lambda.
 */
public final class LogCostProbe {

  private LogCostProbe() {}

  public static void main(String[] args) throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(args[1]));
    DynamodbEvent event = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
        LogCostProbe.class.getClassLoader()).fromJson(new ByteArrayInputStream(bytes));
    CountingLogger logger = new CountingLogger();
    Context context = new QuietContext(logger);
    switch (args[0]) {
      case "text" -> {
        logger.log("Request received: RequestID=" + context.getAwsRequestId());
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
          logger.log("DynamoDb Event: Keys=" + record.getDynamodb().getKeys()
              + " NewImage=" + record.getDynamodb().getNewImage());
        }
      }
      case "structured" -> {
        StructuredLog log = StructuredLog.of(context);
        log.info("Request received", Map.of("RequestID", context.getAwsRequestId()));
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
          log.info("DynamoDb Event", Map.of("Keys", record.getDynamodb().getKeys(),
              "NewImage", record.getDynamodb().getNewImage()));
        }
      }
      default -> { }
    }
    System.out.println(new StringBuilder("handled ").append(event.getRecords().size())
        .append(' ').append(logger.bytes));
    System.out.flush();
  }

  /** Counts what it is given, as the runtime's logger would write it out, and keeps nothing. */
  private static final class CountingLogger implements LambdaLogger {
    long bytes;

    @Override
    public void log(String message) {
      bytes += message.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public void log(byte[] message) {
      bytes += message.length;
    }

    @Override
    public void log(String message, LogLevel level) {
      log(message);
    }

    @Override
    public void log(byte[] message, LogLevel level) {
      log(message);
    }
  }
}
