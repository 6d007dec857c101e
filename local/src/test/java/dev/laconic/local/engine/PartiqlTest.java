package dev.laconic.local.engine;

import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.n;
import static dev.laconic.local.engine.TestSupport.readStream;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * ExecuteStatement through the SDK: SELECT, INSERT, UPDATE and DELETE as DynamoDB runs them, the records their
 * writes publish, and the errors DynamoDB answers.
 */
class PartiqlTest extends EngineTest {

  static List<Map<String, AttributeValue>> run(String statement, AttributeValue... parameters) {
    return execute(statement, parameters).items();
  }

  static ExecuteStatementResponse execute(String statement, AttributeValue... parameters) {
    return dynamo.executeStatement(r -> {
      r.statement(statement);
      if (parameters.length > 0) {
        r.parameters(parameters);
      }
    });
  }

  static Map<String, AttributeValue> get(String table, String pk) {
    return dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", s(pk)))).item();
  }

  static void assertMessage(String expected, Class<? extends DynamoDbException> type, String statement,
      AttributeValue... parameters) {
    DynamoDbException e = assertThrows(type, () -> execute(statement, parameters));
    assertEquals(expected, e.awsErrorDetails().errorMessage());
  }

  static void assertValidation(String expected, String statement, AttributeValue... parameters) {
    assertMessage(expected, DynamoDbException.class, statement, parameters);
    DynamoDbException e = assertThrows(DynamoDbException.class, () -> execute(statement, parameters));
    assertEquals("ValidationException", e.awsErrorDetails().errorCode());
  }

  /** Every page of {@code statement}, {@code limit} items read a page, following NextToken to the end. */
  static List<List<Map<String, AttributeValue>>> pages(String statement, int limit) {
    List<List<Map<String, AttributeValue>>> pages = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ExecuteStatementResponse page = dynamo.executeStatement(r -> r.statement(statement).limit(limit)
          .nextToken(next));
      pages.add(page.items());
      token = page.nextToken();
    } while (token != null);
    return pages;
  }

  private static String pks(List<Map<String, AttributeValue>> items) {
    return String.join(" ", items.stream().map(item -> item.get("pk").s()).toList());
  }

  @Test
  void selectByKeyReadsOneItemAndReturnsTheProjectedPathsUnderTheirLastName() {
    // A name without a dash, so that it can be written bare.
    String table = uniqueName("select").replace('-', '_');
    createTable(dynamo, table, false, null);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "n", n("1"),
        "m", AttributeValue.fromM(Map.of("city", s("Paris"))),
        "l", AttributeValue.fromL(List.of(s("x"), s("y"))))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("b"), "n", n("2"))));

    assertEquals(List.of(get(table, "a")), run("SELECT * FROM \"" + table + "\" WHERE pk = ?", s("a")));
    assertEquals(List.of(Map.of("pk", s("a"), "city", s("Paris"), "l[1]", s("y"))),
        run("select pk, m.city, \"l\"[1], absent from \"" + table + "\" where \"pk\" = 'a'"));
    assertEquals(List.of(Map.of()), run("SELECT absent FROM \"" + table + "\" WHERE pk = 'b'"));
    assertEquals(List.of(), run("SELECT * FROM \"" + table + "\" WHERE pk = 'none'"));
    assertEquals("a b", pks(run("SELECT pk FROM " + table)), "a bare table name, every item");
  }

  @Test
  void whereClausesFilterAsConditionExpressionsDo() {
    String table = uniqueName("where");
    createTable(dynamo, table, false, null);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "n", n("1"), "s", s("apple"),
        "ss", AttributeValue.fromSs(List.of("red", "green")), "nul", AttributeValue.fromNul(true))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("b"), "n", n("5"), "s", s("banana"),
        "flag", AttributeValue.fromBool(true))));
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("c"), "n", n("10"))));
    String select = "SELECT pk FROM \"" + table + "\" WHERE ";

    assertEquals("b c", pks(run(select + "n > 1")));
    assertEquals("a b", pks(run(select + "n <= 5")));
    assertEquals("a c", pks(run(select + "n <> 5")));
    assertEquals("b c", pks(run(select + "n BETWEEN 2 AND 10")));
    assertEquals("a c", pks(run(select + "n IN [1, 10]")));
    assertEquals("a c", pks(run(select + "n IN (1, 10)")));
    assertEquals("b", pks(run(select + "n NOT IN [1, 10]")));
    assertEquals("a b", pks(run(select + "n < 2 OR s = 'banana'")));
    assertEquals("a", pks(run(select + "NOT n > 1 AND s = 'apple'")));
    assertEquals("c", pks(run(select + "s IS MISSING")));
    assertEquals("a b", pks(run(select + "s IS NOT MISSING")));
    assertEquals("a", pks(run(select + "nul IS NULL")));
    assertEquals("b", pks(run(select + "flag IS BOOLEAN")));
    assertEquals("b", pks(run(select + "begins_with(s, 'ban')")));
    assertEquals("a", pks(run(select + "contains(ss, 'red') AND contains(s, 'pp')")));
    assertEquals("a", pks(run(select + "attribute_type(ss, 'SS')")));
    assertEquals("b", pks(run(select + "size(s) = 6")));
    assertEquals("c", pks(run(select + "ATTRIBUTE_EXISTS(s) = false")));
    assertEquals("b", pks(run(select + "n = ? AND s = ?", n("5.0"), s("banana"))));
    assertEquals("b", pks(run(select + "n = 5e0 -- a comment\n")));
    assertEquals("a", pks(run(select + "/* a comment */ s = 'apple';")));
  }

  @Test
  void limitCountsItemsReadAndNextTokenContinuesTheSameStatementOnly() {
    String table = uniqueName("pages");
    createTable(dynamo, table, false, null);
    for (String pk : List.of("a", "b", "c", "d", "e")) {
      dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s(pk), "even", AttributeValue.fromBool(
          pk.equals("b") || pk.equals("d")))));
    }
    String statement = "SELECT pk FROM \"" + table + "\" WHERE even = true";
    assertEquals(List.of("b", "d", ""), pages(statement, 2).stream().map(PartiqlTest::pks).toList(),
        "two items read a page, matching or not");

    String first = dynamo.executeStatement(r -> r.statement(statement).limit(1)).nextToken();
    DynamoDbException other = assertThrows(DynamoDbException.class, () -> dynamo.executeStatement(r -> r
        .statement("SELECT pk FROM \"" + table + "\"").nextToken(first)));
    assertEquals("NextToken does not match request", other.awsErrorDetails().errorMessage());
    DynamoDbException invalid = assertThrows(DynamoDbException.class, () -> dynamo.executeStatement(r -> r
        .statement(statement).nextToken("garbage")));
    assertEquals("Invalid NextToken", invalid.awsErrorDetails().errorMessage());
  }

  @Test
  void orderByTheSortKeyReadsAPartitionInEitherDirection() {
    String table = uniqueName("order");
    createTable(dynamo, table, true, null);
    for (String sk : List.of("2", "1", "3")) {
      dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("p"), "sk", s(sk))));
    }
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("q"), "sk", s("0"))));
    String select = "SELECT sk FROM \"" + table + "\" WHERE pk = 'p'";

    assertEquals(List.of("1", "2", "3"), run(select).stream().map(item -> item.get("sk").s()).toList());
    assertEquals(List.of("3", "2", "1"), run(select + " ORDER BY sk DESC").stream()
        .map(item -> item.get("sk").s()).toList());
    assertEquals(List.of(Map.of("sk", s("2"))), run(select + " AND sk = '2'"));
    String both = "SELECT pk, sk FROM \"" + table + "\" WHERE pk IN ['p', 'q'] ORDER BY pk DESC, sk DESC";
    List<String> read = pages(both, 1).stream().flatMap(List::stream)
        .map(item -> item.get("pk").s() + item.get("sk").s()).toList();
    assertEquals(List.of("q0", "p3", "p2", "p1"), read, "one item a page, partition after partition");
    assertValidation("Must have WHERE clause in the statement when using ORDER BY clause.",
        "SELECT * FROM \"" + table + "\" ORDER BY sk");
    assertValidation("Variable reference other in ORDER BY clause must be part of the primary key",
        select + " ORDER BY other");
  }

  @Test
  void aSelectFromAnIndexReadsItsItemsInItsOrderWithWhatItProjects() {
    String table = IndexReadsTest.ordersTable();
    String byStage = "SELECT * FROM \"" + table + "\".\"by-stage\"";

    List<Map<String, AttributeValue>> open = run(byStage + " WHERE stage = 'OPEN'");
    assertEquals("o2 o6 o3 o1", sks(open), "by placing time, then by table key");
    assertEquals(Map.of("pk", s("c1"), "sk", s("o2"), "stage", s("OPEN"), "placed", n("10"), "amount", n("20")),
        open.get(0), "the keys and amount, not note or customer");
    assertEquals("o1 o3 o6 o2", sks(run(byStage + " WHERE stage = 'OPEN' ORDER BY placed DESC")));
    assertEquals("o2 o6 o3 o1 o4", sks(run(byStage)), "every item with a stage, o5 has none");
    assertEquals("o4 o2 o6 o3 o1", sks(run(byStage + " WHERE stage IN ['OPEN', 'SHIPPED'] ORDER BY stage DESC")));
    assertEquals("o2 o6 o1", sks(run(byStage + " WHERE pk = 'c1'")), "no index partition key: the index scanned");
    assertEquals(List.of(Map.of("sk", s("o3"), "amount", n("30")), Map.of("sk", s("o1"), "amount", n("10"))),
        run("SELECT sk, amount FROM \"" + table + "\".\"by-stage\" WHERE stage = ? AND placed > 15", s("OPEN")));
    assertEquals(List.of(), run(byStage + " WHERE note = 'first'"), "a scan of the index sees what it projects");

    String byCustomer = "SELECT * FROM \"" + table + "\".\"by-customer\" WHERE customer = 'alice'";
    assertEquals(List.of(Map.of("pk", s("c1"), "sk", s("o1"), "customer", s("alice")),
        Map.of("pk", s("c2"), "sk", s("o3"), "customer", s("alice"))), run(byCustomer), "KEYS_ONLY: the keys");
    assertEquals(List.of(), run(byCustomer.replace("alice", "nobody")));
  }

  @Test
  void aSelectFromALocalIndexReadsWhatItDoesNotProjectFromTheTable() {
    String table = IndexReadsTest.ordersTable();
    String byPlaced = "FROM \"" + table + "\".\"by-placed\" WHERE pk = 'c1'";

    assertEquals(List.of(Map.of("pk", s("c1"), "sk", s("o2"), "placed", n("10"))), dynamo.executeStatement(r -> r
        .statement("SELECT * " + byPlaced).limit(1).consistentRead(true)).items(), "KEYS_ONLY, consistent");
    assertEquals(List.of(Map.of("sk", s("o1"), "note", s("first")), Map.of("sk", s("o6")),
        Map.of("sk", s("o2"), "note", s("second"))), run("SELECT sk, note " + byPlaced + " ORDER BY placed DESC"));
    assertValidation("One or more parameter values were invalid: Secondary index by-placed does not project one or "
        + "more filter attributes: [note]", "SELECT sk " + byPlaced + " AND note = 'first'");
  }

  @Test
  void nextTokenPagesThroughAnIndexWhoseItemsShareAnIndexKey() {
    String table = IndexReadsTest.ordersTable();
    for (String order : List.of("", " ORDER BY placed DESC")) {
      String statement = "SELECT sk FROM \"" + table + "\".\"by-stage\" WHERE stage = 'OPEN'" + order;
      List<String> pages = pages(statement, 1).stream().map(PartiqlTest::sks).toList();
      List<String> expected = new ArrayList<>(List.of("o2", "o6", "o3", "o1"));
      if (!order.isEmpty()) {
        Collections.reverse(expected);
      }
      expected.add("");
      assertEquals(expected, pages, statement);
    }
  }

  @Test
  void anIndexReadIsRefusedAsDynamoDbRefusesIt() {
    String table = IndexReadsTest.ordersTable();
    String from = " FROM \"" + table + "\".\"by-stage\"";

    assertValidation("The table does not have the specified index", "SELECT *" + from.replace("by-stage", "none"));
    assertValidation("The table does not have the specified index", "SELECT *" + from.replace("by-stage", table));
    assertValidation("One or more parameter values were invalid: Global secondary index by-stage does not project "
        + "[note, customer]", "SELECT note, sk, customer" + from + " WHERE stage = 'OPEN'");
    assertValidation("One or more parameter values were invalid: Global secondary index by-stage does not project "
        + "[note]", "SELECT note" + from);
    assertValidation("One or more parameter values were invalid: Secondary index by-stage does not project one or "
        + "more filter attributes: [note, customer]",
        "SELECT sk" + from + " WHERE stage = 'OPEN' AND (note = 'first' OR begins_with(customer, 'a'))");
    assertValidation("Variable reference sk in ORDER BY clause must be part of the primary key",
        "SELECT *" + from + " WHERE stage = 'OPEN' ORDER BY sk");
    assertValidation("Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY "
        + "clause.", "SELECT *" + from + " WHERE pk = 'c1' ORDER BY placed");
    assertValidation("Key attribute's data type should match its data type in table's schema: Key placed",
        "SELECT *" + from + " WHERE stage = 'OPEN' AND placed = '10'");
    assertValidation("This operation is not supported on an index",
        "UPDATE \"" + table + "\".\"by-stage\" SET amount = 1 WHERE pk = 'c1' AND sk = 'o1'");
    for (String index : List.of("by-stage", "none")) {
      DynamoDbException e = assertThrows(DynamoDbException.class, () -> dynamo.executeStatement(r -> r
          .statement("SELECT *" + from.replace("by-stage", index)).consistentRead(true)));
      assertEquals(index.equals("none") ? "The table does not have the specified index"
          : "Strongly consistent read is not supported on Global Secondary Indexes",
          e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void insertWritesNumbersAsDynamoDbStoresThemAndPublishesAnInsert() {
    String table = uniqueName("insert");
    String arn = createTable(dynamo, table, false, StreamViewType.NEW_AND_OLD_IMAGES);

    assertEquals(List.of(), run("INSERT INTO \"" + table + "\" VALUE {'pk': ?, 'n': 1.0, 'e': 1e3, "
        + "'m': {'k': 10.50, 'it''s': 'yes'}, 'l': [1.50, 'x', true, NULL], 'ss': <<'b', 'a'>>, "
        + "'ns': <<2.0, 1>>, 'b': ?}", s("a"), AttributeValue.fromB(
            software.amazon.awssdk.core.SdkBytes.fromUtf8String("hi"))));

    Map<String, AttributeValue> stored = get(table, "a");
    assertEquals(n("1"), stored.get("n"));
    assertEquals(n("1000"), stored.get("e"));
    assertEquals(Map.of("k", n("10.5"), "it's", s("yes")), stored.get("m").m());
    assertEquals(List.of(n("1.5"), s("x"), AttributeValue.fromBool(true), AttributeValue.fromNul(true)),
        stored.get("l").l());
    assertEquals(List.of("2", "1"), stored.get("ns").ns());
    assertEquals("hi", stored.get("b").b().asUtf8String());
    List<Record> records = readStream(streams, arn);
    assertEquals(1, records.size());
    assertEquals(OperationType.INSERT, records.get(0).eventName());
    assertEquals(stored, records.get(0).dynamodb().newImage());

    DuplicateItemException duplicate = assertThrows(DuplicateItemException.class,
        () -> run("INSERT INTO \"" + table + "\" VALUE {'pk': 'a'}"));
    assertEquals("Duplicate primary key exists in table", duplicate.awsErrorDetails().errorMessage());
    assertEquals(1, readStream(streams, arn).size(), "a refused insert publishes nothing");
  }

  @Test
  void insertRefusesAnIndexKeyOfAnotherTypeOrEmptyAsPutItemDoes() {
    String table = IndexReadsTest.ordersTable();
    String insert = "INSERT INTO \"" + table + "\" VALUE {'pk': 'c9', 'sk': 'o9', ";

    assertValidation("One or more parameter values were invalid: Type mismatch for Index Key stage Expected: S"
        + " Actual: N IndexName: by-stage", insert + "'stage': 1}");
    assertValidation("One or more parameter values are not valid. A value specified for a secondary index key is"
        + " not supported. The AttributeValue for a key attribute cannot contain an empty string value. IndexName:"
        + " by-customer, IndexKey: customer", insert + "'customer': ''}");
    assertFalse(dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", s("c9"), "sk", s("o9")))).hasItem());
  }

  @Test
  void updateRefusesAnIndexKeyOfAnotherTypeOrEmptyAsUpdateItemDoes() {
    String table = IndexReadsTest.ordersTable();
    String update = "UPDATE \"" + table + "\" SET ";
    String where = " WHERE pk = 'c1' AND sk = 'o1'";

    assertValidation("One or more parameter values were invalid: Type mismatch for Index Key placed Expected: N"
        + " Actual: S IndexName: by-stage", update + "placed = 'soon'" + where);
    assertValidation("The update expression attempted to update the secondary index key to unsupported type",
        update + "placed = note" + where);
    assertValidation("One or more parameter values are not valid. The update expression attempted to update a"
        + " secondary index key to a value that is not supported. The AttributeValue for a key attribute cannot"
        + " contain an empty string value.", update + "stage = ''" + where);
    Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
        .key(Map.of("pk", s("c1"), "sk", s("o1")))).item();
    assertEquals(s("OPEN"), item.get("stage"));
    assertEquals("o2 o6 o3 o1", sks(run("SELECT * FROM \"" + table + "\".\"by-stage\" WHERE stage = 'OPEN'")),
        "o1 still in the index");
  }

  @Test
  void aNumberKeyWrittenAsOnePointZeroIsTheItemOfKeyOne() {
    String table = uniqueName("number-key");
    dynamo.createTable(r -> r.tableName(table).billingMode("PAY_PER_REQUEST")
        .keySchema(k -> k.attributeName("id").keyType("HASH"))
        .attributeDefinitions(d -> d.attributeName("id").attributeType("N")));

    run("INSERT INTO \"" + table + "\" VALUE {'id': 1.0}");
    assertEquals(List.of(Map.of("id", n("1"))), run("SELECT * FROM \"" + table + "\" WHERE id = 1"));
    assertThrows(DuplicateItemException.class, () -> run("INSERT INTO \"" + table + "\" VALUE {'id': 1}"));
    assertValidation("Key attribute's data type should match its data type in table's schema: Key id",
        "SELECT * FROM \"" + table + "\" WHERE id = '1'");
  }

  @Test
  void updateAppliesSetRemoveAndSetFunctionsAndPublishesAModify() {
    String table = uniqueName("update");
    String arn = createTable(dynamo, table, false, StreamViewType.NEW_AND_OLD_IMAGES);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "n", n("1"), "x", s("gone"),
        "l", AttributeValue.fromL(List.of(n("1"))), "ss", AttributeValue.fromSs(List.of("a", "b")))));
    Map<String, AttributeValue> before = get(table, "a");

    List<Map<String, AttributeValue>> returned = run("UPDATE \"" + table + "\" SET n = n + 1, m = {'k': 'v'} "
        + "SET l = list_append(l, [2]) REMOVE x SET ss = set_add(ss, <<'c'>>) SET tt = SET_DELETE(tt, <<'z'>>) "
        + "WHERE pk = ? RETURNING ALL NEW *", s("a"));

    Map<String, AttributeValue> after = get(table, "a");
    assertEquals(List.of(after), returned);
    assertEquals(n("2"), after.get("n"));
    assertEquals(List.of(n("1"), n("2")), after.get("l").l());
    assertEquals(List.of("a", "b", "c"), after.get("ss").ss());
    assertNull(after.get("x"));
    List<Record> records = readStream(streams, arn);
    assertEquals(List.of(OperationType.INSERT, OperationType.MODIFY), records.stream().map(Record::eventName)
        .toList());
    assertEquals(before, records.get(1).dynamodb().oldImage());
    assertEquals(after, records.get(1).dynamodb().newImage());

    assertEquals(List.of(Map.of("n", n("2"))), run("UPDATE \"" + table + "\" SET n = 3 WHERE pk = 'a' "
        + "RETURNING MODIFIED OLD *"));
    assertEquals(List.of(), run("UPDATE \"" + table + "\" SET n = 3 WHERE pk = 'a'"));
    assertEquals(3, readStream(streams, arn).size(), "an update that changes nothing publishes nothing");
  }

  @Test
  void updateChangesOnlyAnExistingItemThatMeetsItsCondition() {
    String table = uniqueName("update-condition");
    String arn = createTable(dynamo, table, true, StreamViewType.KEYS_ONLY);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "sk", s("1"), "n", n("1"))));

    assertThrows(ConditionalCheckFailedException.class,
        () -> run("UPDATE \"" + table + "\" SET n = 2 WHERE pk = 'b' AND sk = '1'"));
    assertEquals(Map.of(), dynamo.getItem(r -> r.tableName(table).key(Map.of("pk", s("b"), "sk", s("1"))))
        .item(), "UPDATE creates no item");
    ConditionalCheckFailedException failed = assertThrows(ConditionalCheckFailedException.class,
        () -> dynamo.executeStatement(r -> r.statement("UPDATE \"" + table + "\" SET n = 2 "
            + "WHERE pk = 'a' AND sk = '1' AND n > 5").returnValuesOnConditionCheckFailure(
                ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertEquals(n("1"), failed.item().get("n"));
    run("UPDATE \"" + table + "\" SET n = 2 WHERE sk = '1' AND pk = 'a' AND attribute_exists(n)");
    assertEquals(2, readStream(streams, arn).size());

    assertValidation("Where clause does not contain a mandatory equality on all key attributes",
        "UPDATE \"" + table + "\" SET n = 3 WHERE pk = 'a'");
    assertValidation("One or more parameter values were invalid: Cannot update attribute sk. This attribute is "
        + "part of the key", "UPDATE \"" + table + "\" SET sk = '2' WHERE pk = 'a' AND sk = '1'");
    assertValidation("An operand in the update expression has an incorrect data type",
        "UPDATE \"" + table + "\" SET n = set_add(n, <<'x'>>) WHERE pk = 'a' AND sk = '1'");
    int column = ("UPDATE \"" + table + "\" SET t = ").length() + 1;
    assertValidation("The first argument to SET_ADD must equal the assignment value at 1:" + column + ":7",
        "UPDATE \"" + table + "\" SET t = set_add(n, <<'x'>>) WHERE pk = 'a' AND sk = '1'");
  }

  @Test
  void deleteRemovesAnItemThatMeetsItsConditionAndIgnoresAMissingOne() {
    String table = uniqueName("delete");
    String arn = createTable(dynamo, table, false, StreamViewType.OLD_IMAGE);
    dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", s("a"), "n", n("1"))));

    assertEquals(List.of(), run("DELETE FROM \"" + table + "\" WHERE pk = 'missing'"));
    assertThrows(ConditionalCheckFailedException.class,
        () -> run("DELETE FROM \"" + table + "\" WHERE pk = 'a' AND n = 2"));
    assertEquals(List.of(Map.of("pk", s("a"), "n", n("1"))),
        run("DELETE FROM \"" + table + "\" WHERE pk = 'a' AND n = 1 RETURNING ALL OLD *"));
    assertEquals(Map.of(), get(table, "a"));
    List<Record> records = readStream(streams, arn);
    assertEquals(List.of(OperationType.INSERT, OperationType.REMOVE), records.stream().map(Record::eventName)
        .toList());
    assertValidation("Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in "
        + "DELETE statements.", "DELETE FROM \"" + table + "\" WHERE pk = 'a' RETURNING ALL NEW *");
  }

  @Test
  void statementsDynamoDbCannotReadAreRefusedWithItsWords() {
    String table = uniqueName("syntax");
    createTable(dynamo, table, false, null);
    String from = "SELECT * FROM \"" + table + "\"";

    assertValidation("Statement wasn't well formed, can't be processed: Unexpected token after expression",
        from + " WHERE pk = 'a' foo");
    assertValidation("Statement wasn't well formed, can't be processed: Unexpected term", from + " WHERE");
    assertValidation("Statement wasn't well formed, can't be processed: Missing right-hand side expression of "
        + "infix operator", from + " WHERE pk = 'a' AND");
    assertValidation("Statement wasn't well formed, can't be processed: Unexpected keyword",
        from + " WHERE value = 1");
    assertValidation("Statement wasn't well formed, can't be processed: ", from + " WHERE pk = 'a' # note");
    assertValidation("Statement wasn't well formed, can't be processed: Unexpected token after semicolon. "
        + "(Only one query is allowed.)", from + "; " + from);
    assertValidation("Statement wasn't well formed, can't be processed: Expected identifier for simple path",
        "DELETE FROM WHERE pk = 'a'");
    assertValidation("Aliasing is not supported", from + " t WHERE pk = 'a'");
    int limit = (from + " LIMIT ").length() + 1;
    assertValidation("Unsupported clause: LIMIT at 1:" + limit + ":1", from + " LIMIT 5");
    assertValidation("Number of parameters in request and statement don't match.", from + " WHERE pk = ?");
    int upper = (from + " WHERE ").length() + 1;
    assertValidation("Unrecognized function: upper at 1:" + upper + ":5", from + " WHERE upper(pk) = 'A'");
    assertValidation("Number overflow. Attempting to store a number with magnitude larger than supported range "
        + "under root.x", "INSERT INTO \"" + table + "\" VALUE {'pk': 'a', 'm': {'x': 1e126}}");
    assertValidation("The parameter cannot be converted to a numeric value: abc", from + " WHERE n = ?",
        n("abc"));
    assertValidation("EXISTS can only be used in ExecuteTransaction write requests.",
        "EXISTS(" + from + " WHERE pk = 'a' AND n = 1)");
    assertValidation("The table does not have the specified index", from.replace(table, table + "\".\"byName"));
    assertValidation("Statement wasn't well formed, can't be processed: ",
        from + " WHERE " + "(".repeat(2000) + "pk = 'a'" + ")".repeat(2000));
    assertMessage("Requested resource not found", ResourceNotFoundException.class,
        "SELECT * FROM \"no-such-table\"");
  }

  private static String sks(List<Map<String, AttributeValue>> items) {
    return String.join(" ", items.stream().map(item -> item.get("sk").s()).toList());
  }
}
