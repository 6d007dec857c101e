package dev.laconic.local.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.LocalRunner;
import dev.laconic.local.app.Application;
import dev.laconic.local.engine.LocalDynamoDb;
import dev.laconic.local.engine.MutableClock;
import dev.laconic.local.poller.FailureSink;
import dev.laconic.local.poller.Invocation;
import dev.laconic.local.poller.PollerSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The runner end to end: a table with a stream in the in-process engine, the test functions'
 * generated template and adapters, and the mapping settings each test is about. One engine
 * serves the whole class; each test has its own table.
 */
class LocalRunnerTest {

  static final Duration WAIT = Duration.ofSeconds(20);
  static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

  static MutableClock clock;
  static LocalDynamoDb engine;
  static DynamoDbClient dynamo;
  static Application application;
  static final AtomicInteger TABLES = new AtomicInteger();

  final List<String> output = new CopyOnWriteArrayList<>();
  final FailureSink.InMemory failures = new FailureSink.InMemory();
  String table;
  LocalRunner runner;

  @BeforeAll
  static void startEngine() {
    clock = new MutableClock(START);
    engine = LocalDynamoDb.start(LocalDynamoDb.Settings.defaults().withClock(clock));
    dynamo = DynamoDbClient.builder()
        .endpointOverride(engine.endpoint())
        .region(Region.of(engine.region()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
    application = Application.fromClassPath(LocalRunnerTest.class.getClassLoader());
  }

  @AfterAll
  static void stopEngine() {
    dynamo.close();
    engine.close();
  }

  @BeforeEach
  void newTable() {
    Deliveries.clear();
    table = "Items" + TABLES.incrementAndGet();
    createTable(table, true);
  }

  @AfterEach
  void stopRunner() {
    if (runner != null) {
      runner.close();
    }
  }

  // ---- delivery -----------------------------------------------------------------------------

  @Test
  void everyChangeIsDeliveredOnceInOrderInBatchesNoLargerThanBatchSize() throws Exception {
    start("Everything");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      put("item" + i, "v1");
      expected.add("INSERT item" + i);
    }
    for (int i = 0; i < 5; i++) {
      put("item" + i, "v2");
      expected.add("MODIFY item" + i);
    }
    for (int i = 10; i < 13; i++) {
      delete("item" + i);
      expected.add("REMOVE item" + i);
    }
    awaitIdle();
    assertEquals(expected, Deliveries.records("Everything"));
    assertTrue(Deliveries.batches("Everything").stream().allMatch(b -> b.size() <= 3),
        Deliveries.batches("Everything").toString());
    String streamArn = dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    assertEquals(streamArn, TestFunctions.Everything.last.getEventSourceARN());
    assertEquals("item12", TestFunctions.Everything.last.getDynamodb().getKeys().get("id").getS());
    assertEquals("v1", TestFunctions.Everything.last.getDynamodb().getOldImage().get("v").getS());
  }

  @Test
  void aFailingRecordAndTheLaterOnesAreRedeliveredUntilItSucceeds() throws Exception {
    start("FlakyRecords");
    for (String id : List.of("a", "b", "poison1", "c", "d")) {
      put(id, "v");
    }
    awaitIdle();
    assertEquals(List.of("INSERT a", "INSERT b", "INSERT poison1", "INSERT poison1",
        "INSERT poison1", "INSERT c", "INSERT d"), Deliveries.records("FlakyRecords"));
    assertEquals(List.of(), failures.records());
  }

  @Test
  void aPartialBatchResponseIsReadAsLambdaReadsIt() throws Exception {
    put("r1", "v");
    put("r2", "v");
    put("r3", "v");
    start("OwnResponse");
    awaitIdle();
    assertEquals(List.of(
        inserts("r1", "r2", "r3"), // answers an unknown identifier: the whole batch again
        inserts("r1", "r2", "r3"), // reports r2: r1 is done
        inserts("r2", "r3")), Deliveries.batches("OwnResponse"));
  }

  @Test
  void bisectingIsolatesThePoisonRecord() throws Exception {
    List<String> ids = List.of("i0", "i1", "i2", "i3", "i4", "poison5", "i6", "i7");
    ids.forEach(id -> put(id, "v"));
    start("Bisected"); // after the writes: the first read returns all eight in one batch
    awaitIdle();
    assertEquals(List.of(
        inserts("i0", "i1", "i2", "i3", "i4", "poison5", "i6", "i7"),
        inserts("i0", "i1", "i2", "i3"),
        inserts("i4", "poison5", "i6", "i7"),
        inserts("i4", "poison5"),
        inserts("i4"),
        inserts("poison5"),
        inserts("poison5"),
        inserts("i6", "i7")), Deliveries.batches("Bisected"));
    JsonNode discarded = onlyFailure();
    assertEquals(1, discarded.path("DDBStreamBatchInfo").path("batchSize").asInt());
    assertEquals(discarded.path("DDBStreamBatchInfo").path("startSequenceNumber"),
        discarded.path("DDBStreamBatchInfo").path("endSequenceNumber"));
    assertEquals("RetryAttemptsExhausted",
        discarded.path("requestContext").path("condition").asText());
    assertEquals(2, discarded.path("requestContext").path("approximateInvokeCount").asInt());
  }

  @Test
  void filtersDropExactlyTheRecordsNoPatternMatches() throws Exception {
    start("Filtered");
    put("k1", "v", "keep");
    put("d1", "v", "drop");
    put("a1", "v", "also-this");
    put("k1", "v2", "keep"); // a MODIFY: the first pattern wants INSERT
    put("d1", "v2", "also-now"); // a MODIFY matching the second pattern
    delete("a1"); // a REMOVE has no NewImage
    awaitIdle();
    assertEquals(List.of("INSERT k1", "INSERT a1", "MODIFY d1"), Deliveries.records("Filtered"));
  }

  @Test
  void afterTheLastRetryTheBatchGoesToTheFailureSinkAndTheShardGoesOn() throws Exception {
    Instant written = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    put("x1", "v");
    put("x2", "v");
    put("x3", "v");
    start("AlwaysFails");
    awaitIdle();
    assertEquals(List.of(inserts("x1", "x2", "x3"), inserts("x1", "x2", "x3"),
        inserts("x1", "x2", "x3")), Deliveries.batches("AlwaysFails"), "one try, two retries");
    JsonNode discarded = onlyFailure();
    String streamArn = dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    JsonNode info = discarded.path("DDBStreamBatchInfo");
    assertEquals(3, info.path("batchSize").asInt());
    assertEquals(streamArn, info.path("streamArn").asText());
    assertTrue(info.path("shardId").asText().startsWith("shardId-"), info.toString());
    assertTrue(info.path("startSequenceNumber").asText()
        .compareTo(info.path("endSequenceNumber").asText()) < 0, info.toString());
    assertEquals(written.toString(), info.path("approximateArrivalOfFirstRecord").asText());
    assertEquals(3, discarded.path("requestContext").path("approximateInvokeCount").asInt());
    assertTrue(discarded.path("requestContext").path("functionArn").asText()
        .endsWith(":function:TestFunctionsAlwaysFailsHandleFunction"), discarded.toString());
    assertEquals("Unhandled", discarded.path("responseContext").path("functionError").asText());

    put("x4", "v");
    awaitIdle();
    assertEquals(inserts("x4"), Deliveries.batches("AlwaysFails").get(3));
    assertEquals(2, failures.records().size());
  }

  @Test
  void theBatchingWindowGathersRecordsIntoOneBatch() throws Exception {
    start("Windowed");
    for (int i = 0; i < 5; i++) {
      put("w" + i, "v");
    }
    awaitIdle();
    assertEquals(List.of(inserts("w0", "w1", "w2", "w3", "w4")), Deliveries.batches("Windowed"));
  }

  @Test
  void latestStartsAfterWhatIsAlreadyInTheStream() throws Exception {
    put("before1", "v");
    put("before2", "v");
    start("Latest");
    put("after1", "v");
    put("after2", "v");
    awaitIdle();
    assertEquals(List.of("INSERT after1", "INSERT after2"), Deliveries.records("Latest"));
  }

  @Test
  void shardSplitsAreFollowedParentsBeforeChildren() throws Exception {
    String streamArn = dynamo.describeTable(r -> r.tableName(table)).table().latestStreamArn();
    List<String> expected = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 4; i++) {
        put("s" + round + i, "v");
        expected.add("INSERT s" + round + i);
      }
      engine.splitShards(streamArn);
    }
    start("Everything");
    put("last", "v");
    expected.add("INSERT last");
    awaitIdle();
    assertEquals(expected, Deliveries.records("Everything"));
  }

  @Test
  void anExpiredIteratorIsRenewedWithoutLosingOrRepeatingRecords() throws Exception {
    start("Everything");
    put("e1", "v");
    put("e2", "v");
    awaitIdle();
    clock.advance(Duration.ofMinutes(16)); // iterators expire after 15 minutes
    put("e3", "v");
    put("e4", "v");
    awaitIdle();
    assertEquals(List.of("INSERT e1", "INSERT e2", "INSERT e3", "INSERT e4"),
        Deliveries.records("Everything"));
  }

  @Test
  void recordsOlderThanTheMaximumAgeAreGivenUpWithoutAnInvocation() throws Exception {
    put("old1", "v");
    put("old2", "v");
    clock.advance(Duration.ofMinutes(2));
    start("Aged");
    awaitIdle();
    assertEquals(List.of(), Deliveries.records("Aged"));
    JsonNode discarded = onlyFailure();
    assertEquals("RecordAgeExceeded", discarded.path("requestContext").path("condition").asText());
    assertEquals(0, discarded.path("requestContext").path("approximateInvokeCount").asInt());
    assertEquals(2, discarded.path("DDBStreamBatchInfo").path("batchSize").asInt());

    put("fresh", "v");
    awaitIdle();
    assertEquals(List.of("INSERT fresh"), Deliveries.records("Aged"));
  }

  @Test
  void theInvocationListenerHearsEveryAttemptAndItsFailureCostsNoRecord() throws Exception {
    List<Invocation> heard = new CopyOnWriteArrayList<>();
    runner = LocalRunner.builder(application)
        .engine(engine)
        .only(function("FlakyRecords"))
        .parameter("ItemsStream", table)
        .output(output::add)
        .failureSink(failures)
        .settings(PollerSettings.defaults().withPollInterval(Duration.ofMillis(20))
            .withRetryBackoff(Duration.ofMillis(1)).withClock(clock))
        .onInvocation(invocation -> {
          heard.add(invocation);
          throw new IllegalStateException("a listener's own bug");
        })
        .start();
    assertTrue(runner.awaitStarted(WAIT));
    for (String id : List.of("a", "poison1", "b")) {
      put(id, "v");
    }
    awaitIdle();

    assertEquals(List.of("INSERT a", "INSERT poison1", "INSERT poison1", "INSERT poison1",
        "INSERT b"), Deliveries.records("FlakyRecords"));
    assertTrue(heard.size() >= 3, "poison1 fails twice: " + heard.size());
    assertEquals(Optional.of("TestFunctionsFlakyRecordsHandleStreamMapping"),
        heard.get(0).mapping());
    assertTrue(output.stream().anyMatch(line -> line.contains(
        "the invocation listener failed: java.lang.IllegalStateException: a listener's own bug")),
        output.toString());
  }

  @Test
  void anErrorFromTheHandlerIsAFailedInvocationNotTheEndOfTheMapping() throws Exception {
    start("ThrowsError");
    put("e1", "v");
    awaitIdle();
    put("e2", "v");
    awaitIdle();
    assertEquals(List.of(inserts("e1"), inserts("e1"), inserts("e2")),
        Deliveries.batches("ThrowsError"));
  }

  @Test
  void withBisectOnAPartialResponseRetriesFromTheReportedRecordWithoutHalving()
      throws Exception {
    List.of("a", "b", "poison", "c", "d").forEach(id -> put(id, "v"));
    start("PartialBisect");
    awaitIdle();
    assertEquals(List.of(inserts("a", "b", "poison", "c", "d"), inserts("poison", "c", "d"),
        inserts("poison", "c", "d")), Deliveries.batches("PartialBisect"));
  }

  @Test
  void bisectingCostsNoRetry() throws Exception {
    List.of("w", "x", "poison", "y").forEach(id -> put(id, "v"));
    start("BisectNoRetry");
    awaitIdle();
    assertEquals(List.of(inserts("w", "x", "poison", "y"), inserts("w", "x"),
        inserts("poison", "y"), inserts("poison"), inserts("y")),
        Deliveries.batches("BisectNoRetry"));
    assertEquals(1, onlyFailure().path("DDBStreamBatchInfo").path("batchSize").asInt());
  }

  @Test
  void withoutLimitsAFailingRecordIsRetriedUntilTheStreamWouldTrimIt() throws Exception {
    put("stuck1", "v");
    start("Stuck");
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (Deliveries.records("Stuck").size() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    clock.advance(Duration.ofHours(25)); // past the 24 hours DynamoDB keeps a record
    put("fresh1", "v");
    awaitIdle();
    // The mapping has no failure destination: Lambda drops the batch, and the runner says so.
    assertEquals(List.of(), failures.records());
    List<String> dropped = output.stream().filter(line -> line.contains("the mapping has no"
        + " failure destination, so Lambda would drop them")).toList();
    assertEquals(1, dropped.size(), output.toString());
    assertTrue(dropped.get(0).contains("\"condition\":\"RecordAgeExceeded\""), dropped.get(0));
    List<String> records = Deliveries.records("Stuck");
    assertEquals("INSERT fresh1", records.get(records.size() - 1));
    assertTrue(records.subList(0, records.size() - 1).stream()
        .allMatch("INSERT stuck1"::equals), records.toString());
  }

  @Test
  void batchesStopShortOfLambdasSixMegabytes() throws Exception {
    String large = "\u00e9".repeat(190_000); // 380,000 bytes in UTF-8
    for (int i = 0; i < 20; i++) {
      put("big" + i, large);
    }
    start("Large");
    awaitIdle();
    List<List<String>> batches = Deliveries.batches("Large");
    assertEquals(20, batches.stream().mapToInt(List::size).sum());
    assertTrue(batches.size() >= 2 && batches.stream().allMatch(b -> b.size() <= 16),
        batches.stream().map(List::size).toList().toString());
  }

  // ---- clear errors -------------------------------------------------------------------------

  @Test
  void aTableWithoutAStreamIsAClearError() {
    createTable(table + "NoStream", false);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> runner(table + "NoStream", "Everything"));
    assertEquals("TestFunctionsEverythingHandleStreamMapping: table " + table + "NoStream has no"
        + " stream. Enable one with StreamSpecification (StreamEnabled: true, StreamViewType:"
        + " NEW_AND_OLD_IMAGES).", error.getMessage());
  }

  @Test
  void anUnknownTableOrStreamIsAClearError() {
    assertEquals("TestFunctionsEverythingHandleStreamMapping: ${ItemsStream} = \"Nope\" is"
        + " neither a stream ARN nor a table at this endpoint.",
        assertThrows(IllegalArgumentException.class, () -> runner("Nope", "Everything"))
            .getMessage());
    String unknown = "arn:aws:dynamodb:" + engine.region() + ":" + engine.accountId()
        + ":table/Nope/stream/2026-01-01T00:00:00.000";
    assertEquals("TestFunctionsEverythingHandleStreamMapping: stream " + unknown + " does not"
        + " exist at this endpoint.",
        assertThrows(IllegalArgumentException.class, () -> runner(unknown, "Everything"))
            .getMessage());
    String notAStream = "arn:aws:dynamodb:" + engine.region() + ":" + engine.accountId()
        + ":table/Nope";
    assertEquals("TestFunctionsEverythingHandleStreamMapping: " + notAStream + " is not a"
        + " DynamoDB stream's ARN (Invalid StreamArn: " + notAStream + ").",
        assertThrows(IllegalArgumentException.class, () -> runner(notAStream, "Everything"))
            .getMessage());
  }

  @Test
  void aFilterLambdaWouldRejectStopsTheStart() {
    dev.laconic.local.app.MappingDefinition everything = application
        .function(function("Everything")).orElseThrow().mappings().get(0);
    dev.laconic.local.app.MappingDefinition bad = new dev.laconic.local.app.MappingDefinition(
        everything.logicalId(), everything.eventSourceArn(), everything.startingPosition(),
        everything.batchSize(), true, 0, -1, -1, false,
        List.of("{\"eventName\": [{\"sufix\": \"T\"}]}"), false, java.util.Optional.empty());
    Application withBadFilter = new Application(List.of(new dev.laconic.local.app
        .FunctionDefinition("Bad", application.function(function("Everything")).orElseThrow()
            .handler(), java.util.Optional.empty(), 3, 128, Map.of(), true, List.of(bad),
            dev.laconic.local.app.LoggingConfig.TEXT)));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LocalRunner.builder(withBadFilter).engine(engine).parameter("ItemsStream", table)
            .start());
    assertTrue(error.getMessage().contains("unknown operator \"sufix\" at \"eventName\""),
        error.getMessage());
  }

  @Test
  void aMappingOfAnotherSourceIsLeftToInvoke() {
    dev.laconic.local.app.FunctionDefinition everything = application
        .function(function("Everything")).orElseThrow();
    dev.laconic.local.app.MappingDefinition kinesis = new dev.laconic.local.app.MappingDefinition(
        "EverythingKinesisMapping", everything.mappings().get(0).eventSourceArn(), "LATEST",
        100, true, 0, -1, -1, false,
        List.of(), false, java.util.Optional.empty());
    Application withKinesis = new Application(List.of(new dev.laconic.local.app
        .FunctionDefinition("Everything", everything.handler(), java.util.Optional.empty(), 3,
            128, Map.of(), true, List.of(kinesis), dev.laconic.local.app.LoggingConfig.TEXT)));
    String stream = "arn:aws:kinesis:us-east-1:000000000000:stream/orders";
    try (LocalRunner kinesisRunner = LocalRunner.builder(withKinesis).engine(engine)
        .parameter("ItemsStream", stream).output(output::add).start()) {
      assertEquals(0, kinesisRunner.pollers().size());
    }
    assertEquals(List.of("[laconic] EverythingKinesisMapping reads " + stream + "; the runner"
        + " polls DynamoDB streams only. Invoke Everything with an event instead (LocalMain"
        + " invoke --function Everything --event FILE)."), output);
  }

  @Test
  void aKinesisStreamOrQueueOfTheTemplateIsReportedNotTakenForATable() throws Exception {
    // As Laconic writes @Name sources: Fn::GetAtt [Name, Arn] of the template's own resources.
    String handler = application.function(function("Everything")).orElseThrow().handler();
    Application template = Application.parse(LocalMainInvokeTest.JSON.readTree("""
        {"Resources": {
          "%1$s": {"Type": "AWS::DynamoDB::Table"},
          "Changes": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
          "Failures": {"Type": "AWS::SQS::Queue"},
          "EverythingFunction": {"Type": "AWS::Lambda::Function",
              "Properties": {"Handler": "%2$s"}},
          "EverythingStreamMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
              "FunctionName": {"Ref": "EverythingFunction"},
              "EventSourceArn": {"Fn::GetAtt": ["%1$s", "StreamArn"]},
              "DestinationConfig": {"OnFailure": {
                  "Destination": {"Fn::GetAtt": ["Failures", "Arn"]}}}}},
          "EverythingKinesisMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
              "FunctionName": {"Ref": "EverythingFunction"},
              "EventSourceArn": {"Fn::GetAtt": ["Changes", "Arn"]}}},
          "EverythingQueueMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
              "FunctionName": {"Ref": "EverythingFunction"},
              "EventSourceArn": {"Fn::GetAtt": ["Failures", "Arn"]}}}
        }}
        """.formatted(table, handler)));
    runner = LocalRunner.builder(template).engine(engine).output(output::add)
        .settings(PollerSettings.defaults().withPollInterval(Duration.ofMillis(20))
            .withClock(clock))
        .start();
    assertEquals(1, runner.pollers().size(), output.toString());
    assertEquals(List.of(
        "[laconic] EverythingKinesisMapping reads Changes (AWS::Kinesis::Stream); the runner"
            + " polls DynamoDB streams only. Invoke EverythingFunction with an event instead"
            + " (LocalMain invoke --function EverythingFunction --event FILE).",
        "[laconic] EverythingQueueMapping reads Failures (AWS::SQS::Queue); the runner polls"
            + " DynamoDB streams only. Invoke EverythingFunction with an event instead"
            + " (LocalMain invoke --function EverythingFunction --event FILE)."),
        output.stream().filter(line -> line.contains(" reads ")).toList());

    assertTrue(runner.awaitStarted(WAIT));
    put("item1", "v1");
    awaitIdle();
    assertEquals(List.of("INSERT item1"), Deliveries.records("Everything"),
        "the table's mapping runs");
  }

  @Test
  void aTableOfTheTemplateMissingFromTheEndpointIsAClearError() throws Exception {
    String handler = application.function(function("Everything")).orElseThrow().handler();
    Application template = Application.parse(LocalMainInvokeTest.JSON.readTree("""
        {"Resources": {
          "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "NoSuchTable"}},
          "EverythingFunction": {"Type": "AWS::Lambda::Function",
              "Properties": {"Handler": "%s"}},
          "EverythingStreamMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
              "FunctionName": {"Ref": "EverythingFunction"},
              "EventSourceArn": {"Fn::GetAtt": ["Orders", "StreamArn"]}}}
        }}
        """.formatted(handler)));
    assertEquals("EverythingStreamMapping: the table Orders (AWS::DynamoDB::Table) of the"
        + " template is not at this endpoint: create a table named NoSuchTable, with a stream,"
        + " before starting the runner.", assertThrows(IllegalArgumentException.class,
            () -> LocalRunner.builder(template).engine(engine).start()).getMessage());
  }

  @Test
  void aParameterWithoutValueIsAClearError() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LocalRunner.builder(application).engine(engine).only(function("Everything"))
            .start());
    assertEquals("template parameter ItemsStream has no value; give it one, such as"
        + " ItemsStream=<stream ARN or table name>", error.getMessage());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private void start(String function) throws InterruptedException {
    runner = runner(table, function);
    assertTrue(runner.awaitStarted(WAIT));
  }

  private LocalRunner runner(String stream, String function) {
    return LocalRunner.builder(application)
        .engine(engine)
        .only(function(function))
        .parameter("ItemsStream", stream)
        .parameter("FailureQueueArn", "arn:aws:sqs:us-east-1:000000000000:failures")
        .output(output::add)
        .failureSink(failures)
        .settings(PollerSettings.defaults()
            .withPollInterval(Duration.ofMillis(20))
            .withRetryBackoff(Duration.ofMillis(1))
            .withClock(clock))
        .start();
  }

  private static String function(String simpleName) {
    return "TestFunctions" + simpleName + "HandleFunction";
  }

  private void awaitIdle() throws InterruptedException {
    assertTrue(runner.awaitIdle(WAIT), () -> "not idle; output: " + output);
  }

  private JsonNode onlyFailure() {
    assertEquals(1, failures.records().size(), failures.records().toString());
    return failures.records().get(0);
  }

  private static List<String> inserts(String... ids) {
    List<String> records = new ArrayList<>();
    for (String id : ids) {
      records.add("INSERT " + id);
    }
    return records;
  }

  private void put(String id, String value) {
    put(id, value, null);
  }

  private void put(String id, String value, String kind) {
    Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
    item.put("id", AttributeValue.fromS(id));
    item.put("v", AttributeValue.fromS(value));
    if (kind != null) {
      item.put("kind", AttributeValue.fromS(kind));
    }
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  private void delete(String id) {
    dynamo.deleteItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
  }

  private static void createTable(String name, boolean stream) {
    dynamo.createTable(r -> {
      r.tableName(name)
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
          .billingMode("PAY_PER_REQUEST");
      if (stream) {
        r.streamSpecification(s -> s.streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES));
      }
    });
  }
}
