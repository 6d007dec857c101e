package dev.laconic.local.poller;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event the poller sends, written from the records' own bytes. */
class EventRecordsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theEventsBytesAreThoseOfTheEventSerialized() throws Exception {
    List<ObjectNode> records = new ArrayList<>();
    for (String record : List.of(
        "{\"eventID\":\"1\",\"dynamodb\":{\"SizeBytes\":26,\"Keys\":{\"id\":{\"S\":\"a\"}}}}",
        "{\"eventID\":\"2\",\"dynamodb\":{\"NewImage\":{\"name\":{\"S\":\"Zoë \\\"€\\\"\"}}}}",
        "{\"eventID\":\"3\",\"dynamodb\":{\"ApproximateCreationDateTime\":1.5}}")) {
      records.add((ObjectNode) JSON.readTree(record));
    }
    for (int count = 0; count <= records.size(); count++) {
      List<ObjectNode> batch = records.subList(0, count);
      byte[] expected = JSON.writeValueAsBytes(EventRecords.event(batch));
      byte[] event = EventRecords.eventBytes(batch.stream().map(EventRecords::utf8).toList());
      assertArrayEquals(expected, event, new String(event, StandardCharsets.UTF_8));
    }
  }

  @Test
  void theEnvelopeIsWhatAnEventOfNoRecordsHolds() throws Exception {
    assertEquals(JSON.writeValueAsBytes(EventRecords.event(List.of())).length,
        EventRecords.ENVELOPE_BYTES);
    assertEquals(14, MappingPoller.ENVELOPE_BYTES);
  }
}
