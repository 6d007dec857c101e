package dev.laconic.local.engine;

import static dev.laconic.local.engine.TableLifecycleTest.assertValidation;
import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.n;
import static dev.laconic.local.engine.TestSupport.readStream;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.model.StreamStatus;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** What writes put on a stream, and reading it with the Streams API. */
class StreamRecordsTest extends EngineTest {
  /** Insert, modify and remove one item on a table with the given view type; returns the three records. */
  private static List<Record> lifecycle(StreamViewType viewType) {
    String table = uniqueName("view-" + viewType);
    String arn = createTable(dynamo, table, true, viewType);
    Map<String, AttributeValue> key = Map.of("pk", s("p"), "sk", s("s"));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("p"), "sk", s("s"), "v", n("1"))));
    dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", n("2"))));
    dynamo.deleteItem(b -> b.tableName(table).key(key));
    List<Record> records = readStream(streams, arn);
    assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE),
        records.stream().map(Record::eventName).toList());
    records.forEach(record -> {
      assertEquals(key, record.dynamodb().keys());
      assertEquals(viewType, record.dynamodb().streamViewType());
    });
    return records;
  }

  private static Map<String, AttributeValue> item(String v) {
    return Map.of("pk", s("p"), "sk", s("s"), "v", n(v));
  }

  @Test
  void keysOnlyRecordsCarryNoImages() {
    for (Record record : lifecycle(StreamViewType.KEYS_ONLY)) {
      assertFalse(record.dynamodb().hasNewImage());
      assertFalse(record.dynamodb().hasOldImage());
    }
  }

  @Test
  void newImageRecords() {
    List<Record> records = lifecycle(StreamViewType.NEW_IMAGE);
    assertEquals(item("1"), records.get(0).dynamodb().newImage());
    assertEquals(item("2"), records.get(1).dynamodb().newImage());
    assertFalse(records.get(2).dynamodb().hasNewImage());
    records.forEach(record -> assertFalse(record.dynamodb().hasOldImage()));
  }

  @Test
  void oldImageRecords() {
    List<Record> records = lifecycle(StreamViewType.OLD_IMAGE);
    assertFalse(records.get(0).dynamodb().hasOldImage());
    assertEquals(item("1"), records.get(1).dynamodb().oldImage());
    assertEquals(item("2"), records.get(2).dynamodb().oldImage());
    records.forEach(record -> assertFalse(record.dynamodb().hasNewImage()));
  }

  @Test
  void newAndOldImageRecords() {
    List<Record> records = lifecycle(StreamViewType.NEW_AND_OLD_IMAGES);
    assertEquals(item("1"), records.get(0).dynamodb().newImage());
    assertFalse(records.get(0).dynamodb().hasOldImage());
    assertEquals(item("1"), records.get(1).dynamodb().oldImage());
    assertEquals(item("2"), records.get(1).dynamodb().newImage());
    assertEquals(item("2"), records.get(2).dynamodb().oldImage());
    assertFalse(records.get(2).dynamodb().hasNewImage());
  }

  @Test
  void recordEnvelope() {
    List<Record> records = lifecycle(StreamViewType.NEW_AND_OLD_IMAGES);
    BigInteger previous = BigInteger.ZERO;
    for (Record record : records) {
      assertTrue(record.eventID().matches("[0-9a-f]{32}"), record.eventID());
      assertEquals("1.1", record.eventVersion());
      assertEquals("aws:dynamodb", record.eventSource());
      assertEquals("us-east-1", record.awsRegion());
      assertNull(record.userIdentity());
      StreamRecord data = record.dynamodb();
      assertTrue(data.sequenceNumber().matches("[0-9]{21,40}"), data.sequenceNumber());
      BigInteger sequence = new BigInteger(data.sequenceNumber());
      assertTrue(sequence.compareTo(previous) > 0);
      previous = sequence;
      assertTrue(data.sizeBytes() >= 1);
      assertEquals(0, data.approximateCreationDateTime().getNano());
      long now = System.currentTimeMillis() / 1000;
      assertTrue(Math.abs(now - data.approximateCreationDateTime().getEpochSecond()) < 60);
    }
    assertEquals(3, records.stream().map(Record::eventID).distinct().count());
    assertTrue(records.get(1).dynamodb().sizeBytes() > records.get(0).dynamodb().sizeBytes());
  }

  @Test
  void writesThatChangeNothingWriteNoRecord() {
    String table = uniqueName("noop");
    String arn = createTable(dynamo, table, false, StreamViewType.NEW_AND_OLD_IMAGES);
    Map<String, AttributeValue> key = Map.of("pk", s("a"));
    Map<String, AttributeValue> item = Map.of("pk", s("a"), "v", n("1"), "set", AttributeValue.fromSs(List.of("x", "y")));
    dynamo.putItem(b -> b.tableName(table).item(item));
    dynamo.putItem(b -> b.tableName(table).item(item));
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("a"), "v", n("1.0"),
        "set", AttributeValue.fromSs(List.of("y", "x")))));
    dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("SET v = :v")
        .expressionAttributeValues(Map.of(":v", n("1"))));
    dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("REMOVE absent"));
    dynamo.updateItem(b -> b.tableName(table).key(key));
    dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("missing"))));
    dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("missing"))).updateExpression("REMOVE v"));
    dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("ADD v :zero")
        .expressionAttributeValues(Map.of(":zero", n("0"))));
    assertEquals(List.of(OperationType.INSERT), readStream(streams, arn).stream().map(Record::eventName).toList());

    dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("ADD v :one")
        .expressionAttributeValues(Map.of(":one", n("1"))));
    List<Record> records = readStream(streams, arn);
    assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY), records.stream().map(Record::eventName).toList());
    assertEquals("2", records.get(1).dynamodb().newImage().get("v").n());
  }

  @Test
  void batchWritesAndUpdatesAreRecorded() {
    String table = uniqueName("batch-stream");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("gone"))));
    dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, List.of(
        WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", s("x")))).build(),
        WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", s("gone")))).build(),
        WriteRequest.builder().deleteRequest(d -> d.key(Map.of("pk", s("never")))).build()))));
    dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("y"))).updateExpression("SET a = :v")
        .expressionAttributeValues(Map.of(":v", s("1"))));
    List<Record> records = readStream(streams, arn);
    assertEquals(List.of("INSERT gone", "INSERT x", "REMOVE gone", "INSERT y"), records.stream()
        .map(r -> r.eventNameAsString() + " " + r.dynamodb().keys().get("pk").s()).toList());
  }

  @Test
  void trimHorizonLatestAndSequenceNumberIterators() {
    String table = uniqueName("iterators");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    put(table, "a");
    put(table, "b");
    String shardId = onlyShard(arn);
    String latest = iterator(arn, shardId, ShardIteratorType.LATEST, null);
    put(table, "c");
    put(table, "d");

    List<Record> all = records(iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null));
    assertEquals(List.of("a", "b", "c", "d"), keys(all));
    assertEquals(List.of("c", "d"), keys(records(latest)));
    String bSequence = all.get(1).dynamodb().sequenceNumber();
    assertEquals(List.of("b", "c", "d"),
        keys(records(iterator(arn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, bSequence))));
    assertEquals(List.of("c", "d"),
        keys(records(iterator(arn, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, bSequence))));
    String lastSequence = all.get(3).dynamodb().sequenceNumber();
    GetRecordsResponse afterLast = streams.getRecords(b -> b.shardIterator(
        iterator(arn, shardId, ShardIteratorType.AFTER_SEQUENCE_NUMBER, lastSequence)));
    assertEquals(List.of(), afterLast.records());
    assertNotNull(afterLast.nextShardIterator());
    put(table, "e");
    assertEquals(List.of("e"), keys(records(afterLast.nextShardIterator())));

    assertValidation("SequenceNumber is required", () -> iterator(arn, shardId,
        ShardIteratorType.AT_SEQUENCE_NUMBER, null));
    assertValidation("Invalid SequenceNumber", () -> iterator(arn, shardId,
        ShardIteratorType.AT_SEQUENCE_NUMBER, "100000000000000000000"));
    assertValidation("Invalid SequenceNumber", () -> iterator(arn, shardId,
        ShardIteratorType.AT_SEQUENCE_NUMBER, "999999999999999999999"));
    assertValidation("numeric string", () -> iterator(arn, shardId, ShardIteratorType.AT_SEQUENCE_NUMBER, "12"));
    assertThrows(ResourceNotFoundException.class, () -> iterator(arn, "shardId-00000000000000000000-00000000",
        ShardIteratorType.TRIM_HORIZON, null));
    // An ARN that is no stream's ARN is invalid; a stream's ARN that names no stream is not found.
    assertValidation("Invalid StreamArn", () -> iterator(arn + "x", shardId,
        ShardIteratorType.TRIM_HORIZON, null));
    assertValidation("Invalid StreamArn", () -> streams.describeStream(b -> b
        .streamArn("arn:aws:dynamodb:us-east-1:000000000000:table/" + table + "/index/byDate")));
    assertThrows(ResourceNotFoundException.class, () -> iterator(
        arn.replaceAll("stream/.*", "stream/2001-01-01T00:00:00.000"), shardId,
        ShardIteratorType.TRIM_HORIZON, null));
    String sequence = records(iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null)).get(0)
        .dynamodb().sequenceNumber();
    assertValidation("SequenceNumber may only be given with AT_SEQUENCE_NUMBER", () -> iterator(
        arn, shardId, ShardIteratorType.TRIM_HORIZON, sequence));
    assertValidation("not LATEST", () -> iterator(arn, shardId, ShardIteratorType.LATEST,
        sequence));
    assertEquals(List.of(), streams.describeStream(b -> b.streamArn(arn)
        .exclusiveStartShardId("shardId-00000000000000000000-00000000")).streamDescription()
        .shards(), "an unknown start shard: no shards, as DynamoDB Streams answers");
    assertValidation("Invalid ShardIterator", () -> streams.getRecords(b -> b.shardIterator("not-an-iterator")));
  }

  @Test
  void getRecordsPagesWithLimit() {
    String table = uniqueName("paging");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    for (int i = 0; i < 7; i++) {
      put(table, "k" + i);
    }
    String shardId = onlyShard(arn);
    String iterator = iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);
    List<Integer> pageSizes = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    while (true) {
      String current = iterator;
      GetRecordsResponse page = streams.getRecords(b -> b.shardIterator(current).limit(3));
      if (page.records().isEmpty()) {
        assertNotNull(page.nextShardIterator(), "an open shard always has a next iterator");
        break;
      }
      pageSizes.add(page.records().size());
      keys.addAll(keys(page.records()));
      iterator = page.nextShardIterator();
    }
    assertEquals(List.of(3, 3, 1), pageSizes);
    assertEquals(List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6"), keys);
    assertValidation("Member must have value less than or equal to 1000", () -> streams.getRecords(b -> b
        .shardIterator(iterator(arn, shardId, ShardIteratorType.LATEST, null)).limit(1001)));
    assertValidation("Member must have value greater than or equal to 1", () -> streams.getRecords(b -> b
        .shardIterator(iterator(arn, shardId, ShardIteratorType.LATEST, null)).limit(0)));
  }

  @Test
  void disablingKeepsTheStreamReadable() {
    String table = uniqueName("disable");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    put(table, "before");
    String shardId = onlyShard(arn);
    String open = iterator(arn, shardId, ShardIteratorType.TRIM_HORIZON, null);
    dynamo.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
    put(table, "while-disabled");

    DescribeStreamResponse described = streams.describeStream(b -> b.streamArn(arn));
    assertEquals(StreamStatus.DISABLED, described.streamDescription().streamStatus());
    String ending = described.streamDescription().shards().get(0).sequenceNumberRange().endingSequenceNumber();
    assertNotNull(ending);
    GetRecordsResponse read = streams.getRecords(b -> b.shardIterator(open));
    assertEquals(List.of("before"), keys(read.records()));
    assertEquals(ending, read.records().get(0).dynamodb().sequenceNumber());
    assertNull(read.nextShardIterator());

    String second = dynamo.updateTable(b -> b.tableName(table).streamSpecification(
        s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE))).tableDescription().latestStreamArn();
    put(table, "after");
    assertEquals(List.of("after"), keys(readStream(streams, second)));
    assertEquals(List.of("before"), keys(readStream(streams, arn)));
    assertEquals(StreamStatus.ENABLED, streams.describeStream(b -> b.streamArn(second)).streamDescription()
        .streamStatus());

    dynamo.deleteTable(b -> b.tableName(table));
    assertEquals(StreamStatus.DISABLED, streams.describeStream(b -> b.streamArn(second)).streamDescription()
        .streamStatus());
    assertEquals(List.of("after"), keys(readStream(streams, second)));
    assertEquals(List.of(arn, second), streams.listStreams(b -> b.tableName(table)).streams().stream()
        .map(stream -> stream.streamArn()).toList());
  }

  @Test
  void listAndDescribeStreams() {
    String prefix = uniqueName("listed");
    List<String> arns = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      arns.add(createTable(dynamo, prefix + "-" + i, true, StreamViewType.KEYS_ONLY));
    }
    String table0 = prefix + "-0";
    ListStreamsResponse filtered = streams.listStreams(b -> b.tableName(table0));
    assertEquals(1, filtered.streams().size());
    assertEquals(arns.get(0), filtered.streams().get(0).streamArn());
    assertEquals(table0, filtered.streams().get(0).tableName());
    assertTrue(arns.get(0).endsWith("/stream/" + filtered.streams().get(0).streamLabel()));
    assertNull(filtered.lastEvaluatedStreamArn());

    List<String> paged = new ArrayList<>();
    String start = null;
    do {
      String exclusiveStart = start;
      ListStreamsResponse page = streams.listStreams(b -> b.limit(2).exclusiveStartStreamArn(exclusiveStart));
      assertTrue(page.streams().size() <= 2);
      page.streams().forEach(stream -> paged.add(stream.streamArn()));
      start = page.lastEvaluatedStreamArn();
    } while (start != null);
    assertTrue(paged.containsAll(arns), paged.toString());
    assertEquals(paged.size(), new HashSet<>(paged).size());
    assertEquals(streams.listStreams().streams().size(), paged.size());
    assertThrows(ResourceNotFoundException.class,
        () -> streams.listStreams(b -> b.exclusiveStartStreamArn(arns.get(0) + "-unknown")));

    DescribeStreamResponse described = streams.describeStream(b -> b.streamArn(arns.get(1)));
    assertEquals(arns.get(1), described.streamDescription().streamArn());
    assertEquals(prefix + "-1", described.streamDescription().tableName());
    assertEquals(StreamViewType.KEYS_ONLY, described.streamDescription().streamViewType());
    assertEquals(StreamStatus.ENABLED, described.streamDescription().streamStatus());
    assertEquals(2, described.streamDescription().keySchema().size());
    assertNotNull(described.streamDescription().creationRequestDateTime());
    assertEquals(1, described.streamDescription().shards().size());
    var shard = described.streamDescription().shards().get(0);
    assertTrue(shard.shardId().matches("shardId-\\d{20}-[0-9a-f]{8}"), shard.shardId());
    assertNull(shard.parentShardId());
    assertNotNull(shard.sequenceNumberRange().startingSequenceNumber());
    assertNull(shard.sequenceNumberRange().endingSequenceNumber());
    assertThrows(ResourceNotFoundException.class, () -> streams.describeStream(b -> b
        .streamArn("arn:aws:dynamodb:us-east-1:000000000000:table/none/stream/2020-01-01T00:00:00.000")));
  }

  @Test
  void concurrentWritersKeepOneOrder() throws Exception {
    String table = uniqueName("concurrent");
    String arn = createTable(dynamo, table, false, StreamViewType.NEW_IMAGE);
    int writers = 4;
    int perWriter = 25;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        String own = "writer-" + w;
        done.add(pool.submit(() -> {
          for (int i = 1; i <= perWriter; i++) {
            int step = i;
            dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("shared")))
                .updateExpression("ADD hits :one").expressionAttributeValues(Map.of(":one", n("1"))));
            dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(own), "step", n("" + step))));
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
    List<Record> records = readStream(streams, arn);
    assertEquals(2 * writers * perWriter, records.size());
    List<Integer> hits = new ArrayList<>();
    Map<String, List<Integer>> steps = new java.util.HashMap<>();
    BigInteger previous = BigInteger.ZERO;
    for (Record record : records) {
      BigInteger sequence = new BigInteger(record.dynamodb().sequenceNumber());
      assertTrue(sequence.compareTo(previous) > 0);
      previous = sequence;
      Map<String, AttributeValue> image = record.dynamodb().newImage();
      String pk = image.get("pk").s();
      if (pk.equals("shared")) {
        hits.add(Integer.parseInt(image.get("hits").n()));
      } else {
        steps.computeIfAbsent(pk, k -> new ArrayList<>()).add(Integer.parseInt(image.get("step").n()));
      }
    }
    List<Integer> expectedHits = new ArrayList<>();
    for (int i = 1; i <= writers * perWriter; i++) {
      expectedHits.add(i);
    }
    assertEquals(expectedHits, hits);
    List<Integer> expectedSteps = expectedHits.subList(0, perWriter);
    assertEquals(writers, steps.size());
    steps.values().forEach(perItem -> assertEquals(expectedSteps, perItem));
  }

  private static void put(String table, String pk) {
    dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s(pk))));
  }

  private static String onlyShard(String arn) {
    return streams.describeStream(b -> b.streamArn(arn)).streamDescription().shards().get(0).shardId();
  }

  private static String iterator(String arn, String shardId, ShardIteratorType type, String sequenceNumber) {
    return streams.getShardIterator(b -> b.streamArn(arn).shardId(shardId).shardIteratorType(type)
        .sequenceNumber(sequenceNumber)).shardIterator();
  }

  private static List<Record> records(String iterator) {
    return streams.getRecords(b -> b.shardIterator(iterator)).records();
  }

  private static List<String> keys(List<Record> records) {
    return records.stream().map(record -> record.dynamodb().keys().get("pk").s()).toList();
  }
}
