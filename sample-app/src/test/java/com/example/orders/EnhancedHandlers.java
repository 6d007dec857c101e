package com.example.orders;

import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.stream.StreamChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only typed functions on Enhanced Client classes, so that the processor generates their
 * adapters and mappers; each records what it receives.
 */
public class EnhancedHandlers {

  static final List<EnhancedTypes.Everything> EVERYTHING = new ArrayList<>();
  static final List<StreamChange<EnhancedTypes.Shipment>> SHIPMENTS = new ArrayList<>();
  static final List<EnhancedTypes.Tagged> TAGGED = new ArrayList<>();

  static void clear() {
    EVERYTHING.clear();
    SHIPMENTS.clear();
    TAGGED.clear();
  }

  @DynamoStreamTrigger(streamArn = "${EverythingStreamArn}")
  public void onTagged(EnhancedTypes.Tagged item) {
    TAGGED.add(item);
  }

  @DynamoStreamTrigger(streamArn = "${EverythingStreamArn}")
  public void onEverything(EnhancedTypes.Everything item) {
    EVERYTHING.add(item);
  }

  @DynamoStreamTrigger(streamArn = "${ShipmentsStreamArn}")
  public void onShipment(StreamChange<EnhancedTypes.Shipment> change) {
    SHIPMENTS.add(change);
  }
}
