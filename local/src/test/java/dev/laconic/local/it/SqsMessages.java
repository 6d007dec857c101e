package dev.laconic.local.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A hand-written SQS handler of the invocation tests' own template: logs each message's id,
 * group, body and attributes, and reports the messages whose body mentions "product5".
 */
public class SqsMessages implements RequestHandler<SQSEvent, SQSBatchResponse> {

  @Override
  public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage message : event.getRecords()) {
      Map<String, String> attributes = new TreeMap<>();
      message.getMessageAttributes().forEach((name, value) -> attributes.put(name,
          value.getBinaryValue() != null
              ? StandardCharsets.UTF_8.decode(value.getBinaryValue()).toString()
              : value.getStringValue()));
      context.getLogger().log(message.getMessageId() + " group="
          + message.getAttributes().get("MessageGroupId") + " " + message.getEventSourceArn()
          + " " + attributes + " " + message.getBody().replace("\n", ""));
      if (message.getBody().contains("product5")) {
        failures.add(new SQSBatchResponse.BatchItemFailure(message.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }
}
