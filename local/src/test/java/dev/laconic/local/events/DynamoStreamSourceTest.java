package dev.laconic.local.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.app.Application;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The stream a function's DynamoDB mapping reads, as the template says it: the table's key schema
 * and view type, or, for a stream the template does not have, an ARN as written.
 */
class DynamoStreamSourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A table whose key schema lists its sort key first, and one without a stream. */
  private static final String TABLES = """
      "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {
        "TableName": "orders-test",
        "KeySchema": [{"AttributeName": "line", "KeyType": "RANGE"},
                      {"AttributeName": "order", "KeyType": "HASH"}],
        "StreamSpecification": {"StreamViewType": "NEW_IMAGE"}}},
      "Quiet": {"Type": "AWS::DynamoDB::Table", "Properties": {
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}},
      "Inbox": {"Type": "AWS::SQS::Queue"},
      """;

  private static JsonNode template(String source) throws Exception {
    return JSON.readTree("{\"Resources\": {" + TABLES + """
        "EchoFunction": {"Type": "AWS::Lambda::Function", "Properties": {
          "Handler": "shop.Laconic_Orders_echo::handleRequest"}},
        "EchoMapping": {"Type": "AWS::Lambda::EventSourceMapping", "Properties": {
          "FunctionName": {"Ref": "EchoFunction"}, "EventSourceArn": %s}}
        }}""".formatted(source));
  }

  private static DynamoStreamSource of(JsonNode template) {
    return DynamoStreamSource.of(template, Application.parse(template).find("EchoFunction"),
        "eu-west-1");
  }

  @Test
  void aTableOfTheTemplateGivesItsKeysPartitionKeyFirstAndItsViewType() throws Exception {
    DynamoStreamSource stream = of(template("{\"Fn::GetAtt\": [\"Orders\", \"StreamArn\"]}"));

    assertEquals(Optional.of("Orders"), stream.table());
    assertEquals(List.of("order", "line"), stream.keyNames());
    assertEquals("NEW_IMAGE", stream.viewType());
    assertEquals(EventGenerator.dynamodbStreamArn("eu-west-1", "orders-test"),
        stream.streamArn());
    JsonNode item = JSON.readTree(
        "{\"note\": {\"S\": \"x\"}, \"line\": {\"N\": \"2\"}, \"order\": {\"S\": \"o-1\"}}");
    assertEquals("{\"order\":{\"S\":\"o-1\"},\"line\":{\"N\":\"2\"}}",
        stream.change(Optional.of(item), Optional.empty()).keys().orElseThrow().toString());
    IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
        () -> stream.change(Optional.empty(), Optional.of(JSON.readTree(
            "{\"order\": {\"S\": \"o-1\"}}"))));
    assertEquals("The item has no line, a key attribute of table Orders.", noKey.getMessage());
  }

  @Test
  void aStreamArnAsWrittenIsKeptAndKeyedByTheFirstAttribute() throws Exception {
    String arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/Other/stream/"
        + "2026-01-01T00:00:00.000";
    DynamoStreamSource stream = of(template("\"" + arn + "\""));

    assertEquals(new DynamoStreamSource(arn, Optional.empty(), List.of(), "NEW_AND_OLD_IMAGES"),
        stream);
    assertEquals(Optional.empty(), stream.change(Optional.of(JSON.readTree(
        "{\"id\": {\"S\": \"a\"}}")), Optional.empty()).keys());
  }

  @Test
  void aTableWithoutStreamOrAFunctionWithoutStreamIsRefused() throws Exception {
    IllegalArgumentException quiet = assertThrows(IllegalArgumentException.class,
        () -> of(template("{\"Fn::GetAtt\": [\"Quiet\", \"StreamArn\"]}")));
    assertEquals("Table Quiet has no stream (StreamSpecification), so it sends no changes.",
        quiet.getMessage());
    IllegalArgumentException queue = assertThrows(IllegalArgumentException.class,
        () -> of(template("{\"Fn::GetAtt\": [\"Inbox\", \"Arn\"]}")));
    assertEquals("Orders.echo has no DynamoDB stream mapping, so an item change is not its"
        + " event.", queue.getMessage());
  }
}
