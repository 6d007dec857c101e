package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamRecordsTest {

  private static final String SEQUENCE = "4421584500000000017450439091";

  /** What a generated mapper of a one-attribute item does. */
  private static final Function<Map<String, AttributeValue>, String> ID =
      image -> Attributes.readString(image.get("id"), AttributePath.root("item").child("id"));

  private static final Function<Map<String, AttributeValue>, String> NEVER = image -> {
    throw new AssertionError("the mapper must not be called");
  };

  // ---- helpers -------------------------------------------------------------------------------

  private static AttributeValue s(String text) {
    return new AttributeValue().withS(text);
  }

  private static AttributeValue n(String number) {
    return new AttributeValue().withN(number);
  }

  private static Map<String, AttributeValue> image(String id) {
    return Map.of("id", s(id));
  }

  private static DynamodbStreamRecord record(String eventName, StreamRecord data) {
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    record.setEventName(eventName);
    record.setDynamodb(data);
    return record;
  }

  private static StreamRecord data() {
    return new StreamRecord().withSequenceNumber(SEQUENCE);
  }

  // ---- isRemove ------------------------------------------------------------------------------

  @Test
  void isRemoveOnlyForRemove() {
    assertTrue(StreamRecords.isRemove(record("REMOVE", data())));
    assertFalse(StreamRecords.isRemove(record("INSERT", data())));
    assertFalse(StreamRecords.isRemove(record("MODIFY", data())));
    assertFalse(StreamRecords.isRemove(record("remove", data())));
    assertFalse(StreamRecords.isRemove(record(null, data())));
  }

  // ---- newImage ------------------------------------------------------------------------------

  @Test
  void newImageIsMapped() {
    DynamodbStreamRecord record =
        record("MODIFY", data().withOldImage(image("A0")).withNewImage(image("A1")));

    assertEquals("A1", StreamRecords.newImage(record, ID));
  }

  @Test
  void newImageHandsTheAttributesToTheMapper() {
    Map<String, AttributeValue> attributes = image("A1");
    List<Map<String, AttributeValue>> seen = new ArrayList<>();

    StreamRecords.newImage(record("INSERT", data().withNewImage(attributes)), image -> {
      seen.add(image);
      return "mapped";
    });

    assertEquals(1, seen.size());
    assertSame(attributes, seen.get(0));
  }

  @Test
  void missingNewImageNamesTheRecordAndTheViewTypes() {
    DynamodbStreamRecord record =
        record("MODIFY", new StreamRecord().withSequenceNumber("42").withOldImage(image("A0")));

    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> StreamRecords.newImage(record, NEVER));

    assertEquals("The MODIFY record with sequence number 42 has no NewImage. The stream's view"
        + " type must be NEW_IMAGE or NEW_AND_OLD_IMAGES for a handler that takes the new image.",
        e.getMessage());
  }

  @Test
  void recordWithoutStreamDataHasNoNewImage() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StreamRecords.newImage(record("INSERT", null), NEVER));

    assertTrue(e.getMessage().startsWith(
        "The INSERT record with sequence number null has no NewImage."), e.getMessage());
  }

  @Test
  void newImageMappingFailureIsPlacedInTheRecord() {
    DynamodbStreamRecord record = record("INSERT", data().withNewImage(Map.of("id", n("7"))));

    MappingException e =
        assertThrows(MappingException.class, () -> StreamRecords.newImage(record, ID));

    assertEquals("Cannot map the NewImage of the record with sequence number " + SEQUENCE
        + ": item.id: expected S (String), found N 7", e.getMessage());
    assertEquals(SEQUENCE, e.sequenceNumber());
    assertEquals("item.id", e.path());
    MappingException cause = (MappingException) e.getCause();
    assertEquals("item.id: expected S (String), found N 7", cause.getMessage());
    assertNull(cause.sequenceNumber());
  }

  @Test
  void otherMapperFailuresPassThroughUnchanged() {
    IllegalArgumentException failure = new IllegalArgumentException("boom");
    DynamodbStreamRecord record = record("INSERT", data().withNewImage(image("A1")));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StreamRecords.newImage(record, image -> {
          throw failure;
        }));

    assertSame(failure, e);
  }

  // ---- change --------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"INSERT", "MODIFY", "REMOVE"})
  void eventNamesMapToTheEnum(String eventName) {
    StreamChange<String> change = StreamRecords.change(record(eventName, data()), ID);

    assertEquals(StreamChange.EventName.valueOf(eventName), change.eventName());
  }

  @Test
  void unknownEventNameFails() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StreamRecords.change(
            record("UPDATE", new StreamRecord().withSequenceNumber("9").withNewImage(image("A"))),
            NEVER));

    assertEquals("The record with sequence number 9 has eventName \"UPDATE\"; DynamoDB streams"
        + " send INSERT, MODIFY or REMOVE.", e.getMessage());
  }

  @Test
  void missingEventNameFails() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StreamRecords.change(record(null, new StreamRecord().withSequenceNumber("9")), NEVER));

    assertEquals("The record with sequence number 9 has eventName null; DynamoDB streams send"
        + " INSERT, MODIFY or REMOVE.", e.getMessage());
  }

  @Test
  void insertCarriesEverythingTheRecordSays() {
    Map<String, AttributeValue> keys = Map.of("id", s("A1"));
    Date created = new Date(1_700_000_000_123L);
    DynamodbStreamRecord record = record("INSERT", data()
        .withKeys(keys)
        .withNewImage(image("A1"))
        .withApproximateCreationDateTime(created)
        .withSizeBytes(123L));

    StreamChange<String> change = StreamRecords.change(record, ID);

    assertEquals(StreamChange.EventName.INSERT, change.eventName());
    assertSame(keys, change.keys());
    assertEquals(Optional.empty(), change.oldImage());
    assertEquals(Optional.of("A1"), change.newImage());
    assertEquals(SEQUENCE, change.sequenceNumber());
    assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), change.approximateCreationTime());
    assertEquals(123L, change.sizeBytes());
    assertSame(record, change.record());
  }

  @Test
  void modifyMapsBothImages() {
    DynamodbStreamRecord record =
        record("MODIFY", data().withOldImage(image("before")).withNewImage(image("after")));

    StreamChange<String> change = StreamRecords.change(record, ID);

    assertEquals(Optional.of("before"), change.oldImage());
    assertEquals(Optional.of("after"), change.newImage());
  }

  @Test
  void removeHasOnlyTheOldImage() {
    StreamChange<String> change =
        StreamRecords.change(record("REMOVE", data().withOldImage(image("gone"))), ID);

    assertEquals(StreamChange.EventName.REMOVE, change.eventName());
    assertEquals(Optional.of("gone"), change.oldImage());
    assertEquals(Optional.empty(), change.newImage());
  }

  @Test
  void keysOnlyRecordHasNoImagesAndNeverCallsTheMapper() {
    Map<String, AttributeValue> keys = Map.of("id", s("A1"));

    StreamChange<String> change =
        StreamRecords.change(record("MODIFY", data().withKeys(keys)), NEVER);

    assertSame(keys, change.keys());
    assertEquals(Optional.empty(), change.oldImage());
    assertEquals(Optional.empty(), change.newImage());
  }

  @Test
  void absentKeysTimeAndSizeGetDefaults() {
    StreamChange<String> change =
        StreamRecords.change(record("INSERT", data().withNewImage(image("A1"))), ID);

    assertEquals(Map.of(), change.keys());
    assertNull(change.approximateCreationTime());
    assertEquals(-1L, change.sizeBytes());
  }

  @Test
  void oldImageMappingFailureSaysOldImage() {
    DynamodbStreamRecord record = record("MODIFY", new StreamRecord()
        .withSequenceNumber("5")
        .withOldImage(Map.of("id", new AttributeValue().withBOOL(true)))
        .withNewImage(image("A1")));

    MappingException e =
        assertThrows(MappingException.class, () -> StreamRecords.change(record, ID));

    assertEquals("Cannot map the OldImage of the record with sequence number 5: item.id: expected"
        + " S (String), found BOOL true", e.getMessage());
    assertEquals("5", e.sequenceNumber());
  }

  @Test
  void newImageMappingFailureInAChangeSaysNewImage() {
    DynamodbStreamRecord record = record("MODIFY", new StreamRecord()
        .withSequenceNumber("6")
        .withOldImage(image("A0"))
        .withNewImage(Map.of("id", n("1"))));

    MappingException e =
        assertThrows(MappingException.class, () -> StreamRecords.change(record, ID));

    assertEquals("Cannot map the NewImage of the record with sequence number 6: item.id: expected"
        + " S (String), found N 1", e.getMessage());
  }

  @Test
  void recordWithoutStreamDataGivesAnEmptyChange() {
    DynamodbStreamRecord record = record("INSERT", null);

    StreamChange<String> change = StreamRecords.change(record, NEVER);

    assertEquals(StreamChange.EventName.INSERT, change.eventName());
    assertEquals(Map.of(), change.keys());
    assertEquals(Optional.empty(), change.oldImage());
    assertEquals(Optional.empty(), change.newImage());
    assertNull(change.sequenceNumber());
    assertNull(change.approximateCreationTime());
    assertEquals(-1L, change.sizeBytes());
    assertSame(record, change.record());
  }

  @Test
  void recordWithoutStreamDataOrEventNameFails() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> StreamRecords.change(record(null, null), NEVER));

    assertEquals("The record with sequence number null has eventName null; DynamoDB streams send"
        + " INSERT, MODIFY or REMOVE.", e.getMessage());
  }

  // ---- StreamChange --------------------------------------------------------------------------

  @Test
  void streamChangeReplacesNullKeysAndImages() {
    StreamChange<String> change = new StreamChange<>(
        StreamChange.EventName.MODIFY, null, null, null, "1", null, 10, null);

    assertEquals(Map.of(), change.keys());
    assertEquals(Optional.empty(), change.oldImage());
    assertEquals(Optional.empty(), change.newImage());
  }

  // ---- images read from the event's bytes ----------------------------------------------------

  /** What a generated mapper's {@code readImage} of a one-attribute item does. */
  private static String readId(com.fasterxml.jackson.core.JsonParser parser, AttributePath path)
      throws java.io.IOException {
    if (!ItemJson.startItem(parser)) {
      return null;
    }
    String id = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      if (name.equals("id")) {
        id = ItemJson.readString(parser, path.child("id"));
      } else {
        parser.skipChildren();
      }
    }
    return id;
  }

  private static DynamodbStreamRecord read(String dynamodb) throws java.io.IOException {
    byte[] event = ("{\"Records\": [{\"eventName\": \"MODIFY\", \"dynamodb\": " + dynamodb
        + "}]}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return StreamEventJson.read(new java.io.ByteArrayInputStream(event)).getRecords().get(0);
  }

  @Test
  void imagesHeldAsTheEventsBytesAreReadFromThemWithoutBuildingTheirMaps()
      throws java.io.IOException {
    DynamodbStreamRecord record = read("{\"SequenceNumber\": \"7\","
        + " \"Keys\": {\"id\": {\"S\": \"k\"}},"
        + " \"NewImage\": {\"id\": {\"S\": \"new\"}, \"x\": {\"N\": \"1\"}},"
        + " \"OldImage\": {\"id\": {\"S\": \"old\"}}}");
    LazyStreamRecord data = (LazyStreamRecord) record.getDynamodb();

    StreamChange<String> change = StreamRecords.change(record, AttributePath.root("item"),
        StreamRecordsTest::readId, StreamRecordsTest::readId);

    assertEquals(Optional.of("new"), change.newImage());
    assertEquals(Optional.of("old"), change.oldImage());
    assertEquals(Optional.of("k"), change.key());
    assertEquals("new", StreamRecords.newImage(record, AttributePath.root("item"),
        StreamRecordsTest::readId));
    assertTrue(unbuilt(data, "newImageStart") && unbuilt(data, "oldImageStart"));
    assertEquals(Map.of("id", s("new"), "x", n("1")), data.getNewImage());
    assertFalse(unbuilt(data, "newImageStart"));
    // Built now, the map is read the same way.
    assertEquals("new", StreamRecords.newImage(record, AttributePath.root("item"),
        StreamRecordsTest::readId));
  }

  /** Whether the image whose start is held in {@code field} is still only the event's bytes. */
  private static boolean unbuilt(LazyStreamRecord data, String field) {
    try {
      java.lang.reflect.Field start = LazyStreamRecord.class.getDeclaredField(field);
      start.setAccessible(true);
      return start.getInt(data) >= 0;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aFailureFromTheEventsBytesIsPlacedInItsRecordAsFromAMap() throws java.io.IOException {
    String dynamodb = "{\"SequenceNumber\": \"7\", \"NewImage\": {\"id\": {\"N\": \"5\"}}}";
    MappingException fromBytes = assertThrows(MappingException.class,
        () -> StreamRecords.change(read(dynamodb), AttributePath.root("item"),
            StreamRecordsTest::readId));
    DynamodbStreamRecord built = read(dynamodb);
    built.getDynamodb().getNewImage();
    MappingException fromMap = assertThrows(MappingException.class,
        () -> StreamRecords.change(built, AttributePath.root("item"), StreamRecordsTest::readId));
    MappingException old = assertThrows(MappingException.class,
        () -> StreamRecords.change(read(dynamodb), ID));

    assertEquals("Cannot map the NewImage of the record with sequence number 7: item.id: expected"
        + " S (String), found N 5", fromBytes.getMessage());
    assertEquals(fromBytes.getMessage(), fromMap.getMessage());
    assertEquals(fromBytes.getMessage(), old.getMessage());
  }

  @Test
  void aRecordBuiltByHandIsReadAsItsJson() {
    StreamChange<String> change = StreamRecords.change(
        record("INSERT", data().withNewImage(image("A1")).withKeys(image("K"))),
        AttributePath.root("item"), StreamRecordsTest::readId, StreamRecordsTest::readId);

    assertEquals(Optional.of("A1"), change.newImage());
    assertEquals(Optional.empty(), change.oldImage());
    assertEquals(Optional.of("K"), change.key());
    assertEquals(Optional.empty(), StreamRecords.change(
        record("INSERT", data().withNewImage(image("A1"))), AttributePath.root("item"),
        StreamRecordsTest::readId).key());
  }
}
