package dev.laconic.local.engine;

import static dev.laconic.local.engine.TableLifecycleTest.assertValidation;
import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Closed shards and their children, from rollover after a number of records and from {@code splitShards}. */
class ShardRolloverTest {
  private static LocalDynamoDb engine;
  private static DynamoDbClient dynamo;
  private static DynamoDbStreamsClient streams;

  @BeforeAll
  static void start() {
    engine = LocalDynamoDb.start(LocalDynamoDb.Settings.defaults().withRecordsPerShard(3));
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
  void shardsRollOverAfterTheConfiguredRecordCount() {
    String table = uniqueName("rollover");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    String firstShard = shards(arn).get(0).shardId();
    put(table, "k0");
    String latestBeforeRollover = iterator(arn, firstShard, ShardIteratorType.LATEST, null);
    for (int i = 1; i < 7; i++) {
      put(table, "k" + i);
    }
    List<Shard> shards = shards(arn);
    assertEquals(3, shards.size());
    assertNull(shards.get(0).parentShardId());
    assertEquals(shards.get(0).shardId(), shards.get(1).parentShardId());
    assertEquals(shards.get(1).shardId(), shards.get(2).parentShardId());
    assertNotNull(shards.get(0).sequenceNumberRange().endingSequenceNumber());
    assertNotNull(shards.get(1).sequenceNumberRange().endingSequenceNumber());
    assertNull(shards.get(2).sequenceNumberRange().endingSequenceNumber());

    List<List<String>> perShard = new ArrayList<>();
    List<Record> all = new ArrayList<>();
    for (Shard shard : shards) {
      List<Record> records = TestSupport.readShard(streams, arn, shard.shardId());
      perShard.add(keys(records));
      all.addAll(records);
      assertEquals(shard.sequenceNumberRange().startingSequenceNumber(), records.get(0).dynamodb().sequenceNumber());
      if (shard.sequenceNumberRange().endingSequenceNumber() != null) {
        assertEquals(shard.sequenceNumberRange().endingSequenceNumber(),
            records.get(records.size() - 1).dynamodb().sequenceNumber());
      }
    }
    assertEquals(List.of(List.of("k0", "k1", "k2"), List.of("k3", "k4", "k5"), List.of("k6")), perShard);
    for (int i = 1; i < all.size(); i++) {
      assertTrue(new BigInteger(all.get(i).dynamodb().sequenceNumber())
          .compareTo(new BigInteger(all.get(i - 1).dynamodb().sequenceNumber())) > 0);
    }

    GetRecordsResponse rest = streams.getRecords(b -> b.shardIterator(latestBeforeRollover));
    assertEquals(List.of("k1", "k2"), keys(rest.records()));
    assertNull(rest.nextShardIterator());
    GetRecordsResponse open = streams.getRecords(b -> b.shardIterator(
        iterator(arn, shards.get(2).shardId(), ShardIteratorType.TRIM_HORIZON, null)));
    assertEquals(List.of("k6"), keys(open.records()));
    assertNotNull(open.nextShardIterator());
  }

  @Test
  void closedShardEndsWithoutNextIterator() {
    String table = uniqueName("closed");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 3; i++) {
      put(table, "k" + i);
    }
    String closed = shards(arn).get(0).shardId();
    GetRecordsResponse first = streams.getRecords(b -> b.shardIterator(
        iterator(arn, closed, ShardIteratorType.TRIM_HORIZON, null)).limit(2));
    assertEquals(List.of("k0", "k1"), keys(first.records()));
    assertNotNull(first.nextShardIterator());
    GetRecordsResponse second = streams.getRecords(b -> b.shardIterator(first.nextShardIterator()).limit(2));
    assertEquals(List.of("k2"), keys(second.records()));
    assertNull(second.nextShardIterator());

    GetRecordsResponse latest = streams.getRecords(b -> b.shardIterator(
        iterator(arn, closed, ShardIteratorType.LATEST, null)));
    assertEquals(List.of(), latest.records());
    assertNull(latest.nextShardIterator());
    String last = first.records().get(1).dynamodb().sequenceNumber();
    assertEquals(List.of("k2"), keys(streams.getRecords(b -> b.shardIterator(
        iterator(arn, closed, ShardIteratorType.AFTER_SEQUENCE_NUMBER, last))).records()));

    put(table, "k3");
    String childSequence = TestSupport.readShard(streams, arn, shards(arn).get(1).shardId()).get(0).dynamodb()
        .sequenceNumber();
    assertValidation("Invalid SequenceNumber", () -> iterator(arn, closed, ShardIteratorType.AT_SEQUENCE_NUMBER,
        childSequence));
  }

  @Test
  void splitShardsClosesTheOpenShard() {
    String table = uniqueName("split");
    String arn = createTable(dynamo, table, false, StreamViewType.NEW_IMAGE);
    put(table, "a");
    engine.splitShards(arn);
    engine.splitShards(arn);
    put(table, "b");
    List<Shard> shards = shards(arn);
    assertEquals(3, shards.size());
    assertEquals(shards.get(0).shardId(), shards.get(1).parentShardId());
    assertEquals(shards.get(1).shardId(), shards.get(2).parentShardId());
    assertEquals(List.of("a"), keys(TestSupport.readShard(streams, arn, shards.get(0).shardId())));

    Shard empty = shards.get(1);
    assertEquals(empty.sequenceNumberRange().startingSequenceNumber(),
        empty.sequenceNumberRange().endingSequenceNumber());
    GetRecordsResponse emptyRead = streams.getRecords(b -> b.shardIterator(
        iterator(arn, empty.shardId(), ShardIteratorType.TRIM_HORIZON, null)));
    assertEquals(List.of(), emptyRead.records());
    assertNull(emptyRead.nextShardIterator());

    List<Record> child = TestSupport.readShard(streams, arn, shards.get(2).shardId());
    assertEquals(List.of("b"), keys(child));
    assertTrue(new BigInteger(child.get(0).dynamodb().sequenceNumber())
        .compareTo(new BigInteger(empty.sequenceNumberRange().endingSequenceNumber())) > 0);

    dynamo.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
    engine.splitShards(arn);
    assertEquals(3, shards(arn).size());
    assertThrows(IllegalArgumentException.class, () -> engine.splitShards(arn + "-unknown"));
  }

  @Test
  void describeStreamPagesThroughShards() {
    String table = uniqueName("many-shards");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 4; i++) {
      engine.splitShards(arn);
    }
    List<String> all = shards(arn).stream().map(Shard::shardId).toList();
    assertEquals(5, all.size());
    List<String> paged = new ArrayList<>();
    String start = null;
    int pages = 0;
    do {
      String exclusiveStart = start;
      DescribeStreamResponse page = streams.describeStream(b -> b.streamArn(arn).limit(2)
          .exclusiveStartShardId(exclusiveStart));
      page.streamDescription().shards().forEach(shard -> paged.add(shard.shardId()));
      start = page.streamDescription().lastEvaluatedShardId();
      pages++;
    } while (start != null);
    assertEquals(all, paged);
    assertEquals(3, pages);
  }

  private static void put(String table, String pk) {
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk))));
  }

  private static List<Shard> shards(String arn) {
    return streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards();
  }

  private static String iterator(String arn, String shardId, ShardIteratorType type, String sequenceNumber) {
    return streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(type)
        .sequenceNumber(sequenceNumber)).shardIterator();
  }

  private static List<String> keys(List<Record> records) {
    return records.stream().map(record -> record.dynamodb().keys().get("pk").s()).toList();
  }
}
