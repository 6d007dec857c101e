package dev.laconic.local.engine;

import static dev.laconic.local.engine.TableLifecycleTest.assertValidation;
import static dev.laconic.local.engine.TestSupport.createTable;
import static dev.laconic.local.engine.TestSupport.n;
import static dev.laconic.local.engine.TestSupport.s;
import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** Condition and update expressions, placeholders and the errors DynamoDB gives for them. */
class ExpressionTest {
  private static LocalDynamoDb engine;
  private static DynamoDbClient dynamo;
  private static String table;

  private static final Map<String, AttributeValue> KEY = Map.of("pk", s("item"));

  @BeforeAll
  static void start() {
    engine = LocalDynamoDb.start();
    dynamo = TestSupport.dynamo(engine);
    table = uniqueName("expressions");
    createTable(dynamo, table, false, null);
  }

  @AfterAll
  static void stop() {
    dynamo.close();
    engine.close();
  }

  /** Stores the sample item under {@code pk}. */
  private static void reset(String pk) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(pk));
    item.put("name", s("alpha"));
    item.put("count", n("10"));
    item.put("bin", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2, 3})));
    item.put("tags", AttributeValue.fromSs(List.of("red", "green")));
    item.put("nums", AttributeValue.fromNs(List.of("1", "2")));
    item.put("list", AttributeValue.fromL(List.of(s("a"), s("b"), s("c"))));
    item.put("map", AttributeValue.fromM(Map.of("nested", n("5"), "text", s("hello world"))));
    item.put("flag", AttributeValue.fromBool(true));
    item.put("nothing", AttributeValue.fromNul(true));
    dynamo.putItem(b -> b.tableName(table).item(item));
  }

  /** Whether a conditional no-op update on the sample item passes {@code condition}. */
  private static boolean holds(String condition, Map<String, AttributeValue> values) {
    reset("cond");
    Map<String, String> names = new HashMap<>();
    Map.of("#n", "name", "#c", "count", "#map", "map", "#list", "list", "#t", "text").forEach((placeholder, name) -> {
      if (condition.matches(".*" + placeholder + "\\b.*")) {
        names.put(placeholder, name);
      }
    });
    Map<String, AttributeValue> used = new HashMap<>();
    values.forEach((placeholder, value) -> {
      if (condition.matches(".*" + placeholder + "\\b.*")) {
        used.put(placeholder, value);
      }
    });
    try {
      dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("cond"))).conditionExpression(condition)
          .expressionAttributeNames(names.isEmpty() ? null : names)
          .expressionAttributeValues(used.isEmpty() ? null : used));
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Test
  void listElementsPastTheEndAreAppendedInTheOrderOfTheirIndexes() {
    reset("listEnd");
    // The written order (l[5], then l[4]) would append :a and then overwrite it with :b.
    Map<String, AttributeValue> list = dynamo.updateItem(b -> b.tableName(table)
        .key(Map.of("pk", s("listEnd"))).updateExpression("SET #list[5] = :a, #list[4] = :b")
        .expressionAttributeNames(Map.of("#list", "list"))
        .expressionAttributeValues(Map.of(":a", s("A"), ":b", s("B")))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
    assertEquals(List.of(s("a"), s("b"), s("c"), s("B"), s("A")), list.get("list").l());
  }

  @Test
  void aSetValueMayBeAnOperandInParentheses() {
    reset("parens");
    Map<String, AttributeValue> item = dynamo.updateItem(b -> b.tableName(table)
        .key(Map.of("pk", s("parens"))).updateExpression("SET duplicate = (#c), more = (#c) + (:one)")
        .expressionAttributeNames(Map.of("#c", "count"))
        .expressionAttributeValues(Map.of(":one", n("1")))
        .returnValues(ReturnValue.UPDATED_NEW)).attributes();
    assertEquals(Map.of("duplicate", n("10"), "more", n("11")), item);
  }

  @Test
  void existenceFunctions() {
    assertTrue(holds("attribute_exists(#n)", Map.of()));
    assertFalse(holds("attribute_not_exists(#n)", Map.of()));
    assertTrue(holds("attribute_not_exists(absent)", Map.of()));
    assertTrue(holds("attribute_exists(#map.nested)", Map.of()));
    assertFalse(holds("attribute_exists(#map.absentKey)", Map.of()));
    assertTrue(holds("attribute_exists(#list[2])", Map.of()));
    assertFalse(holds("attribute_exists(#list[3])", Map.of()));
    assertTrue(holds("attribute_type(tags, :t)", Map.of(":t", s("SS"))));
    assertFalse(holds("attribute_type(tags, :t)", Map.of(":t", s("S"))));
  }

  @Test
  void comparisons() {
    assertTrue(holds("#n = :v", Map.of(":v", s("alpha"))));
    assertFalse(holds("#n = :v", Map.of(":v", s("beta"))));
    assertTrue(holds("#n <> :v", Map.of(":v", s("beta"))));
    assertTrue(holds("absent <> :v", Map.of(":v", s("beta"))));
    assertFalse(holds("absent = :v", Map.of(":v", s("beta"))));
    assertTrue(holds("#c = :v", Map.of(":v", n("10.0"))));
    assertTrue(holds("#c < :v", Map.of(":v", n("11"))));
    assertFalse(holds("#c < :v", Map.of(":v", n("10"))));
    assertTrue(holds("#c <= :v", Map.of(":v", n("10"))));
    assertTrue(holds("#c > :v", Map.of(":v", n("9.5"))));
    assertTrue(holds("#c >= :v", Map.of(":v", n("10"))));
    assertFalse(holds("#c > :v", Map.of(":v", s("1"))));
    assertTrue(holds("#n < :v", Map.of(":v", s("beta"))));
    assertTrue(holds("#c BETWEEN :lo AND :hi", Map.of(":lo", n("10"), ":hi", n("20"))));
    assertFalse(holds("#c BETWEEN :lo AND :hi", Map.of(":lo", n("11"), ":hi", n("20"))));
    assertTrue(holds("#n IN (:a, :b)", Map.of(":a", s("x"), ":b", s("alpha"))));
    assertFalse(holds("#n IN (:a)", Map.of(":a", s("x"))));
    assertTrue(holds("#map.nested = :v", Map.of(":v", n("5"))));
    assertTrue(holds("#list[1] = :v", Map.of(":v", s("b"))));
    assertTrue(holds("flag = :v", Map.of(":v", AttributeValue.fromBool(true))));
    assertTrue(holds("tags = :v", Map.of(":v", AttributeValue.fromSs(List.of("green", "red")))));
    assertTrue(holds("#c = #c", Map.of()));
  }

  @Test
  void stringAndCollectionFunctions() {
    assertTrue(holds("begins_with(#n, :p)", Map.of(":p", s("al"))));
    assertFalse(holds("begins_with(#n, :p)", Map.of(":p", s("be"))));
    assertTrue(holds("begins_with(bin, :p)",
        Map.of(":p", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})))));
    assertTrue(holds("contains(#map.#t, :p)", Map.of(":p", s("lo wo"))));
    assertFalse(holds("contains(#map.#t, :p)", Map.of(":p", s("low"))));
    assertTrue(holds("contains(tags, :v)", Map.of(":v", s("red"))));
    assertFalse(holds("contains(tags, :v)", Map.of(":v", s("blue"))));
    assertTrue(holds("contains(nums, :v)", Map.of(":v", n("2.0"))));
    assertTrue(holds("contains(#list, :v)", Map.of(":v", s("c"))));
    assertTrue(holds("size(#n) = :v", Map.of(":v", n("5"))));
    assertTrue(holds("size(tags) = :v", Map.of(":v", n("2"))));
    assertTrue(holds("size(#list) > :v", Map.of(":v", n("2"))));
    assertTrue(holds("size(bin) = :v", Map.of(":v", n("3"))));
    assertFalse(holds("size(absent) >= :v", Map.of(":v", n("0"))));
  }

  @Test
  void booleanOperatorsAndPrecedence() {
    Map<String, AttributeValue> values = Map.of(":a", s("alpha"), ":b", s("beta"));
    assertTrue(holds("#n = :a AND attribute_exists(flag)", values));
    assertFalse(holds("#n = :b AND attribute_exists(flag)", values));
    assertTrue(holds("#n = :b OR #n = :a", values));
    assertTrue(holds("NOT #n = :b", values));
    assertFalse(holds("not (#n = :b or #n = :a)", values));
    // AND binds tighter than OR: true OR (false AND false).
    assertTrue(holds("#n = :a OR #n = :b AND attribute_exists(absent)", values));
    assertFalse(holds("(#n = :a OR #n = :b) AND attribute_exists(absent)", values));
  }

  @Test
  void failedConditionCanReturnTheOldItem() {
    reset("ccf");
    ConditionalCheckFailedException e = assertThrows(ConditionalCheckFailedException.class,
        () -> dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("ccf")))
            .conditionExpression("attribute_not_exists(pk)")
            .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
    assertEquals(400, e.statusCode());
    assertEquals("alpha", e.item().get("name").s());
    ConditionalCheckFailedException plain = assertThrows(ConditionalCheckFailedException.class,
        () -> dynamo.deleteItem(b -> b.tableName(table).key(Map.of("pk", s("ccf")))
            .conditionExpression("#c > :v").expressionAttributeNames(Map.of("#c", "count"))
            .expressionAttributeValues(Map.of(":v", n("100")))));
    assertFalse(plain.hasItem());
    assertEquals("alpha",
        dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("ccf")))).item().get("name").s());
    assertThrows(ConditionalCheckFailedException.class, () -> dynamo.updateItem(b -> b.tableName(table)
        .key(Map.of("pk", s("never"))).updateExpression("SET a = :v").conditionExpression("attribute_exists(pk)")
        .expressionAttributeValues(Map.of(":v", n("1")))));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s("never")))).hasItem());
  }

  @Test
  void setActions() {
    reset("item");
    Map<String, AttributeValue> result = dynamo.updateItem(b -> b.tableName(table).key(KEY)
        .updateExpression("SET #n = :name, #c = #c + :one, diff = #c - :one, #map.added = :one, "
            + "#list[1] = :x, #list[9] = :y, created = if_not_exists(created, :now), "
            + "#n2 = if_not_exists(#n, :now), appended = list_append(#list, :more)")
        .expressionAttributeNames(Map.of("#n", "name", "#c", "count", "#map", "map", "#list", "list",
            "#n2", "nameCopy"))
        .expressionAttributeValues(Map.of(":name", s("beta"), ":one", n("1"), ":x", s("X"), ":y", s("Y"),
            ":now", s("t0"), ":more", AttributeValue.fromL(List.of(s("z")))))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
    assertEquals("beta", result.get("name").s());
    assertEquals("11", result.get("count").n());
    assertEquals("9", result.get("diff").n());
    assertEquals(n("1"), result.get("map").m().get("added"));
    assertEquals(List.of(s("a"), s("X"), s("c"), s("Y")), result.get("list").l());
    assertEquals("t0", result.get("created").s());
    assertEquals("alpha", result.get("nameCopy").s());
    assertEquals(List.of(s("a"), s("b"), s("c"), s("z")), result.get("appended").l());

    UpdateItemResponse again = dynamo.updateItem(b -> b.tableName(table).key(KEY)
        .updateExpression("SET created = if_not_exists(created, :now), addition = :a + :b")
        .expressionAttributeValues(Map.of(":now", s("t1"), ":a", n("0.1"), ":b", n("0.2")))
        .returnValues(ReturnValue.UPDATED_NEW));
    assertEquals(Map.of("created", s("t0"), "addition", n("0.3")), again.attributes());
  }

  @Test
  void removeAddAndDeleteActions() {
    reset("item");
    Map<String, AttributeValue> result = dynamo.updateItem(b -> b.tableName(table).key(KEY)
        .updateExpression("REMOVE flag, #list[0], #list[2], #map.nested ADD #c :five, tags :blue, "
            + "fresh :one, freshSet :nums DELETE nums :two")
        .expressionAttributeNames(Map.of("#list", "list", "#map", "map", "#c", "count"))
        .expressionAttributeValues(Map.of(":five", n("5"), ":blue", AttributeValue.fromSs(List.of("blue",
            "red")), ":one", n("1"), ":nums", AttributeValue.fromNs(List.of("7")),
            ":two", AttributeValue.fromNs(List.of("2"))))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
    assertFalse(result.containsKey("flag"));
    assertEquals(List.of(s("b")), result.get("list").l());
    assertEquals(Map.of("text", s("hello world")), result.get("map").m());
    assertEquals("15", result.get("count").n());
    assertEquals(List.of("red", "green", "blue"), result.get("tags").ss());
    assertEquals("1", result.get("fresh").n());
    assertEquals(List.of("7"), result.get("freshSet").ns());
    assertEquals(List.of("1"), result.get("nums").ns());

    Map<String, AttributeValue> emptied = dynamo.updateItem(b -> b.tableName(table).key(KEY)
        .updateExpression("DELETE nums :all, absentSet :all").expressionAttributeValues(Map.of(":all",
            AttributeValue.fromNs(List.of("1", "9")))).returnValues(ReturnValue.ALL_NEW)).attributes();
    assertFalse(emptied.containsKey("nums"));
    assertFalse(emptied.containsKey("absentSet"));
  }

  @Test
  void returnValuesOfUpdates() {
    reset("item");
    Map<String, String> names = Map.of("#c", "count", "#n", "name");
    Map<String, AttributeValue> values = Map.of(":one", n("1"), ":v", s("new"));
    String expression = "SET #c = #c + :one, #n = :v, brandNew = :v";
    UpdateItemResponse updatedOld = dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression(expression)
        .expressionAttributeNames(names).expressionAttributeValues(values)
        .returnValues(ReturnValue.UPDATED_OLD));
    assertEquals(Map.of("count", n("10"), "name", s("alpha")), updatedOld.attributes());
    UpdateItemResponse allOld = dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression(expression)
        .expressionAttributeNames(names).expressionAttributeValues(values).returnValues(ReturnValue.ALL_OLD));
    assertEquals("11", allOld.attributes().get("count").n());
    assertEquals(11, allOld.attributes().size());
    UpdateItemResponse none = dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression(expression)
        .expressionAttributeNames(names).expressionAttributeValues(values));
    assertFalse(none.hasAttributes());
  }

  @Test
  void updateOfMissingItem() {
    String pk = uniqueName("fresh");
    Map<String, AttributeValue> key = Map.of("pk", s(pk));
    dynamo.updateItem(b -> b.tableName(table).key(key).updateExpression("REMOVE a"));
    assertFalse(dynamo.getItem(b -> b.tableName(table).key(key)).hasItem());
    Map<String, AttributeValue> created = dynamo.updateItem(b -> b.tableName(table).key(key)
        .updateExpression("ADD visits :one").expressionAttributeValues(Map.of(":one", n("1")))
        .returnValues(ReturnValue.ALL_NEW)).attributes();
    assertEquals(Map.of("pk", s(pk), "visits", n("1")), created);
    String bare = uniqueName("bare");
    dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s(bare))));
    assertEquals(Map.of("pk", s(bare)), dynamo.getItem(b -> b.tableName(table).key(Map.of("pk", s(bare)))).item());
  }

  @Test
  void expressionErrors() {
    reset("item");
    assertValidation("Attribute name is a reserved keyword; reserved keyword: name", () -> dynamo.updateItem(b -> b
        .tableName(table).key(KEY).updateExpression("SET name = :v")
        .expressionAttributeValues(Map.of(":v", s("x")))));
    assertValidation("An expression attribute value used in expression is not defined; attribute value: :v",
        () -> dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET a = :v")));
    assertValidation("An expression attribute name used in the document path is not defined",
        () -> dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET #a = :v")
            .expressionAttributeValues(Map.of(":v", s("x")))));
    assertValidation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}",
        () -> dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET a = :v")
            .expressionAttributeValues(Map.of(":v", s("x"), ":unused", s("y")))));
    assertValidation("Value provided in ExpressionAttributeNames unused in expressions: keys: {#u}",
        () -> dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET a = :v")
            .expressionAttributeNames(Map.of("#u", "u")).expressionAttributeValues(Map.of(":v", s("x")))));
    assertValidation("ExpressionAttributeNames can only be specified when using expressions",
        () -> dynamo.getItem(b -> b.tableName(table).key(KEY).expressionAttributeNames(Map.of("#a", "a"))));
    assertValidation("Two document paths overlap with each other", () -> dynamo.updateItem(b -> b
        .tableName(table).key(KEY).updateExpression("SET a = :v REMOVE a.b")
        .expressionAttributeValues(Map.of(":v", s("x")))));
    assertValidation("The \"SET\" section can only be used once", () -> dynamo.updateItem(b -> b
        .tableName(table).key(KEY).updateExpression("SET a = :v SET b = :v")
        .expressionAttributeValues(Map.of(":v", s("x")))));
    assertValidation("Cannot update attribute pk. This attribute is part of the key", () -> dynamo.updateItem(b -> b
        .tableName(table).key(KEY).updateExpression("SET pk = :v").expressionAttributeValues(Map.of(":v",
            s("x")))));
    assertValidation("Syntax error; token: \"=\"", () -> dynamo.updateItem(b -> b.tableName(table).key(KEY)
        .conditionExpression("a = = :v").expressionAttributeValues(Map.of(":v", s("x")))));
    assertValidation("The expression can not be empty", () -> dynamo.updateItem(b -> b.tableName(table).key(KEY)
        .conditionExpression(" ")));
    assertValidation("Incorrect operand type for operator or function; operator or function: ADD, operand type: S",
        () -> dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression("ADD a :v")
            .expressionAttributeValues(Map.of(":v", s("x")))));
    assertValidation("An operand in the update expression has an incorrect data type", () -> dynamo.updateItem(b -> b
        .tableName(table).key(KEY).updateExpression("SET #n = #n + :v")
        .expressionAttributeNames(Map.of("#n", "name")).expressionAttributeValues(Map.of(":v", n("1")))));
    assertValidation("The provided expression refers to an attribute that does not exist in the item",
        () -> dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET a = absent + :v")
            .expressionAttributeValues(Map.of(":v", n("1")))));
    assertValidation("The document path provided in the update expression is invalid for update",
        () -> dynamo.updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET absent.child = :v")
            .expressionAttributeValues(Map.of(":v", n("1")))));
    assertValidation("The BETWEEN operator requires upper bound to be greater than or equal to lower bound",
        () -> dynamo.updateItem(b -> b.tableName(table).key(KEY).conditionExpression("a BETWEEN :hi AND :lo")
            .expressionAttributeValues(Map.of(":lo", n("1"), ":hi", n("2")))));
    assertValidation("Invalid attribute type name found", () -> dynamo.updateItem(b -> b.tableName(table)
        .key(KEY).conditionExpression("attribute_type(a, :t)").expressionAttributeValues(Map.of(":t",
            s("STRING")))));
    assertValidation("The function is not allowed in an update expression; function: size", () -> dynamo
        .updateItem(b -> b.tableName(table).key(KEY).updateExpression("SET a = size(b)")));
    assertValidation("The function is not allowed to be used this way in an expression; function: "
        + "if_not_exists", () -> dynamo.updateItem(b -> b.tableName(table).key(KEY)
            .conditionExpression("if_not_exists(a, :v) = :v").expressionAttributeValues(Map.of(":v",
                s("x")))));
    Map<String, AttributeValue> many = new HashMap<>();
    StringBuilder in = new StringBuilder("a IN (");
    for (int i = 0; i < 101; i++) {
      many.put(":v" + i, n("" + i));
      in.append(i == 0 ? "" : ", ").append(":v").append(i);
    }
    assertValidation("The IN operator is provided with too many operands; number of operands: 101",
        () -> dynamo.updateItem(b -> b.tableName(table).key(KEY).conditionExpression(in + ")")
            .expressionAttributeValues(many)));
    assertValidation("The Expected parameter is not supported", () -> dynamo.putItem(b -> b.tableName(table)
        .item(KEY).expected(Map.of("a", ExpectedAttributeValue.builder().exists(false).build()))));
    assertEquals("alpha", dynamo.getItem(b -> b.tableName(table).key(KEY)).item().get("name").s());
  }
}
