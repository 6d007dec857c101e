package dev.laconic.local.engine;

import static dev.laconic.local.engine.PartiqlTest.get;
import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.n;
import static dev.laconic.local.engine.TestSupport.readStream;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * BatchExecuteStatement and ExecuteTransaction through the SDK: a batch answers each statement on its own, a
 * transaction applies all its writes or none, and both publish the records of the writes they apply.
 */
class PartiqlBatchTest extends EngineTest {

  private static List<BatchStatementResponse> batch(String... statements) {
    return dynamo.batchExecuteStatement(r -> r.statements(List.of(statements).stream()
        .map(statement -> BatchStatementRequest.builder().statement(statement).build()).toList())).responses();
  }

  private static List<ItemResponse> transaction(String... statements) {
    return dynamo.executeTransaction(r -> r.transactStatements(List.of(statements).stream()
        .map(statement -> ParameterizedStatement.builder().statement(statement).build()).toList())).responses();
  }

  private static String message(Runnable call) {
    DynamoDbException e = assertThrows(DynamoDbException.class, call::run);
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
    return e.awsErrorDetails().errorMessage();
  }

  @Test
  void aBatchOfWritesAnswersEachStatementWithItsTableOrItsError() {
    String table = uniqueName("batch-writes");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("taken"), "n", n("1"))));
    String quoted = "\"" + table + "\"";

    List<BatchStatementResponse> responses = batch(
        "INSERT INTO " + quoted + " VALUE {'pk': 'new'}",
        "INSERT INTO " + quoted + " VALUE {'pk': 'taken'}",
        "UPDATE " + quoted + " SET n = 2 WHERE pk = 'taken' AND n = 5",
        "DELETE FROM " + quoted + " WHERE pk = 'taken'",
        "DELETE FROM " + quoted + " WHERE",
        "INSERT INTO \"no-such-table\" VALUE {'pk': 'x'}");

    assertEquals(table, responses.get(0).tableName());
    assertNull(responses.get(0).error());
    assertEquals("DuplicateItem", responses.get(1).error().codeAsString());
    assertEquals("Duplicate primary key exists in table", responses.get(1).error().message());
    assertEquals(table, responses.get(1).tableName());
    assertEquals("ConditionalCheckFailed", responses.get(2).error().codeAsString());
    assertNull(responses.get(3).error());
    assertEquals("ValidationError", responses.get(4).error().codeAsString());
    assertEquals("Statement wasn't well formed, can't be processed: Unexpected term",
        responses.get(4).error().message());
    assertNull(responses.get(4).tableName());
    assertEquals("ResourceNotFound", responses.get(5).error().codeAsString());
    assertNull(responses.get(5).tableName());
    assertEquals(List.of("INSERT taken", "INSERT new", "REMOVE taken"), readStream(streams, arn).stream()
        .map(record -> record.eventNameAsString() + " " + record.dynamodb().keys().get("pk").s()).toList());

    BatchStatementResponse withItem = dynamo.batchExecuteStatement(r -> r.statements(BatchStatementRequest.builder()
        .statement("UPDATE " + quoted + " SET n = 2 WHERE pk = 'new' AND n = 5")
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()))
        .responses().get(0);
    assertEquals(Map.of("pk", s("new")), withItem.error().item());
  }

  @Test
  void aBatchOfReadsNamesEachItemByItsWholeKey() {
    String table = uniqueName("batch-reads");
    createTable(dynamo, table, true, null);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "sk", s("1"), "v", s("x"))));
    String select = "SELECT * FROM \"" + table + "\" WHERE ";

    List<BatchStatementResponse> responses = batch(select + "pk = 'a' AND sk = '1'",
        select + "sk = '2' AND pk = 'a'", select + "pk = 'a'", select + "pk = 'a' AND sk = '1' AND v = 'x'");

    assertEquals(Map.of("pk", s("a"), "sk", s("1"), "v", s("x")), responses.get(0).item());
    assertEquals(table, responses.get(1).tableName());
    assertEquals(Map.of(), responses.get(1).item(), "no item, no error");
    for (BatchStatementResponse partial : responses.subList(2, 4)) {
      assertEquals("ValidationError", partial.error().codeAsString());
      assertEquals("Select statements within BatchExecuteStatement must specify the primary key in the where "
          + "clause.", partial.error().message());
      assertEquals(table, partial.tableName());
    }
  }

  @Test
  void aBatchIsAllReadsOrAllWritesOfAtMostTwentyFive() {
    String table = uniqueName("batch-mixed");
    createTable(dynamo, table, false, null);
    String select = "SELECT * FROM \"" + table + "\" WHERE pk = 'a'";

    assertEquals("BatchExecuteStatement API does not support both read and write operations in the same request.",
        message(() -> batch(select, "INSERT INTO \"" + table + "\" VALUE {'pk': 'b'}")));
    BatchStatementResponse exists = batch("EXISTS(" + select + " AND v = 1)").get(0);
    assertEquals("EXISTS can only be used in ExecuteTransaction write requests.", exists.error().message());
    assertEquals(table, exists.tableName());
    assertEquals(Map.of(), get(table, "b"), "nothing of a refused batch runs");
    assertEquals("1 validation error detected: Value '26 statements' at 'statements' failed to satisfy "
        + "constraint: Member must have length less than or equal to 25",
        message(() -> batch(Collections.nCopies(26, select).toArray(String[]::new))));
  }

  @Test
  void aTransactionAppliesEveryWriteWithItsRecord() {
    String table = uniqueName("transact");
    String arn = createTable(dynamo, table, false, StreamViewType.NEW_AND_OLD_IMAGES);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("paid"), "n", n("1"))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("old"))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("guard"), "status", s("open"))));
    String quoted = "\"" + table + "\"";

    List<ItemResponse> responses = transaction(
        "INSERT INTO " + quoted + " VALUE {'pk': 'new', 'n': 5.0}",
        "UPDATE " + quoted + " SET n = n + 1 WHERE pk = 'paid'",
        "DELETE FROM " + quoted + " WHERE pk = 'old'",
        "EXISTS(SELECT * FROM " + quoted + " WHERE pk = 'guard' AND status = 'open')");

    assertEquals(List.of(), responses);
    assertEquals(List.of("INSERT paid", "INSERT old", "INSERT guard", "INSERT new", "MODIFY paid", "REMOVE old"),
        readStream(streams, arn).stream().map(record -> record.eventNameAsString() + " "
            + record.dynamodb().keys().get("pk").s()).toList());
    assertEquals(n("5"), get(table, "new").get("n"));
    assertEquals(n("2"), get(table, "paid").get("n"));
  }

  @Test
  void aFailedStatementCancelsTheTransactionWithAReasonForEach() {
    String table = uniqueName("cancel");
    String arn = createTable(dynamo, table, false, StreamViewType.KEYS_ONLY);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("taken"))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("guard"), "v", s("first"))));
    String quoted = "\"" + table + "\"";

    TransactionCanceledException canceled = assertThrows(TransactionCanceledException.class,
        () -> dynamo.executeTransaction(r -> r.transactStatements(
            ParameterizedStatement.builder().statement("INSERT INTO " + quoted + " VALUE {'pk': ?}")
                .parameters(s("fresh")).build(),
            ParameterizedStatement.builder().statement("INSERT INTO " + quoted + " VALUE {'pk': 'taken'}").build(),
            ParameterizedStatement.builder().statement("UPDATE " + quoted + " SET v = 'x' WHERE pk = 'missing'")
                .build(),
            ParameterizedStatement.builder().statement("EXISTS(SELECT * FROM " + quoted
                + " WHERE pk = 'guard' AND v = 'second')").returnValuesOnConditionCheckFailure(
                    ReturnValuesOnConditionCheckFailure.ALL_OLD).build())));

    List<CancellationReason> reasons = canceled.cancellationReasons();
    assertEquals(List.of("None", "DuplicateItem", "ConditionalCheckFailed", "ConditionalCheckFailed"),
        reasons.stream().map(CancellationReason::code).toList());
    assertEquals(s("first"), reasons.get(3).item().get("v"), "the item, as asked for");
    assertEquals(Map.of(), get(table, "fresh"), "nothing applied");
    assertEquals(2, readStream(streams, arn).size(), "only the puts' records");
  }

  @Test
  void aTransactionOfReadsAnswersEachInOrder() {
    String table = uniqueName("transact-reads");
    createTable(dynamo, table, false, null);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("b"), "v", s("B"))));
    String select = "SELECT * FROM \"" + table + "\" WHERE pk = ";

    List<ItemResponse> responses = transaction(select + "'b'", select + "'missing'", "SELECT v FROM \"" + table
        + "\" WHERE pk = 'b'");

    assertEquals(Map.of("pk", s("b"), "v", s("B")), responses.get(0).item());
    assertEquals(Map.of(), responses.get(1).item());
    assertEquals(Map.of("v", s("B")), responses.get(2).item());
  }

  @Test
  void aTransactionRefusesWhatDynamoDbRefuses() {
    String table = uniqueName("transact-refused");
    createTable(dynamo, table, false, null);
    String quoted = "\"" + table + "\"";
    List<String> messages = new ArrayList<>();

    messages.add(message(() -> transaction("SELECT * FROM " + quoted + " WHERE pk = 'a'",
        "INSERT INTO " + quoted + " VALUE {'pk': 'b'}")));
    messages.add(message(() -> transaction("SELECT * FROM " + quoted + " WHERE v = 'a'")));
    messages.add(message(() -> transaction("EXISTS(SELECT * FROM " + quoted + " WHERE pk = 'a')")));
    messages.add(message(() -> transaction("INSERT INTO " + quoted + " VALUE {'pk': 'a'}",
        "DELETE FROM " + quoted + " WHERE pk = 'a'")));
    messages.add(message(() -> transaction("SELECT * FROM " + quoted + " WHERE")));
    messages.add(message(() -> transaction("DELETE FROM " + quoted + " WHERE pk = 'a' RETURNING ALL OLD *")));

    assertEquals(List.of(
        "ExecuteTransaction API does not support both read and write operations in the same request.",
        "Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must specify "
            + "the primary key in the where clause.",
        "Validation failed in TransactStatements[0]: EXISTS() must contain a single item read with additional "
            + "condition",
        "Transaction request cannot include multiple operations on one item",
        "Validation failed in TransactStatements[0]: Statement wasn't well formed, can't be processed: "
            + "Unexpected term",
        "Validation failed in TransactStatements[0]: RETURNING clause is not supported in ExecuteTransaction."),
        messages);
    assertEquals(Map.of(), get(table, "a"));
  }

  @Test
  void aBatchOrATransactionReadsNoIndex() {
    String table = uniqueName("batch-index");
    dynamo.createTable(r -> r.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
        .attributeDefinitions(d -> d.attributeName("pk").attributeType(ScalarAttributeType.S),
            d -> d.attributeName("g").attributeType(ScalarAttributeType.S))
        .globalSecondaryIndexes(g -> g.indexName("by-g").keySchema(k -> k.attributeName("g").keyType(KeyType.HASH))
            .projection(p -> p.projectionType(ProjectionType.ALL))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "g", s("x"))));
    String index = "\"" + table + "\".\"by-g\"";

    BatchStatementResponse read = batch("SELECT * FROM " + index + " WHERE g = 'x'").get(0);
    assertEquals("Select statements within BatchExecuteStatement must specify the primary key in the where "
        + "clause.", read.error().message());
    assertEquals("Validation failed in TransactStatements[0]: Reads on indices are not supported within "
        + "transactions.", message(() -> transaction("SELECT * FROM " + index + " WHERE pk = 'a'")));
    assertEquals("Validation failed in TransactStatements[0]: Operations on indices are not supported in "
        + "transactions", message(() -> transaction("EXISTS(SELECT * FROM " + index + " WHERE pk = 'a' AND g = 'x')")));
  }
}
