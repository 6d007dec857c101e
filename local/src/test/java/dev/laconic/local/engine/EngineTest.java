package dev.laconic.local.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** One in-process engine for a test class, with the SDK's DynamoDB and Streams clients of it. */
abstract class EngineTest {
  static LocalDynamoDb engine;
  static DynamoDbClient dynamo;
  static DynamoDbStreamsClient streams;

  @BeforeAll
  static void startEngine() {
    engine = LocalDynamoDb.start();
    dynamo = TestSupport.dynamo(engine);
    streams = TestSupport.streams(engine);
  }

  @AfterAll
  static void stopEngine() {
    streams.close();
    dynamo.close();
    engine.close();
  }
}
