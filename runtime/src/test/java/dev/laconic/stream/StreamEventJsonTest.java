package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The event reader's images, read when first asked for: they behave as if read at once, and a
 * malformed image is still reported before anything is returned. (Equality with the Lambda
 * runtime's own reading of every sample event is tested in the sample app, which has the events.)
 */
class StreamEventJsonTest {

  static final String EVENT = "{\"Records\": [{\"eventName\": \"MODIFY\", \"dynamodb\": {"
      + "\"Keys\": {\"id\": {\"S\": \"1\"}},"
      + "\"NewImage\": {\"id\": {\"S\": \"1\"}, \"n\": {\"N\": \"2\"}, \"m\": {\"M\": {\"x\":"
      + " {\"L\": [{\"S\": \"é\"}, {\"NULL\": true}]}}}},"
      + "\"OldImage\": {\"id\": {\"S\": \"1\"}, \"b\": {\"B\": \"AAEqQQ==\"}},"
      + "\"SequenceNumber\": \"111\"}}]}";

  static DynamodbEvent read(String json) throws IOException {
    return StreamEventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  static StreamRecord data(String json) throws IOException {
    return read(json).getRecords().get(0).getDynamodb();
  }

  @Test
  void imagesReadLaterEqualImagesReadAtOnce() throws IOException {
    StreamRecord lazy = data(EVENT);
    StreamRecord eager = new StreamRecord();
    eager.setKeys(Map.of("id", new AttributeValue("1")));
    eager.setNewImage(lazy.getNewImage());
    eager.setOldImage(lazy.getOldImage());
    eager.setSequenceNumber("111");
    assertEquals(eager, lazy);
    assertEquals(lazy, eager);
    assertEquals(eager.hashCode(), lazy.hashCode());
    assertEquals(eager.toString(), data(EVENT).toString(), "toString reads the images too");
    assertEquals("é", lazy.getNewImage().get("m").getM().get("x").getL().get(0).getS());
    assertEquals(4, lazy.getOldImage().get("b").getB().remaining());
  }

  @Test
  void changingAnImageBeforeReadingItKeepsTheChange() throws IOException {
    StreamRecord added = data(EVENT);
    added.addNewImageEntry("extra", new AttributeValue("x"));
    assertEquals(4, added.getNewImage().size(), "the event's three attributes and the new one");

    StreamRecord replaced = data(EVENT);
    replaced.setOldImage(Map.of());
    assertEquals(Map.of(), replaced.getOldImage());

    StreamRecord cleared = data(EVENT);
    cleared.clearNewImageEntries();
    assertNull(cleared.getNewImage());
  }

  @Test
  void copiesAndSerializedFormsCarryTheImages() throws Exception {
    StreamRecord original = data(EVENT);
    StreamRecord copy = original.clone();
    assertNotSame(original, copy);
    assertEquals(original.getNewImage(), copy.getNewImage());

    // The events library's ByteBuffer values are not serializable, with or without laziness.
    String noBinary = EVENT.replace("{\"B\": \"AAEqQQ==\"}", "{\"S\": \"b\"}");
    original = data(noBinary);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(data(noBinary));
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      StreamRecord restored = (StreamRecord) in.readObject();
      assertEquals(original, restored);
      assertEquals("2", restored.getNewImage().get("n").getN());
    }
  }

  @Test
  void aMalformedImageIsReportedBeforeTheEventIsReturned() {
    String badOld = EVENT.replace("{\"B\": \"AAEqQQ==\"}", "{\"S\": {\"nested\": 1}}");
    MalformedEventException failure =
        assertThrows(MalformedEventException.class, () -> read(badOld));
    assertTrue(failure.getMessage().contains("S must be a string, found START_OBJECT"),
        failure.getMessage());
    String badList = EVENT.replace("{\"NULL\": true}", "{\"NULL\": \"yes\"}");
    assertThrows(MalformedEventException.class, () -> read(badList));
  }

  @Test
  void textThatCannotBeDecodedFailsTheReadNotTheHandler() {
    byte[] utf8 = EVENT.getBytes(StandardCharsets.UTF_8);
    byte[] bad = new String(utf8, StandardCharsets.ISO_8859_1)
        .replace("\"n\": {\"N\": \"2\"}", "\"n\": {\"N\": \"\u00ed\u00a0\u0080\"}")
        .getBytes(StandardCharsets.ISO_8859_1); // ED A0 80: a UTF-16 surrogate, not UTF-8
    assertThrows(MalformedEventException.class,
        () -> StreamEventJson.read(new ByteArrayInputStream(bad)));
  }

  @Test
  void sizeBytesIsReadAsTheRuntimeReadsALong() throws IOException {
    assertEquals(54L, data(size("54")).getSizeBytes());
    assertEquals(54L, data(size("\" 54 \"")).getSizeBytes());
    assertEquals(1L, data(size("1.9")).getSizeBytes());
    assertNull(data(size("\"\"")).getSizeBytes());
    for (String bad : new String[] {"\"abc\"", "\"1.5\"", "true", "[1, 2]", "{}",
        "9223372036854775808"}) {
      MalformedEventException failure =
          assertThrows(MalformedEventException.class, () -> read(size(bad)), bad);
      assertTrue(failure.getMessage().contains("SizeBytes"), failure.getMessage());
    }
  }

  @Test
  void aDateThatIsNoNumberAndANullViewTypeAreErrorsWithAPosition() {
    for (String bad : new String[] {
        "{\"Records\": [{\"dynamodb\": {\"ApproximateCreationDateTime\": [1, 2]}}, {}]}",
        "{\"Records\": [{\"dynamodb\": {\"StreamViewType\": null}}]}"}) {
      MalformedEventException failure =
          assertThrows(MalformedEventException.class, () -> read(bad), bad);
      assertTrue(failure.getMessage().startsWith("Malformed DynamoDB stream event (line 1,"),
          failure.getMessage());
    }
  }

  @Test
  void eventsInUtf16KeepTheirImages() throws IOException {
    for (java.nio.charset.Charset charset : new java.nio.charset.Charset[] {
        StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE}) {
      StreamRecord data = StreamEventJson.read(new ByteArrayInputStream(EVENT.getBytes(charset)))
          .getRecords().get(0).getDynamodb();
      assertEquals(data(EVENT), data, charset.name());
    }
  }

  @Test
  void imagesAreBuiltOnceWhateverTheThreads() throws Exception {
    for (int round = 0; round < 200; round++) {
      StreamRecord data = data(EVENT);
      java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
      java.util.concurrent.Callable<Map<String, AttributeValue>> read = () -> {
        go.await();
        return data.getNewImage();
      };
      java.util.concurrent.ExecutorService threads =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var first = threads.submit(read);
        var second = threads.submit(read);
        go.countDown();
        assertEquals(3, first.get().size());
        assertTrue(first.get() == second.get(), "one map, built once");
      } finally {
        threads.shutdown();
      }
    }
  }

  private static String size(String value) {
    return "{\"Records\": [{\"dynamodb\": {\"SizeBytes\": " + value
        + ", \"SequenceNumber\": \"1\"}}, {\"eventID\": \"2\"}]}";
  }
}
