package dev.laconic.local.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.LocalRunner;
import dev.laconic.local.app.Application;
import dev.laconic.local.engine.LocalDynamoDb;
import dev.laconic.local.poller.FailureSink;
import dev.laconic.local.poller.PollerSettings;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The runner under load: 100,000 stream records (50,000 items written twice) through one
 * mapping with batches of 100 and a partial batch response, over 11 shards that roll over every
 * 10,000 records, with one record that fails twice and then succeeds and one that fails until it
 * is given up. Prints the throughput and the heap; asserts what was delivered and how much
 * memory the run kept, never time.
 *
 * <p>"Handled twice" here means acknowledged twice: a record before the first one a batch
 * reports failed is done, and Lambda never sends it again. Records at and after a reported
 * failure are sent again, as the rest of the same batch; {@link LoadLedger} checks that those
 * are the only repeats, and that acknowledged records come in the stream's order.
 *
 * <p>Sized for the build: the writes and the run take 20 to 30 s on 2 cores shared with other
 * builds, most of it the writes and the JIT compiling the engine's and the SDK's code.
 */
class RunnerLoadTest {

  static final int KEYS = 50_000;
  static final int RECORDS = KEYS * LoadLedger.VERSIONS;
  static final int RECORDS_PER_SHARD = 10_000;
  /** Keys written per round: their first versions, then their second. */
  static final int ROUND = 1_500;
  static final Duration WAIT = Duration.ofSeconds(120);
  static final String FLAKY = LoadLedger.key(12_345) + " v1";
  static final int FLAKY_FAILURES = 2;
  static final String POISON = LoadLedger.key(34_567) + " v2";
  /** The mapping's MaximumRetryAttempts, in {@link TestFunctions.Load}. */
  static final int RETRIES = 2;
  /**
   * What the run may keep on the heap, beyond what the database holds: far above the poller's
   * read-ahead (at most 1,099 records of one shard, a few MB; the run keeps about 2 MB), far
   * below the events of every record (about 450 MB, measured by having the poller keep each
   * record's JSON), or of a tenth of them.
   */
  static final long HEAP_BOUND = 48L * 1024 * 1024;

  final List<String> output = new CopyOnWriteArrayList<>();
  final FailureSink.InMemory failures = new FailureSink.InMemory();
  LocalDynamoDb engine;
  DynamoDbClient dynamo;

  @BeforeEach
  void startEngine() {
    engine = LocalDynamoDb.start(LocalDynamoDb.Settings.defaults()
        .withRecordsPerShard(RECORDS_PER_SHARD));
    dynamo = engine.client();
  }

  @AfterEach
  void stopEngine() {
    dynamo.close();
    engine.close();
  }

  @Test
  void aHundredThousandRecordsAreEachAcknowledgedOnceInOrderInBoundedMemory() throws Exception {
    String table = "Load";
    StreamTables.create(dynamo, table);
    LoadLedger ledger = LoadLedger.start(KEYS, FLAKY, FLAKY_FAILURES, POISON, RETRIES);

    long writeStart = System.nanoTime();
    writeAll(table);
    double writeSeconds = (System.nanoTime() - writeStart) / 1e9;
    long heapBefore = heapAfterGc();

    long runStart = System.nanoTime();
    long cpuStart = processCpuNanos();
    List<Long> heapDuring = new ArrayList<>();
    try (LocalRunner runner = LocalRunner.builder(Application.fromClassPath(
            RunnerLoadTest.class.getClassLoader()))
        .engine(engine)
        .only("TestFunctionsLoadHandleFunction")
        .parameter("ItemsStream", table)
        .parameter("FailureQueueArn", "arn:aws:sqs:us-east-1:000000000000:failures")
        .output(output::add)
        .failureSink(failures)
        .settings(PollerSettings.defaults().withPollInterval(Duration.ofMillis(20))
            .withRetryBackoff(Duration.ofMillis(1)))
        .start()) {
      // Halfway, the heap after a full collection: what the runner holds while it reads. The
      // collection stops the runner too; its time is not the runner's.
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (ledger.acknowledgements() < RECORDS / 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      long collecting = System.nanoTime();
      heapDuring.add(heapAfterGc());
      long sampling = System.nanoTime() - collecting;
      assertTrue(runner.awaitIdle(WAIT), () -> "not idle: " + output);
      double runSeconds = (System.nanoTime() - runStart - sampling) / 1e9;
      double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
      // At the end, with the runner still open: what it keeps.
      heapDuring.add(heapAfterGc());
      long kept = heapDuring.stream().mapToLong(Long::longValue).max().orElseThrow() - heapBefore;

      int shards = shardCount(table);
      System.out.printf("[load] %,d records in %d shards of %,d, batches of 100: delivered in"
          + " %.1f s, %,.0f records/s (%,d invocations, %,d records sent, %.1f s of the process's"
          + " CPU); written in %.1f s, %,.0f records/s; heap after a full collection %,d KB"
          + " before the run, %s KB halfway and at the end (%+,d KB at most)%n", RECORDS, shards,
          RECORDS_PER_SHARD, runSeconds, RECORDS / runSeconds, ledger.invocations(),
          ledger.delivered(), cpuSeconds, writeSeconds, RECORDS / writeSeconds, heapBefore / 1024,
          heapDuring.stream().map(h -> String.format("%,d", h / 1024)).toList(), kept / 1024);

      assertEquals(RECORDS / RECORDS_PER_SHARD + 1, shards, "each closed shard the parent of"
          + " the next, and the last one open");
      assertEquals(List.of(), ledger.violations());
      assertEquals(List.of(), output.stream().filter(line -> line.contains("\tat ")).toList(),
          "no stack trace");
      JsonNode discarded = onlyFailure();
      JsonNode info = discarded.path("DDBStreamBatchInfo");
      List<String> givenUp = records(table, info.path("shardId").asText(),
          info.path("startSequenceNumber").asText(), info.path("endSequenceNumber").asText());
      assertEquals(POISON, givenUp.get(0), "the batch given up starts at the failing record");
      assertEquals(givenUp.size(), info.path("batchSize").asInt());
      assertEquals("RetryAttemptsExhausted",
          discarded.path("requestContext").path("condition").asText());
      assertEquals(RETRIES + 1, discarded.path("requestContext").path("approximateInvokeCount")
          .asInt());
      assertEquals(RETRIES + 1, ledger.poisonDeliveries());
      assertEquals(FLAKY_FAILURES + 1, ledger.flakyDeliveries(), "two failures, then success");
      assertEquals(givenUp, ledger.acknowledged(0, RECORDS), "never acknowledged: the records"
          + " given up, and no other");
      assertEquals(RECORDS - givenUp.size(), ledger.acknowledgements());
      assertEquals(List.of(), ledger.acknowledged(2, 10), "acknowledged twice");
      assertTrue(kept < HEAP_BOUND, () -> "the run kept " + kept / 1024 + " KB on the heap");
    }
  }

  // ---- helpers ------------------------------------------------------------------------------

  /**
   * Rounds of {@link #ROUND} keys: version 1 of each, then version 2, 25 items a request. The
   * requests are the BatchWriteItem calls the AWS SDK sends, to the same endpoint, made here
   * without the SDK client: its marshalling and request signing took 12 of the 19 s the writes
   * took through it on 2 cores, and the runner is what this test measures.
   */
  private void writeAll(String table) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    StringBuilder body = new StringBuilder();
    for (int first = 0; first < KEYS; first += ROUND) {
      int last = Math.min(KEYS, first + ROUND);
      for (int version = 1; version <= LoadLedger.VERSIONS; version++) {
        for (int key = first; key < last; key++) {
          body.append(body.length() == 0 ? "{\"RequestItems\":{\"" + table + "\":[" : ",");
          body.append("{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"").append(LoadLedger.key(key))
              .append("\"},\"v\":{\"N\":\"").append(version)
              .append("\"},\"customer\":{\"S\":\"customer-").append(key % 997)
              .append("\"},\"total\":{\"N\":\"").append(key % 1000).append('.').append(version)
              .append("5\"},\"status\":{\"S\":\"").append(version == 1 ? "PLACED" : "PAID")
              .append("\"}}}}");
          if ((key - first) % 25 == 24 || key == last - 1) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(engine.endpoint())
                .header("X-Amz-Target", "DynamoDB_20120810.BatchWriteItem")
                .header("Content-Type", "application/x-amz-json-1.0")
                .POST(HttpRequest.BodyPublishers.ofString(body.append("]}}").toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"UnprocessedItems\":{}}", response.body());
            body.setLength(0);
          }
        }
      }
    }
  }

  /** The records of a shard from {@code start} to {@code end}, read back from the stream. */
  private List<String> records(String table, String shardId, String start, String end) {
    List<String> names = new ArrayList<>();
    try (DynamoDbStreamsClient streams = StreamTables.streams(engine)) {
      String iterator = streams.getShardIterator(r -> r.streamArn(streamArn(table))
          .shardId(shardId).shardIteratorType(ShardIteratorType.AT_SEQUENCE_NUMBER)
          .sequenceNumber(start)).shardIterator();
      while (iterator != null) {
        String from = iterator;
        var response = streams.getRecords(r -> r.shardIterator(from));
        for (Record record : response.records()) {
          names.add(record.dynamodb().keys().get("id").s() + " v"
              + record.dynamodb().newImage().get("v").n());
          if (record.dynamodb().sequenceNumber().equals(end)) {
            return names;
          }
        }
        iterator = response.records().isEmpty() ? null : response.nextShardIterator();
      }
    }
    throw new AssertionError("the stream has no record " + end + " after " + start);
  }

  private int shardCount(String table) {
    try (DynamoDbStreamsClient streams = StreamTables.streams(engine)) {
      return streams.describeStream(r -> r.streamArn(streamArn(table))).streamDescription()
          .shards().size();
    }
  }

  private String streamArn(String table) {
    return dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
  }

  private JsonNode onlyFailure() {
    List<JsonNode> records = failures.records();
    assertEquals(1, records.size(), () -> records.size() + " batches given up, the first: "
        + records.get(0));
    return records.get(0);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The heap in use after a full collection. */
  static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
