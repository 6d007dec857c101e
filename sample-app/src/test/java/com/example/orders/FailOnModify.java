package com.example.orders;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import dev.laconic.annotations.DynamoStreamTrigger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A per-record handler that fails on the first MODIFY record, to test how its generated adapter
 * ({@code Laconic_FailOnModify_handle}) reports a partial batch failure.
 */
public class FailOnModify {

  /** The sequence numbers of the records this handler was called with, in call order. */
  public static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

  public FailOnModify() {}

  /** Notes the record, then throws if it is a MODIFY. */
  @DynamoStreamTrigger(streamArn = "${TestStreamArn}")
  public void handle(DynamodbEvent.DynamodbStreamRecord record) {
    SEEN.add(record.getDynamodb().getSequenceNumber());
    if ("MODIFY".equals(record.getEventName())) {
      throw new IllegalStateException("refusing MODIFY of " + record.getDynamodb().getKeys());
    }
  }
}
