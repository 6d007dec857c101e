package com.example.orders;

import dev.laconic.annotations.DynamoAttribute;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.stream.StreamChange;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The items of the real sample events that use all ten attribute types, as records; the handlers
 * exist so that the processor generates their mappers.
 */
public class RealEventItems {

  /** The NewImages of {@code go__dynamodb-event.json}. */
  public record GoItem(
      String key,
      String val,
      ByteBuffer asdf1,
      List<ByteBuffer> asdf2,
      ByteBuffer b2,
      @DynamoAttribute("Binary") byte[] binary,
      @DynamoAttribute("Boolean") Boolean bool,
      @DynamoAttribute("BinarySet") Set<ByteBuffer> binarySet,
      @DynamoAttribute("EmptyStringSet") Set<String> emptyStringSet,
      @DynamoAttribute("FloatNumber") BigDecimal floatNumber,
      @DynamoAttribute("IntegerNumber") Integer integerNumber,
      @DynamoAttribute("Map") Person map,
      @DynamoAttribute("Null") Optional<String> nothing,
      @DynamoAttribute("NumberSet") Set<BigDecimal> numberSet,
      @DynamoAttribute("String") String string,
      @DynamoAttribute("StringSet") List<String> stringSet) {}

  /** The {@code Map} attribute of {@link GoItem}. */
  public record Person(@DynamoAttribute("Name") String name, @DynamoAttribute("Age") int age) {}

  /** The {@code List} of {@code go__dynamodb-event.json} mixes S and N: no List<String>. */
  public record GoMixedList(@DynamoAttribute("List") List<String> list) {}

  /** The images of {@code dotnet__dynamodb-event.json}. */
  public record DotnetItem(
      String key,
      String val,
      ByteBuffer asdf1,
      List<ByteBuffer> asdf2,
      List<String> misc1,
      Misc misc2) {}

  /** The {@code misc2} M of {@link DotnetItem}; its mixed {@code ItemsNonEmpty} list is left out. */
  public record Misc(
      @DynamoAttribute("ItemsEmpty") List<String> itemsEmpty,
      @DynamoAttribute("ItemBoolean") boolean itemBoolean,
      @DynamoAttribute("ItemNumberSet") Set<Integer> itemNumberSet,
      @DynamoAttribute("ItemNull") Optional<String> itemNull,
      @DynamoAttribute("ItemStringSet") Set<String> itemStringSet) {}

  @DynamoStreamTrigger(streamArn = "${ExampleStreamArn}")
  public void onGoItem(StreamChange<GoItem> change) {}

  @DynamoStreamTrigger(streamArn = "${ExampleStreamArn}")
  public void onGoMixedList(GoMixedList item) {}

  @DynamoStreamTrigger(streamArn = "${ExampleStreamArn}")
  public void onDotnetItem(StreamChange<DotnetItem> change) {}
}
