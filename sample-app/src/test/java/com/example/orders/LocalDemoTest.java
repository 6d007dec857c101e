package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The quick start's demo (its output is shown in docs/local.md), run as a test: the sample's
 * three functions on their own local stream, each seeing exactly the records its mapping lets
 * through; the functions of the Kinesis stream and the queue are left to invoke.
 */
class LocalDemoTest {

  @Test
  void everyFunctionHandlesTheChangesItsMappingSelects() throws Exception {
    List<String> out = new CopyOnWriteArrayList<>();
    LocalDemo.run(out::add);

    List<String> echoed = out.stream()
        .filter(line -> line.startsWith("[OrderEventsEchoFunction] DynamoDb Event: Keys="))
        .toList();
    assertEquals(4, echoed.size(), String.join("\n", out));
    assertTrue(echoed.get(0).contains("o-1"), echoed.toString());

    List<String> shipped = out.stream()
        .filter(line -> line.startsWith("[OrderShippingShipFunction] SHIP ")).toList();
    assertEquals(List.of("[OrderShippingShipFunction] SHIP o-1 to Berlin, DE: 3 items, total"
        + " 59.90"), shipped, "only the order that became PAID");

    List<String> audited = out.stream()
        .filter(line -> line.startsWith("[OrderAuditAuditFunction] AUDIT ")).toList();
    assertEquals(2, audited.size(), String.join("\n", out));
    assertTrue(audited.get(0).startsWith("[OrderAuditAuditFunction] AUDIT MODIFY"), audited.get(0));
    assertTrue(audited.get(1).startsWith("[OrderAuditAuditFunction] AUDIT REMOVE"), audited.get(1));
    assertTrue(out.get(out.size() - 1).contains("Every change was handled"), out.toString());

    assertEquals(List.of(
        "[laconic] OrderFailuresReportQueueMapping reads OrderStreamFailures (AWS::SQS::Queue);"
            + " the runner polls DynamoDB streams only. Invoke OrderFailuresReportFunction with"
            + " an event instead (LocalMain invoke --function OrderFailuresReportFunction"
            + " --event FILE).",
        "[laconic] OrderTrackingTrackKinesisMapping reads OrderChanges (AWS::Kinesis::Stream);"
            + " the runner polls DynamoDB streams only. Invoke OrderTrackingTrackFunction with"
            + " an event instead (LocalMain invoke --function OrderTrackingTrackFunction"
            + " --event FILE)."),
        out.stream().filter(line -> line.contains(" reads ")).toList(),
        "the Kinesis and SQS mappings are reported, not run");
  }
}
