package dev.laconic.local.engine;

import static dev.laconic.local.engine.TableLifecycleTest.assertValidation;
import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.n;
import static dev.laconic.local.engine.TestSupport.readStream;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Time to live through the SDK, on a clock the test moves: expired items deleted with a REMOVE
 * record by DynamoDB itself, the ones DynamoDB leaves alone kept, and the API's answers.
 */
class TimeToLiveTest {

  static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

  private static MutableClock clock;
  private static LocalDynamoDb engine;
  private static DynamoDbClient dynamo;
  private static DynamoDbStreamsClient streams;

  @BeforeAll
  static void start() {
    clock = new MutableClock(NOW);
    engine = LocalDynamoDb.start(LocalDynamoDb.Settings.defaults().withClock(clock));
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
  void expiredItemsAreRemovedByTheServiceWithARecordAndOthersAreKept() {
    String table = uniqueName("ttl");
    String streamArn = createTable(dynamo, table, false, StreamViewType.OLD_IMAGE);
    long now = NOW.getEpochSecond();
    put(table, "due", n(Long.toString(now + 60)));
    put(table, "later", n(Long.toString(now + 3600)));
    put(table, "ancient", n(Long.toString(now - 6L * 365 * 24 * 3600)));
    put(table, "text", s(Long.toString(now - 10)));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("none"))));
    dynamo.updateTimeToLive(r -> r.tableName(table)
        .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
    assertEquals(TimeToLiveStatus.ENABLED, dynamo.describeTimeToLive(r -> r.tableName(table))
        .timeToLiveDescription().timeToLiveStatus());

    clock.advance(Duration.ofSeconds(61));
    List<String> left = dynamo.scan(r -> r.tableName(table)).items().stream()
        .map(item -> item.get("pk").s()).sorted().toList();
    assertEquals(List.of("ancient", "later", "none", "text"), left,
        "due expired; more than five years past or not a number: kept, as DynamoDB keeps them");

    Record removed = readStream(streams, streamArn).get(5);
    assertEquals("REMOVE", removed.eventNameAsString());
    assertEquals("due", removed.dynamodb().keys().get("pk").s());
    assertEquals("Service", removed.userIdentity().type());
    assertEquals("dynamodb.amazonaws.com", removed.userIdentity().principalId());
    assertEquals("due", removed.dynamodb().oldImage().get("pk").s());
  }

  @Test
  void turningTimeToLiveOnOrOffTwiceIsRefused() {
    String table = uniqueName("ttlApi");
    createTable(dynamo, table, false, null);
    assertEquals(TimeToLiveStatus.DISABLED, dynamo.describeTimeToLive(r -> r.tableName(table))
        .timeToLiveDescription().timeToLiveStatus());
    assertValidation("TimeToLive is already disabled", () -> dynamo.updateTimeToLive(r -> r
        .tableName(table).timeToLiveSpecification(t -> t.enabled(false).attributeName("e"))));
    dynamo.updateTimeToLive(r -> r.tableName(table)
        .timeToLiveSpecification(t -> t.enabled(true).attributeName("e")));
    assertEquals("e", dynamo.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription()
        .attributeName());
    assertValidation("TimeToLive is already enabled", () -> dynamo.updateTimeToLive(r -> r
        .tableName(table).timeToLiveSpecification(t -> t.enabled(true).attributeName("e"))));
  }

  private static void put(String table, String pk, software.amazon.awssdk.services.dynamodb.model
      .AttributeValue expires) {
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s(pk), "expires", expires)));
  }
}
