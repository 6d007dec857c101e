package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchItemFailuresTest {

  @Test
  void aDynamoDbRecordIsReportedByItsSequenceNumberAndLogged() {
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    record.setEventID("e-1");
    record.setDynamodb(new StreamRecord().withSequenceNumber("111"));
    LoggingContext context = new LoggingContext();
    StreamsEventResponse response = BatchItemFailures.firstFailure("Audit.record", record,
        new IllegalStateException("boom"), context);
    assertEquals(List.of("111"), identifiers(response));
    assertEquals(1, context.lines.size());
    String line = context.lines.get(0);
    assertTrue(line.startsWith("Audit.record failed on record with sequence number 111 (event id"
        + " e-1); reporting it as a batch item failure so Lambda retries from it.\n"
        + "java.lang.IllegalStateException: boom"), line);
  }

  @Test
  void aKinesisRecordIsReportedByItsKinesisSequenceNumber() {
    KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
    KinesisEvent.Record kinesis = new KinesisEvent.Record();
    kinesis.setSequenceNumber("4959");
    record.setKinesis(kinesis);
    record.setEventID("shardId-000:4959");
    LoggingContext context = new LoggingContext();
    assertEquals(List.of("4959"), identifiers(BatchItemFailures.firstFailure("K.m", record,
        new RuntimeException("x"), context)));
    assertTrue(context.lines.get(0).contains("sequence number 4959 (event id shardId-000:4959)"));
  }

  @Test
  void aNullRecordIsReportedWithANullIdentifierSoLambdaRetriesTheWholeBatch() {
    StreamsEventResponse response = BatchItemFailures.firstFailure("A.m",
        (DynamodbStreamRecord) null, new RuntimeException("x"), new LoggingContext());
    assertEquals(1, response.getBatchItemFailures().size());
    assertNull(response.getBatchItemFailures().get(0).getItemIdentifier());
  }

  @Test
  void withoutALoggerTheFailureGoesToStandardError() {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      BatchItemFailures.firstFailure("A.m", (DynamodbStreamRecord) null,
          new RuntimeException("lost?"), null);
    } finally {
      System.setErr(original);
    }
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("RuntimeException: lost?"));
  }

  private static List<String> identifiers(StreamsEventResponse response) {
    return response.getBatchItemFailures().stream()
        .map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  /** A Context whose logger keeps what it is given. */
  static final class LoggingContext implements Context {
    final List<String> lines = new ArrayList<>();

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          lines.add(message);
        }

        @Override
        public void log(byte[] message) {
          lines.add(new String(message, StandardCharsets.UTF_8));
        }
      };
    }

    @Override public String getAwsRequestId() { return "r"; }
    @Override public String getLogGroupName() { return "g"; }
    @Override public String getLogStreamName() { return "s"; }
    @Override public String getFunctionName() { return "f"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 1000; }
    @Override public int getMemoryLimitInMB() { return 512; }
  }
}
