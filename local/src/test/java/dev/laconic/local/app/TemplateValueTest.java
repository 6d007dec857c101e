package dev.laconic.local.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How a mapping's {@code EventSourceArn} (or failure destination) of the template is read: a
 * resource of the template is known by its type, so a Kinesis stream or an SQS queue is never
 * taken for a table.
 */
class TemplateValueTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Resources of every kind an event source or destination can be. */
  private static final JsonNode RESOURCES = json("""
      {
        "Orders": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
        "Named": {"Type": "AWS::DynamoDB::Table", "Properties": {"TableName": "orders-prod"}},
        "Changes": {"Type": "AWS::Kinesis::Stream", "Properties": {"ShardCount": 1}},
        "NamedChanges": {"Type": "AWS::Kinesis::Stream", "Properties": {"Name": "changes"}},
        "Consumer": {"Type": "AWS::Kinesis::StreamConsumer",
            "Properties": {"ConsumerName": "fan-out", "StreamARN": "arn"}},
        "Failures": {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 180}},
        "Jobs": {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": true}},
        "Topic": {"Type": "AWS::SNS::Topic"}
      }
      """);

  @Test
  void aTableOfTheTemplateIsItsNameAndDynamoDb() {
    TemplateValue orders = of("{\"Fn::GetAtt\": [\"Orders\", \"StreamArn\"]}");
    assertEquals(new TemplateValue("Orders", null, "Orders", "AWS::DynamoDB::Table"), orders);
    assertEquals("dynamodb", orders.service(Map.of()));
    assertEquals("Orders", orders.resolve(Map.of()));
    assertEquals("Orders (AWS::DynamoDB::Table)", orders.toString());
    assertEquals("orders-prod",
        of("{\"Fn::GetAtt\": [\"Named\", \"StreamArn\"]}").resolve(Map.of()));
  }

  @Test
  void aKinesisStreamOrQueueOfTheTemplateIsNotATable() {
    TemplateValue changes = of("{\"Fn::GetAtt\": [\"Changes\", \"Arn\"]}");
    assertEquals("kinesis", changes.service(Map.of()));
    assertEquals("Changes (AWS::Kinesis::Stream)", changes.toString());
    assertEquals("changes", of("{\"Fn::GetAtt\": [\"NamedChanges\", \"Arn\"]}").literal());
    TemplateValue failures = of("{\"Fn::GetAtt\": \"Failures.Arn\"}");
    assertEquals(new TemplateValue("Failures", null, "Failures", "AWS::SQS::Queue"), failures);
    assertEquals("sqs", failures.service(Map.of()));
    assertEquals("Jobs.fifo", of("{\"Fn::GetAtt\": [\"Jobs\", \"Arn\"]}").literal(),
        "CloudFormation ends a FIFO queue's name in .fifo");
  }

  @Test
  void aRefToAResourceIsTheResourceAndToAnythingElseAParameter() {
    TemplateValue consumer = of("{\"Ref\": \"Consumer\"}");
    assertEquals(new TemplateValue("fan-out", null, "Consumer", "AWS::Kinesis::StreamConsumer"),
        consumer);
    assertEquals("kinesis", consumer.service(Map.of()));
    assertEquals("sns", of("{\"Ref\": \"Topic\"}").service(Map.of()));

    TemplateValue parameter = of("{\"Ref\": \"StreamArn\"}");
    assertEquals(TemplateValue.parameter("StreamArn"), parameter);
    assertNull(parameter.resource());
    assertEquals("${StreamArn}", parameter.toString());
    assertEquals("kinesis", parameter.service(
        Map.of("StreamArn", "arn:aws:kinesis:us-east-1:123456789012:stream/orders")));
    assertEquals("dynamodb", parameter.service(Map.of("StreamArn", "Orders")), "a table's name");
    assertEquals("template parameter StreamArn has no value; give it one, such as"
        + " StreamArn=<stream ARN or table name>", assertThrows(IllegalArgumentException.class,
            () -> parameter.service(Map.of())).getMessage());
  }

  @Test
  void anArnIsItsOwnService() {
    assertEquals("sqs", of("\"arn:aws:sqs:us-east-1:123456789012:jobs\"").service(Map.of()));
    assertEquals("dynamodb", of("\"arn:aws:dynamodb:us-east-1:123456789012:table/T/stream/1\"")
        .service(Map.of()));
    assertEquals(TemplateValue.literal("arn:aws:sqs:us-east-1:123456789012:jobs"),
        of("\"arn:aws:sqs:us-east-1:123456789012:jobs\""));
  }

  @Test
  void aGetAttOfANameTheTemplateLacksIsTakenForATableName() {
    TemplateValue missing = of("{\"Fn::GetAtt\": [\"Elsewhere\", \"StreamArn\"]}");
    assertEquals(TemplateValue.literal("Elsewhere"), missing);
    assertEquals("dynamodb", missing.service(Map.of()));
  }

  @Test
  void anotherIntrinsicIsRefused() {
    assertEquals("expected a string, a Ref or a Fn::GetAtt, found {\"Fn::ImportValue\":\"x\"}",
        assertThrows(IllegalArgumentException.class,
            () -> of("{\"Fn::ImportValue\": \"x\"}")).getMessage());
  }

  private static TemplateValue of(String value) {
    return TemplateValue.of(json(value), RESOURCES);
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
