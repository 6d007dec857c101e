package dev.laconic.local.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.laconic.local.app.MappingDefinition;
import dev.laconic.local.app.TemplateValue;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Stopping a poller in the middle of a call to the stream is a stop, not a failure to report. */
class MappingPollerStopTest {

  @Test
  void aCallThatCloseInterruptsIsNotReportedAsAFailure() throws Exception {
    CountDownLatch calling = new CountDownLatch(1);
    // A stream whose DescribeStream waits until it is interrupted, and then fails as the SDK's
    // clients do when close() interrupts the polling thread.
    DynamoDbStreamsClient streams = (DynamoDbStreamsClient) Proxy.newProxyInstance(
        getClass().getClassLoader(), new Class<?>[] {DynamoDbStreamsClient.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("describeStream")) {
            throw new UnsupportedOperationException(method.getName());
          }
          calling.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException e) {
            throw AbortedException.builder().message("Thread was interrupted").cause(e).build();
          }
          return null;
        });
    List<String> output = new CopyOnWriteArrayList<>();
    MappingDefinition mapping = new MappingDefinition("OrdersEchoStreamMapping",
        TemplateValue.literal("arn:aws:dynamodb:us-east-1:000000000000:table/Orders/stream/1"),
        "TRIM_HORIZON", 10, true, 0, -1, -1, false, List.of(), false, Optional.empty());
    MappingPoller poller = MappingPoller.start(mapping, mapping.eventSourceArn().literal(), null,
        streams, FailureSink.printing(output::add), PollerSettings.defaults(), output::add,
        "arn:aws:lambda:us-east-1:000000000000:function:orders-echo", new Checkpoints());

    assertTrue(calling.await(10, TimeUnit.SECONDS), "the poller called DescribeStream");
    poller.close();

    assertEquals(List.of(), output, "nothing reported when the poller stops");
  }
}
