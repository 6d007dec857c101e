package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The quick start's demo (its output is shown in docs/local.md), run as a test: the sample's
 * three functions at work on their own local stream, and the functions of the Kinesis stream and
 * the queue left to invoke.
 */
class LocalDemoTest {

  @Test
  void theDemoShowsEveryStreamFunctionAtWorkAndStopsCleanly() throws Exception {
    List<String> out = new CopyOnWriteArrayList<>();
    LocalDemo.run(out::add);

    // What each function receives is OrdersEndToEndTest's subject; the demo shows each at work.
    for (String line : List.of("[OrderEventsEchoFunction] {\"timestamp\":\"",
        "[OrderShippingShipFunction] SHIP o-1 ", "[OrderAuditAuditFunction] AUDIT REMOVE")) {
      assertTrue(out.stream().anyMatch(printed -> printed.startsWith(line)), line + " in " + out);
    }
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
