package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.example.orders.RealEventItems.DotnetItem;
import com.example.orders.RealEventItems.GoItem;
import com.example.orders.RealEventItems.Misc;
import com.example.orders.RealEventItems.Person;
import com.example.orders.TypedHandlers.Message;
import dev.laconic.stream.MappingException;
import dev.laconic.stream.StreamChange;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A differential test on the real sample events: for every record, the generated mappers and a
 * hand-written decode of the official {@code DynamodbEvent} (as the runtime deserializes it) give
 * equal values, for both images and every {@code StreamChange} field.
 */
class RealEventsTypedTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"java__dynamo_event.json", "java__dynamo_event_roundtrip.json",
      "java__dynamo_time_window_event.json", "go__dynamodb-time-window-event.json",
      "powertools-java__dynamo_event.json", "powertools-java__dynamo_event_big.json"})
  void messagesMapLikeTheirHandDecode(String file) {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(file);
    assertFalse(event.getRecords().isEmpty());
    for (DynamodbStreamRecord record : event.getRecords()) {
      StreamChange<Message> change = TypedHandlers_MessageStreamMapper.toChange(record);
      assertChangeFields(record, change);
      assertEquals(handDecoded(record.getDynamodb().getNewImage(), RealEventsTypedTest::message),
          change.newImage());
      assertEquals(handDecoded(record.getDynamodb().getOldImage(), RealEventsTypedTest::message),
          change.oldImage());
    }
  }

  @Test
  void goItemsOfAllTenTypesMapLikeTheirHandDecode() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(LambdaRuntimeEvents.GO_ALL_TYPES);
    assertEquals(2, event.getRecords().size());
    for (DynamodbStreamRecord record : event.getRecords()) {
      StreamChange<GoItem> change = RealEventItems_GoItemStreamMapper.toChange(record);
      assertChangeFields(record, change);
      assertEquals(
          Values.comparable(handDecoded(record.getDynamodb().getNewImage(),
              RealEventsTypedTest::goItem)),
          Values.comparable(change.newImage()));
    }
    GoItem second = RealEventItems_GoItemStreamMapper.fromNewImage(event.getRecords().get(1));
    assertEquals(new Person("Joe", 35), second.map());
    assertEquals(new BigDecimal("123.45"), second.floatNumber());
    assertEquals(Set.of(new BigDecimal("1234"), new BigDecimal("567.8")), second.numberSet());
    assertEquals(Optional.empty(), second.nothing());
    assertEquals(Set.of(), second.emptyStringSet());
    assertEquals(3, second.asdf2().size(), "a list keeps the duplicate of the BS");
    assertEquals(1, second.binarySet().size(), "a set collapses the duplicate of the BS");
  }

  @Test
  void aMixedListIsAFailureThatNamesTheElement() {
    DynamodbStreamRecord record =
        LambdaRuntimeEvents.dynamodbEvent(LambdaRuntimeEvents.GO_ALL_TYPES).getRecords().get(1);
    MappingException failure = assertThrows(MappingException.class,
        () -> RealEventItems_GoMixedListStreamMapper.fromNewImage(record));
    assertEquals("Cannot map the NewImage of the record with sequence number"
        + " 1405400000000002063282832: goMixedList.List[2]: expected S (String), found N 3.14159",
        failure.getMessage());
    assertEquals("1405400000000002063282832", failure.sequenceNumber());
  }

  @Test
  void dotnetItemsMapLikeTheirHandDecode() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(LambdaRuntimeEvents.DOTNET_ALL_TYPES);
    for (DynamodbStreamRecord record : event.getRecords()) {
      StreamChange<DotnetItem> change = RealEventItems_DotnetItemStreamMapper.toChange(record);
      assertChangeFields(record, change);
      assertEquals(handDecoded(record.getDynamodb().getNewImage(), RealEventsTypedTest::dotnet),
          change.newImage());
      assertEquals(handDecoded(record.getDynamodb().getOldImage(), RealEventsTypedTest::dotnet),
          change.oldImage());
    }
    DotnetItem inserted = RealEventItems_DotnetItemStreamMapper.fromNewImage(
        event.getRecords().get(0));
    assertEquals(new Misc(List.of(), false, Set.of(0, 50, 150), Optional.empty(),
        Set.of("Hippo", "Zebra")), inserted.misc2());
    assertEquals(StreamChange.EventName.REMOVE,
        RealEventItems_DotnetItemStreamMapper.toChange(event.getRecords().get(1)).eventName());
  }

  /** The fields of a change that come straight from the record. */
  private static void assertChangeFields(DynamodbStreamRecord record, StreamChange<?> change) {
    assertEquals(record.getEventName(), change.eventName().name());
    assertEquals(record.getDynamodb().getKeys(), change.keys());
    assertEquals(record.getDynamodb().getSequenceNumber(), change.sequenceNumber());
    assertEquals(record.getDynamodb().getApproximateCreationDateTime() == null ? null
        : record.getDynamodb().getApproximateCreationDateTime().toInstant(),
        change.approximateCreationTime());
    assertEquals(record.getDynamodb().getSizeBytes(), change.sizeBytes());
    assertEquals(record, change.record());
  }

  private static <T> Optional<T> handDecoded(Map<String, AttributeValue> image,
      Function<Map<String, AttributeValue>, T> decode) {
    return image == null ? Optional.empty() : Optional.of(decode.apply(image));
  }

  // ---- the hand-written decodes: what a handler author would write against the raw record ----

  private static Message message(Map<String, AttributeValue> image) {
    return new Message(Long.parseLong(image.get("Id").getN()), image.get("Message").getS());
  }

  private static GoItem goItem(Map<String, AttributeValue> image) {
    return new GoItem(
        image.get("key").getS(),
        image.get("val").getS(),
        image.get("asdf1").getB(),
        image.get("asdf2").getBS(),
        image.containsKey("b2") ? image.get("b2").getB() : null,
        image.containsKey("Binary") ? bytes(image.get("Binary").getB()) : null,
        image.containsKey("Boolean") ? image.get("Boolean").getBOOL() : null,
        image.containsKey("BinarySet") ? new LinkedHashSet<>(image.get("BinarySet").getBS())
            : null,
        image.containsKey("EmptyStringSet")
            ? new LinkedHashSet<>(image.get("EmptyStringSet").getSS()) : null,
        image.containsKey("FloatNumber") ? new BigDecimal(image.get("FloatNumber").getN()) : null,
        image.containsKey("IntegerNumber")
            ? Integer.valueOf(image.get("IntegerNumber").getN()) : null,
        image.containsKey("Map") ? new Person(image.get("Map").getM().get("Name").getS(),
            Integer.parseInt(image.get("Map").getM().get("Age").getN())) : null,
        Optional.empty(),
        image.containsKey("NumberSet") ? decimals(image.get("NumberSet").getNS()) : null,
        image.containsKey("String") ? image.get("String").getS() : null,
        image.containsKey("StringSet") ? image.get("StringSet").getSS() : null);
  }

  private static DotnetItem dotnet(Map<String, AttributeValue> image) {
    Misc misc = null;
    if (image.containsKey("misc2")) {
      Map<String, AttributeValue> m = image.get("misc2").getM();
      Set<Integer> numbers = new LinkedHashSet<>();
      m.get("ItemNumberSet").getNS().forEach(n -> numbers.add(Integer.valueOf(n)));
      misc = new Misc(List.of(), m.get("ItemBoolean").getBOOL(), numbers, Optional.empty(),
          new LinkedHashSet<>(m.get("ItemStringSet").getSS()));
    }
    return new DotnetItem(
        image.get("key").getS(),
        image.get("val").getS(),
        image.get("asdf1").getB(),
        image.get("asdf2").getBS(),
        image.containsKey("misc1") ? List.of() : null,
        misc);
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private static Set<BigDecimal> decimals(List<String> texts) {
    Set<BigDecimal> out = new LinkedHashSet<>();
    texts.forEach(t -> out.add(new BigDecimal(t)));
    return out;
  }
}
