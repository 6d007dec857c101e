package dev.laconic.local.engine;

import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Everything that depends on the clock: labels, timestamps, iterator expiry and trimming. */
class StreamTimeTest {
  private static final Instant START = Instant.parse("2026-11-30T05:45:00.123Z");

  private static MutableClock clock;
  private static LocalDynamoDb engine;
  private static DynamoDbClient dynamo;
  private static DynamoDbStreamsClient streams;

  @BeforeAll
  static void start() {
    clock = new MutableClock(START);
    engine = LocalDynamoDb.start(LocalDynamoDb.Settings.defaults().withClock(clock).withRegion("eu-west-1")
        .withAccountId("123456789012"));
    dynamo = TestSupport.dynamo(engine);
    streams = TestSupport.streams(engine);
  }

  @AfterAll
  static void stop() {
    streams.close();
    dynamo.close();
    engine.close();
  }

  @Test
  void labelsAndTimestampsComeFromTheClock() {
    Instant now = clock.instant();
    String table = uniqueName("clock");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    String label = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS")
        .withZone(java.time.ZoneOffset.UTC).format(now);
    assertEquals("arn:aws:dynamodb:eu-west-1:123456789012:table/" + table + "/stream/" + label, arn);
    assertEquals(now, dynamo.describeTable(b -> b.tableName(table)).table().creationDateTime());
    StreamDescription description = streams.describeStream(b -> b.streamArn(arn)).streamDescription();
    assertEquals(now, description.creationRequestDateTime());
    assertEquals(label, description.streamLabel());
    String shardId = description.shards().get(0).shardId();
    assertEquals("shardId-" + String.format("%020d", now.toEpochMilli()), shardId.substring(0, 28));

    clock.advance(Duration.ofMillis(1500));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"))));
    Record record = TestSupport.readStream(streams, arn).get(0);
    assertEquals(Instant.ofEpochSecond(clock.instant().getEpochSecond()),
        record.dynamodb().approximateCreationDateTime());
    assertEquals("eu-west-1", record.awsRegion());
  }

  @Test
  void streamArnsStayUniqueWhenTheClockStandsStill() {
    String table = uniqueName("same-instant");
    String first = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    dynamo.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
    String second = dynamo.updateTable(b -> b.tableName(table).streamSpecification(
        s -> s.streamEnabled(true).streamViewType(StreamViewType.KEYS_ONLY))).tableDescription().latestStreamArn();
    dynamo.deleteTable(b -> b.tableName(table));
    String third = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    assertNotEquals(first, second);
    assertNotEquals(second, third);
    assertNotEquals(first, third);
    assertEquals(3, streams.listStreams(b -> b.tableName(table)).streams().size());
  }

  @Test
  void iteratorsExpireAfterFifteenMinutes() {
    String table = uniqueName("expiry");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    String shardId = shardOf(arn);
    String iterator = iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);
    String spare = iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);
    clock.advance(Duration.ofMinutes(15));
    GetRecordsResponse stillValid = streams.getRecords(b -> b.shardIterator(iterator));
    assertEquals(List.of(), stillValid.records());
    clock.advance(Duration.ofMillis(1));
    ExpiredIteratorException expired =
        assertThrows(ExpiredIteratorException.class, () -> streams.getRecords(b -> b.shardIterator(spare)));
    assertEquals(400, expired.statusCode());
    assertThrows(ExpiredIteratorException.class, () -> streams.getRecords(b -> b.shardIterator(iterator)));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("fresh"))));
    GetRecordsResponse renewed = streams.getRecords(b -> b.shardIterator(stillValid.nextShardIterator()));
    assertEquals(1, renewed.records().size());
    clock.advance(Duration.ofMinutes(14));
    assertNotNull(streams.getRecords(b -> b.shardIterator(renewed.nextShardIterator())).nextShardIterator());
  }

  @Test
  void recordsAreTrimmedAfterTwentyFourHours() {
    String table = uniqueName("trim");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    String shardId = shardOf(arn);
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("old"))));
    String oldSequence = TestSupport.readStream(streams, arn).get(0).dynamodb().sequenceNumber();
    clock.advance(Duration.ofHours(23).plusMinutes(50));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("new"))));
    String horizon = iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);
    String atOld = iterator(arn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, oldSequence);
    assertEquals(List.of("old", "new"), keys(streams.getRecords(b -> b.shardIterator(atOld)).records()));

    clock.advance(Duration.ofMinutes(10));
    assertEquals(List.of("old", "new"), keys(streams.getRecords(b -> b.shardIterator(atOld)).records()));
    clock.advance(Duration.ofMillis(1));
    TrimmedDataAccessException trimmed = assertThrows(TrimmedDataAccessException.class,
        () -> streams.getRecords(b -> b.shardIterator(horizon)));
    assertEquals(400, trimmed.statusCode());
    assertThrows(TrimmedDataAccessException.class,
        () -> iterator(arn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, oldSequence));
    assertEquals(List.of("new"), keys(streams.getRecords(b -> b.shardIterator(
        iterator(arn, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, oldSequence))).records()));
    assertEquals(List.of("new"), keys(streams.getRecords(b -> b.shardIterator(
        iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null))).records()));

    clock.advance(Duration.ofHours(24));
    GetRecordsResponse empty = streams.getRecords(b -> b.shardIterator(
        iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null)));
    assertEquals(List.of(), empty.records());
    assertNotNull(empty.nextShardIterator());
  }

  private static String shardOf(String arn) {
    return streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
  }

  private static String iterator(String arn, String shardId, ShardIteratorType type, String sequenceNumber) {
    return streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(type)
        .sequenceNumber(sequenceNumber)).shardIterator();
  }

  private static List<String> keys(List<Record> records) {
    return records.stream().map(record -> record.dynamodb().keys().get("pk").s()).toList();
  }
}
