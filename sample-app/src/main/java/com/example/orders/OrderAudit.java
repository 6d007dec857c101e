package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;
import java.util.Map;
import java.util.TreeSet;

/**
 * A per-record function: one audit line per changed or removed order. Lambda delivers only
 * MODIFY and REMOVE records (a filter); a record that fails is reported alone, and Lambda retries
 * from it. After 10 retries Lambda gives the batch up and sends a record of it to the
 * {@code OrderStreamFailures} queue of the app's template, where {@link OrderFailures} reads it.
 */
public class OrderAudit {

  /** Logs what changed in one order, attribute names only (no personal data in logs). */
  @LambdaFunction(timeout = 60, logRetentionDays = 30)
  @DynamoStreamTrigger(
      streamArn = "@OrdersTable",
      batchSize = 100,
      maximumBatchingWindowInSeconds = 5,
      maximumRetryAttempts = 10,
      bisectBatchOnFunctionError = true,
      onFailure = "@OrderStreamFailures",
      filters = "{\"eventName\": [\"MODIFY\", \"REMOVE\"]}")
  public void audit(DynamodbStreamRecord record, Context context) {
    Map<String, AttributeValue> keys = record.getDynamodb().getKeys();
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException("record " + record.getEventID() + " has no keys");
    }
    context.getLogger().log("AUDIT " + record.getEventName() + " " + keys
        + " changed=" + changedAttributes(record));
  }

  static TreeSet<String> changedAttributes(DynamodbStreamRecord record) {
    Map<String, AttributeValue> before = orEmpty(record.getDynamodb().getOldImage());
    Map<String, AttributeValue> after = orEmpty(record.getDynamodb().getNewImage());
    TreeSet<String> changed = new TreeSet<>();
    for (String name : before.keySet()) {
      if (!before.get(name).equals(after.get(name))) {
        changed.add(name);
      }
    }
    for (String name : after.keySet()) {
      if (!before.containsKey(name)) {
        changed.add(name);
      }
    }
    return changed;
  }

  private static Map<String, AttributeValue> orEmpty(Map<String, AttributeValue> image) {
    return image == null ? Map.of() : image;
  }
}
