package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.laconic.annotations.DynamoAttribute;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.stream.StreamChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-only typed functions, so that the processor generates their adapters and the mappers of
 * {@link AllTypes} and {@link Message}; each records what it receives.
 */
public class TypedHandlers {

  /** The item of most real sample events: a number key {@code Id} and a {@code Message}. */
  public record Message(@DynamoAttribute("Id") long id, @DynamoAttribute("Message") String text) {}

  static final List<Message> IMAGES = new ArrayList<>();
  static final List<StreamChange<Message>> CHANGES = new ArrayList<>();
  static final List<StreamChange<AllTypes>> ALL_TYPES = new ArrayList<>();

  static void clear() {
    IMAGES.clear();
    CHANGES.clear();
    ALL_TYPES.clear();
  }

  /** Fails on the message "fail", so tests can watch partial batch failures. */
  @DynamoStreamTrigger(streamArn = "${MessagesStreamArn}")
  public void onMessage(Message message, Context context) {
    IMAGES.add(message);
    if ("fail".equals(message.text())) {
      throw new IllegalStateException("refusing message " + message.id());
    }
  }

  @DynamoStreamTrigger(streamArn = "${MessagesStreamArn}")
  public void onChange(StreamChange<Message> change) {
    CHANGES.add(change);
  }

  @DynamoStreamTrigger(streamArn = "${AllTypesStreamArn}")
  public void onAllTypes(StreamChange<AllTypes> change) {
    ALL_TYPES.add(change);
  }
}
