package dev.laconic.sqs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.laconic.stream.EventJson;
import dev.laconic.stream.MalformedEventException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Objects;

/**
 * The record a DynamoDB stream or Kinesis event source mapping sends to its on-failure
 * destination (an SQS queue or SNS topic) when it gives up on a batch: which function failed, how,
 * and which records of which shard it skipped.
 *
 * <pre>
 * for (SQSEvent.SQSMessage message : event.getRecords()) {
 *   StreamFailure failure = StreamFailure.fromJson(message.getBody());
 *   BatchInfo skipped = failure.batchInfo();
 *   replay(skipped.streamArn(), skipped.shardId(), skipped.startSequenceNumber(),
 *       skipped.endSequenceNumber());
 * }
 * </pre>
 *
 * <p>The record holds no stream records, only where they are: read them from the stream before
 * they expire. Its shape is documented for
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html">DynamoDB
 * streams</a> ({@code DDBStreamBatchInfo}) and
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/kinesis-on-failure-destination.html">Kinesis</a>
 * ({@code KinesisBatchInfo}). The events library's {@code LambdaDestinationEvent} has no field for
 * either, which is why this type exists.
 *
 * @param source the kind of stream the batch came from, told by which batch info the record has
 * @param requestContext the invocation that failed
 * @param responseContext the function's response, or null when the record has none
 * @param version the record format's version, such as {@code "1.0"}
 * @param timestamp when Lambda gave up on the batch, or null when the record does not say
 * @param batchInfo the records skipped
 */
public record StreamFailure(
    Source source,
    RequestContext requestContext,
    ResponseContext responseContext,
    String version,
    Instant timestamp,
    BatchInfo batchInfo) {

  private static final EventJson JSON = new EventJson("on-failure invocation record", "record");

  /** The kind of stream a failed batch came from. */
  public enum Source {
    /** A DynamoDB stream: the record has {@code DDBStreamBatchInfo}. */
    DYNAMODB,
    /** A Kinesis data stream: the record has {@code KinesisBatchInfo}. */
    KINESIS
  }

  /**
   * The invocation that failed.
   *
   * @param requestId the request id of the last invocation
   * @param functionArn the function's ARN
   * @param condition why Lambda gave up, such as {@code RetryAttemptsExhausted}
   * @param approximateInvokeCount how many times the batch was tried
   */
  public record RequestContext(
      String requestId, String functionArn, String condition, int approximateInvokeCount) {}

  /**
   * The function's response to its last invocation.
   *
   * @param statusCode the status code of the invocation
   * @param executedVersion the version that ran, such as {@code $LATEST}
   * @param functionError the kind of function error, such as {@code Unhandled}, or null
   */
  public record ResponseContext(int statusCode, String executedVersion, String functionError) {}

  /**
   * Where the skipped records are.
   *
   * @param shardId the shard
   * @param startSequenceNumber the sequence number of the first record skipped
   * @param endSequenceNumber the sequence number of the last record skipped
   * @param approximateArrivalOfFirstRecord when the first record reached the stream
   * @param approximateArrivalOfLastRecord when the last record reached the stream
   * @param batchSize how many records were skipped
   * @param streamArn the stream's ARN
   */
  public record BatchInfo(
      String shardId,
      String startSequenceNumber,
      String endSequenceNumber,
      Instant approximateArrivalOfFirstRecord,
      Instant approximateArrivalOfLastRecord,
      int batchSize,
      String streamArn) {}

  public StreamFailure {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(requestContext, "requestContext");
    Objects.requireNonNull(batchInfo, "batchInfo");
  }

  /**
   * The record in {@code json}, such as the body of the SQS message that carried it. Unknown
   * fields are ignored; text fields may be missing (null), but the record must have a
   * {@code requestContext} with its {@code approximateInvokeCount}, one batch info with its
   * {@code batchSize}, and a {@code statusCode} in any {@code responseContext}.
   *
   * @throws MalformedEventException naming the line and column when {@code json} is not such a
   *     record
   */
  public static StreamFailure fromJson(String json) {
    Objects.requireNonNull(json, "json");
    try (JsonParser parser = JSON.parser(json.getBytes(StandardCharsets.UTF_8))) {
      if (!JSON.startObject(parser)) {
        throw JSON.malformed(parser, "the record must be a JSON object, found null", null);
      }
      Source source = null;
      RequestContext request = null;
      ResponseContext response = null;
      String version = null;
      Instant timestamp = null;
      BatchInfo batch = null;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        switch (name) {
          case "requestContext" -> request = requestContext(parser);
          case "responseContext" -> response = responseContext(parser);
          case "version" -> version = JSON.text(parser, name);
          case "timestamp" -> timestamp = instant(parser, name);
          case "DDBStreamBatchInfo", "KinesisBatchInfo" -> {
            Source found = name.equals("KinesisBatchInfo") ? Source.KINESIS : Source.DYNAMODB;
            if (EventJson.isNull(parser)) {
              break;
            }
            if (source != null && source != found) {
              throw JSON.malformed(parser, "the record has both DDBStreamBatchInfo and"
                  + " KinesisBatchInfo", null);
            }
            source = found;
            batch = batchInfo(parser, name);
          }
          default -> parser.skipChildren();
        }
      }
      if (batch == null) {
        throw JSON.malformed("the record has neither DDBStreamBatchInfo nor KinesisBatchInfo;"
            + " it is not the on-failure record of a DynamoDB stream or Kinesis mapping");
      }
      if (request == null) {
        throw JSON.malformed("the record has no requestContext");
      }
      return new StreamFailure(source, request, response, version, timestamp, batch);
    } catch (JsonProcessingException e) {
      throw JSON.notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading an array: not expected
    }
  }

  private static RequestContext requestContext(JsonParser parser) throws IOException {
    if (EventJson.isNull(parser)) {
      return null;
    }
    JSON.expect(parser, JsonToken.START_OBJECT, "requestContext");
    String requestId = null;
    String functionArn = null;
    String condition = null;
    Integer invokeCount = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "requestId" -> requestId = JSON.text(parser, name);
        case "functionArn" -> functionArn = JSON.text(parser, name);
        case "condition" -> condition = JSON.text(parser, name);
        case "approximateInvokeCount" -> invokeCount = count(parser, "requestContext." + name);
        default -> parser.skipChildren();
      }
    }
    return new RequestContext(requestId, functionArn, condition,
        required(invokeCount, parser, "requestContext.approximateInvokeCount"));
  }

  private static ResponseContext responseContext(JsonParser parser) throws IOException {
    if (EventJson.isNull(parser)) {
      return null;
    }
    JSON.expect(parser, JsonToken.START_OBJECT, "responseContext");
    Integer statusCode = null;
    String executedVersion = null;
    String functionError = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "statusCode" -> statusCode = count(parser, "responseContext." + name);
        case "executedVersion" -> executedVersion = JSON.text(parser, name);
        case "functionError" -> functionError = JSON.text(parser, name);
        default -> parser.skipChildren();
      }
    }
    return new ResponseContext(required(statusCode, parser, "responseContext.statusCode"),
        executedVersion, functionError);
  }

  private static BatchInfo batchInfo(JsonParser parser, String field) throws IOException {
    JSON.expect(parser, JsonToken.START_OBJECT, field);
    String shardId = null;
    String start = null;
    String end = null;
    Instant first = null;
    Instant last = null;
    Integer batchSize = null;
    String streamArn = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "shardId" -> shardId = JSON.text(parser, name);
        case "startSequenceNumber" -> start = JSON.text(parser, name);
        case "endSequenceNumber" -> end = JSON.text(parser, name);
        case "approximateArrivalOfFirstRecord" -> first = instant(parser, field + "." + name);
        case "approximateArrivalOfLastRecord" -> last = instant(parser, field + "." + name);
        case "batchSize" -> batchSize = count(parser, field + "." + name);
        case "streamArn" -> streamArn = JSON.text(parser, name);
        default -> parser.skipChildren();
      }
    }
    return new BatchInfo(shardId, start, end, first, last,
        required(batchSize, parser, field + ".batchSize"), streamArn);
  }

  /** A JSON whole number within an {@code int}. */
  private static Integer count(JsonParser parser, String field) throws IOException {
    if (EventJson.isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() != JsonParser.NumberType.INT) {
      JsonToken token = parser.currentToken();
      String found = token == JsonToken.VALUE_STRING ? "\"" + parser.getText() + "\""
          : token.isScalarValue() ? parser.getText() : token.toString();
      throw JSON.malformed(parser, field + " must be a whole number within an int, found "
          + found, null);
    }
    return parser.getIntValue();
  }

  private static int required(Integer value, JsonParser parser, String field) {
    if (value == null) {
      throw JSON.malformed(parser, field + " is missing", null);
    }
    return value;
  }

  /** An ISO-8601 instant such as {@code 2019-11-14T00:38:06.021Z}, or with an offset. */
  private static Instant instant(JsonParser parser, String field) throws IOException {
    String text = JSON.text(parser, field);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      throw JSON.malformed(parser, field + " \"" + text + "\" is not an ISO-8601 instant", e);
    }
  }
}
