package dev.laconic.local.engine;

import static dev.laconic.local.engine.TableLifecycleTest.assertValidation;
import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.n;
import static dev.laconic.local.engine.TestSupport.readStream;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Transactions through the SDK: all actions or none, each applied write publishing its stream
 * record, a failed condition cancelling the rest with a reason per action.
 */
class TransactionsTest extends EngineTest {

  @Test
  void everyActionIsAppliedAndPublishesItsRecord() {
    String table = uniqueName("transact");
    String streamArn = createTable(dynamo, table, false, StreamViewType.NEW_AND_OLD_IMAGES);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("paid"), "n", n("1"))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("old"))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("guard"), "open", s("yes"))));

    dynamo.transactWriteItems(r -> r.transactItems(
        put(table, Map.of("pk", s("new"), "n", n("5.0"))),
        TransactWriteItem.builder().update(u -> u.tableName(table).key(Map.of("pk", s("paid")))
            .updateExpression("SET n = n + :one").expressionAttributeValues(
                Map.of(":one", n("1")))).build(),
        TransactWriteItem.builder().delete(d -> d.tableName(table)
            .key(Map.of("pk", s("old")))).build(),
        TransactWriteItem.builder().conditionCheck(c -> c.tableName(table)
            .key(Map.of("pk", s("guard"))).conditionExpression("#o = :yes")
            .expressionAttributeNames(Map.of("#o", "open"))
            .expressionAttributeValues(Map.of(":yes", s("yes")))).build()));

    assertEquals(List.of("INSERT paid", "INSERT old", "INSERT guard", "INSERT new",
        "MODIFY paid", "REMOVE old"), readStream(streams, streamArn).stream()
            .map(record -> record.eventNameAsString() + " "
                + record.dynamodb().keys().get("pk").s()).toList());
    assertEquals(n("2"), get(table, "paid").get("n"));
    assertEquals(n("5"), get(table, "new").get("n"));
    assertEquals(Map.of(), get(table, "old"));
  }

  @Test
  void aFailedConditionCancelsEveryActionWithAReasonForEach() {
    String table = uniqueName("cancel");
    String streamArn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("taken"), "v", s("first"))));

    TransactionCanceledException canceled = assertThrows(TransactionCanceledException.class,
        () -> dynamo.transactWriteItems(r -> r.transactItems(
            put(table, Map.of("pk", s("fresh"))),
            TransactWriteItem.builder().put(p -> p.tableName(table)
                .item(Map.of("pk", s("taken"), "v", s("second")))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD))
                .build())));

    List<CancellationReason> reasons = canceled.cancellationReasons();
    assertEquals(List.of("None", "ConditionalCheckFailed"),
        reasons.stream().map(CancellationReason::code).toList());
    assertEquals(s("first"), reasons.get(1).item().get("v"), "the item, as asked for");
    assertEquals(Map.of(), get(table, "fresh"), "nothing applied");
    assertEquals(1, readStream(streams, streamArn).size(), "only the first put's record");
  }

  @Test
  void twoActionsOnOneItemAreInvalidAndTransactGetReadsInOrder() {
    String table = uniqueName("same");
    createTable(dynamo, table, false, null);
    assertValidation("multiple operations on one item", () -> dynamo.transactWriteItems(r -> r
        .transactItems(put(table, Map.of("pk", s("x"))), put(table, Map.of("pk", s("x"))))));

    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("b"), "v", s("B"))));
    List<ItemResponse> read = dynamo.transactGetItems(r -> r.transactItems(
        g -> g.get(k -> k.tableName(table).key(Map.of("pk", s("b")))),
        g -> g.get(k -> k.tableName(table).key(Map.of("pk", s("missing")))))).responses();
    assertEquals(Map.of("pk", s("b"), "v", s("B")), read.get(0).item());
    assertEquals(Map.of(), read.get(1).item());
  }

  private static TransactWriteItem put(String table, Map<String, AttributeValue> item) {
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
  }

  private static Map<String, AttributeValue> get(String table, String pk) {
    return dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", s(pk)))).item();
  }
}
