package dev.laconic.local.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.laconic.local.LocalMainAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The command line: a table created in process, a function run on it, and wrong arguments. */
class LocalMainTest {

  final List<String> out = new CopyOnWriteArrayList<>();
  final List<String> err = new CopyOnWriteArrayList<>();

  @Test
  void runsTheTemplatesFunctionsOnATableItCreates() throws Exception {
    Deliveries.clear();
    Path template = Path.of(LocalMainTest.class.getResource("/laconic/template.json").toURI());
    int status = LocalMainAccess.run(new String[] {"--template", template.toString(),
        "--table", "Things:id", "--only", "TestFunctionsEverythingHandleFunction",
        "ItemsStream=Things"}, out::add, err::add, (runner, engine) -> {
          try (DynamoDbClient dynamo = DynamoDbClient.builder()
              .endpointOverride(engine.endpoint())
              .region(Region.of(engine.region()))
              .credentialsProvider(StaticCredentialsProvider.create(
                  AwsBasicCredentials.create("t", "t")))
              .httpClientBuilder(UrlConnectionHttpClient.builder())
              .build()) {
            dynamo.putItem(r -> r.tableName("Things")
                .item(Map.of("id", AttributeValue.fromS("cli1"))));
          }
          assertTrue(runner.awaitIdle(Duration.ofSeconds(20)));
        });
    assertEquals(0, status, String.join("\n", err));
    assertEquals(List.of("INSERT cli1"), Deliveries.records("Everything"));
    assertTrue(out.contains("[laconic] Created table Things (hash key id) with a stream."), out
        .toString());
  }

  @Test
  void wrongArgumentsPrintTheUsage() throws Exception {
    assertEquals(2, LocalMainAccess.run(new String[] {"--bogus"}, out::add, err::add,
        (runner, engine) -> {}));
    assertEquals("[laconic] unknown argument --bogus", err.get(0));
    assertTrue(err.get(1).startsWith("Usage: LocalMain"));
    err.clear();
    assertEquals(2, LocalMainAccess.run(new String[] {"--endpoint", "http://localhost:1",
        "--table", "T:k"}, out::add, err::add, (runner, engine) -> {}));
    assertEquals("[laconic] --table creates tables in the in-process DynamoDB only", err.get(0));
  }

  @Test
  void aMissingParameterIsReportedWithoutTheUsage() throws Exception {
    Path template = Path.of(LocalMainTest.class.getResource("/laconic/template.json").toURI());
    assertEquals(1, LocalMainAccess.run(new String[] {"--template", template.toString(),
        "--only", "TestFunctionsEverythingHandleFunction"}, out::add, err::add,
        (runner, engine) -> {}));
    assertEquals(List.of("[laconic] template parameter ItemsStream has no value; give it one,"
        + " such as ItemsStream=<stream ARN or table name>"), err);
  }
}
