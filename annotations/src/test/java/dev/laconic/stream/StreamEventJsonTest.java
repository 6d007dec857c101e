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
}
