package dev.laconic.local.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.LocalMainAccess;
import dev.laconic.local.events.EventGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The command line's {@code invoke} and {@code generate-event}: payload on standard output,
 * logs on standard error, exit status 0, 1 for a function error, 2 for a wrong command line.
 */
class LocalMainInvokeTest {

  static final ObjectMapper JSON = new ObjectMapper();

  final List<String> out = new CopyOnWriteArrayList<>();
  final List<String> err = new CopyOnWriteArrayList<>();

  // ---- invoke -------------------------------------------------------------------------------

  @Test
  void invokePrintsTheResponseAndTheLogsApart() throws Exception {
    assertEquals(0, run("invoke", "--function", "InvokedFunctions.PerRecord.handle",
        "--event", resource("/events/java__dynamo_event.json")), err.toString());
    assertEquals(List.of("{\"batchItemFailures\":[{\"itemIdentifier\":"
        + "\"4421584500000000017450439093\"}]}"), out);
    assertEquals("[InvokedFunctionsPerRecordHandleFunction] INSERT 4421584500000000017450439091",
        err.get(0));
  }

  @Test
  void invokeReadsTheEventFromStandardInput() throws Exception {
    byte[] event = LocalInvokerTest.event("java__kinesis_event.json");
    assertEquals(0, runWithInput(event, "invoke", "--template", handWrittenTemplate(),
        "--function", "kinesis-records", "--event", "-"), err.toString());
    assertEquals(List.of("{\"batchItemFailures\":[]}"), out);
    assertEquals(List.of("[KinesisRecordsFunction] partitionKey-03 arn:aws:kinesis:EXAMPLE"
        + " Hello, this is a test 123."), err);
  }

  @Test
  void aFunctionErrorPrintsTheErrorJsonAndExitsWithOne() throws Exception {
    assertEquals(1, run("invoke", "--function", "InvokedFunctionsFailingHandleFunction",
        "--event", resource("/events/java__dynamo_event.json")));
    JsonNode error = JSON.readTree(out.get(0));
    assertEquals("java.lang.IllegalStateException", error.get("errorType").asText());
    assertEquals("failed on 3 records", error.get("errorMessage").asText());
    assertTrue(err.get(err.size() - 1).contains("java.lang.IllegalStateException: failed on 3"
        + " records"), err.toString());
  }

  @Test
  void aWrongInvokeCommandLineExitsWithTwo() throws Exception {
    assertEquals(2, run("invoke", "--event", "-"));
    assertEquals("[laconic] invoke needs --function", err.get(0));
    assertTrue(err.get(1).startsWith("Usage: LocalMain"));
    clear();
    assertEquals(2, run("invoke", "--function", "X"));
    assertEquals("[laconic] invoke needs --event FILE (or - for standard input)", err.get(0));
    clear();
    assertEquals(2, run("invoke", "--function", "X", "--event", "-", "--bogus"));
    assertEquals("[laconic] invoke: unknown argument --bogus", err.get(0));
    clear();
    assertEquals(2, run("invoke", "--function", "X", "--event", "no-such-event.json"));
    assertEquals(List.of("[laconic] --event no-such-event.json: no such file"), err);
    assertEquals(List.of(), out);
  }

  @Test
  void anUnknownFunctionIsNamedWithTheKnownOnes() throws Exception {
    assertEquals(2, runWithInput(new byte[0], "invoke", "--template", handWrittenTemplate(),
        "--function", "Nope", "--event", "-"));
    assertEquals(List.of("[laconic] No function Nope in the template. It has:\n"
        + "  KinesisRecordsFunction  KinesisRecords.handleRequest  (FunctionName"
        + " kinesis-records)\n"
        + "  SqsMessagesFunction  SqsMessages.handleRequest\n"
        + "  KinesisCounterFunction  Kinesis.handleRequest\n"
        + "  TimeWindowFunction  TimeWindow.handleRequest\n"
        + "  QueueParameterFunction  SqsMessages.handleRequest\n"
        + "  MissingClassFunction  NoSuchHandler.handleRequest"), err);
  }

  @Test
  void anEventThatIsNotJsonExitsWithTwo() throws Exception {
    assertEquals(2, run("invoke", "--function", "InvokedFunctionsBatchHandleFunction",
        "--event", resource("/events/go__dynamodb-event-malformed.2.json")));
    assertEquals(1, err.size(), err.toString());
    assertTrue(err.get(0).startsWith("[laconic] The event is not JSON"), err.get(0));
    assertEquals(List.of(), out);
  }

  @Test
  void theUsageShowsEveryCommand() throws Exception {
    assertEquals(0, run("--help"));
    assertTrue(out.get(0).contains("\nUsage: LocalMain invoke --function NAME --event FILE|-"),
        out.get(0));
    assertTrue(out.get(0).contains("\nUsage: LocalMain generate-event dynamodb|kinesis|sqs"),
        out.get(0));
  }

  // ---- generate-event, then invoke ------------------------------------------------------------

  @Test
  void aGeneratedSqsEventTakesTheQueueOfTheFunctionsMapping() throws Exception {
    assertEquals(0, run("generate-event", "sqs", "--template", handWrittenTemplate(),
        "--function", "SqsMessagesFunction", "--body", "{\"name\": \"product5\"}",
        "--body", "second", "--message-group-id", "customer-7"), err.toString());
    JsonNode event = JSON.readTree(out.get(0));
    assertEquals("arn:aws:sqs:eu-west-1:111122223333:orders.fifo",
        event.at("/Records/0/eventSourceARN").asText());
    assertEquals("customer-7", event.at("/Records/1/attributes/MessageGroupId").asText());
    String failed = event.at("/Records/0/messageId").asText();

    byte[] generated = out.get(0).getBytes(StandardCharsets.UTF_8);
    clear();
    assertEquals(0, runWithInput(generated, "invoke", "--template", handWrittenTemplate(),
        "--function", "SqsMessagesFunction", "--event", "-"), err.toString());
    assertEquals(List.of("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + failed + "\"}]}"),
        out);
    assertTrue(err.get(err.size() - 1).endsWith(" group=customer-7"
        + " arn:aws:sqs:eu-west-1:111122223333:orders.fifo {} second"), err.toString());
  }

  @Test
  void aGeneratedKinesisEventCarriesTheData() throws Exception {
    assertEquals(0, run("generate-event", "kinesis", "--template", handWrittenTemplate(),
        "--function", "kinesis-records", "--data", "{\"id\": 1}", "--partition-key", "p-1"));
    byte[] generated = out.get(0).getBytes(StandardCharsets.UTF_8);
    clear();
    assertEquals(0, runWithInput(generated, "invoke", "--template", handWrittenTemplate(),
        "--function", "kinesis-records", "--event", "-"), err.toString());
    assertEquals(List.of("[KinesisRecordsFunction] p-1"
        + " arn:aws:kinesis:eu-west-1:111122223333:stream/orders {\"id\": 1}"), err);
  }

  @Test
  void aGeneratedDynamodbEventReachesAGeneratedAdapter() throws Exception {
    assertEquals(0, run("generate-event", "dynamodb", "--function",
        "InvokedFunctions.Batch.handle", "--new-image", "{\"id\": {\"S\": \"i-1\"}}"));
    assertEquals(List.of("[laconic] InvokedFunctionsBatchHandleStreamMapping reads"
        + " ${ItemsStream}, a template parameter: the event has an example ARN (set one with"
        + " --source-arn)."), err);
    byte[] generated = out.get(0).getBytes(StandardCharsets.UTF_8);
    String sequenceNumber = JSON.readTree(generated).at("/Records/0/dynamodb/SequenceNumber")
        .asText();
    clear();
    assertEquals(0, runWithInput(generated, "invoke", "--function", "invoked-batch",
        "--event", "-"), err.toString());
    assertEquals("[InvokedFunctionsBatchHandleFunction] INSERT " + sequenceNumber
        + " arn:aws:dynamodb:us-east-1:123456789012:table/my-table/stream/2026-01-01T00:00:00.000",
        err.get(err.size() - 1));
  }

  @Test
  void aGeneratedEventTakesTheArnOfTheTemplatesOwnStreamQueueOrTable() throws Exception {
    String template = resource("/invoke/resources-template.json");
    assertEquals(0, run("generate-event", "kinesis", "--template", template, "--function",
        "ChangesFunction", "--data", "{\"id\": 1}", "--partition-key", "p-1"), err.toString());
    byte[] generated = out.get(0).getBytes(StandardCharsets.UTF_8);
    assertEquals("arn:aws:kinesis:us-east-1:123456789012:stream/Changes",
        JSON.readTree(generated).at("/Records/0/eventSourceARN").asText());
    clear();
    assertEquals(0, runWithInput(generated, "invoke", "--template", template,
        "--function", "ChangesFunction", "--event", "-"), err.toString());
    assertEquals(List.of("[ChangesFunction] p-1"
        + " arn:aws:kinesis:us-east-1:123456789012:stream/Changes {\"id\": 1}"), err);

    clear();
    assertEquals(0, run("generate-event", "sqs", "--template", template, "--function",
        "JobsFunction", "--body", "job"), err.toString());
    JsonNode message = JSON.readTree(out.get(0)).at("/Records/0");
    assertEquals("arn:aws:sqs:us-east-1:123456789012:Jobs.fifo",
        message.get("eventSourceARN").asText(), "CloudFormation names a FIFO queue *.fifo");
    assertEquals("group-1", message.at("/attributes/MessageGroupId").asText());

    clear();
    assertEquals(0, run("generate-event", "dynamodb", "--template", template, "--function",
        "OrdersFunction"), err.toString());
    assertEquals("arn:aws:dynamodb:us-east-1:123456789012:table/orders-prod/stream/"
        + "2026-01-01T00:00:00.000",
        JSON.readTree(out.get(0)).at("/Records/0/eventSourceARN").asText());

    clear();
    assertEquals(0, run("generate-event", "dynamodb", "--template", template, "--function",
        "ChangesFunction"), err.toString());
    assertEquals(EventGenerator.dynamodbStreamArn(EventGenerator.DEFAULT_REGION, "my-table"),
        JSON.readTree(out.get(0)).at("/Records/0/eventSourceARN").asText(),
        "a Kinesis stream is not a table: the example ARN");
  }

  @Test
  void aWrongGenerateEventCommandLineExitsWithTwo() throws Exception {
    assertEquals(2, run("generate-event"));
    assertEquals("[laconic] generate-event needs a source: dynamodb, kinesis or sqs", err.get(0));
    clear();
    assertEquals(2, run("generate-event", "s3"));
    assertEquals("[laconic] generate-event: unknown source s3; it is one of dynamodb, kinesis,"
        + " sqs", err.get(0));
    clear();
    assertEquals(2, run("generate-event", "kinesis", "--fifo"));
    assertEquals("[laconic] generate-event kinesis: unknown argument --fifo", err.get(0));
    clear();
    assertEquals(2, run("generate-event", "dynamodb", "--new-image", "{\"id\": "));
    assertTrue(err.get(0).startsWith("[laconic] --new-image is not JSON: "), err.get(0));
    clear();
    assertEquals(2, run("generate-event", "sqs", "--fifo", "--source-arn",
        "arn:aws:sqs:us-east-1:123456789012:plain"));
    assertEquals(List.of("[laconic] generate-event sqs: Only a FIFO queue (a name ending in"
        + " .fifo) has message groups; arn:aws:sqs:us-east-1:123456789012:plain is not one."),
        err);
    assertEquals(List.of(), out);
  }

  // ---- helpers ------------------------------------------------------------------------------

  private int run(String... args) throws InterruptedException {
    return runWithInput(new byte[0], args);
  }

  private int runWithInput(byte[] stdin, String... args) throws InterruptedException {
    return LocalMainAccess.run(args, stdin, out::add, err::add, (runner, engine) -> {});
  }

  private void clear() {
    out.clear();
    err.clear();
  }

  private static String handWrittenTemplate() throws Exception {
    return resource("/invoke/template.json");
  }

  private static String resource(String name) throws Exception {
    return Path.of(LocalMainInvokeTest.class.getResource(name).toURI()).toString();
  }
}
