package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes the response of a tumbling-window handler, for DynamoDB stream and Kinesis mappings
 * alike, byte for byte as the Lambda Java runtime writes a {@link TimeWindowEventResponse}.
 *
 * <p>Lambda keeps the {@code state} for the next invocation of the window, and a response
 * without one fails the invocation
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-windows.html">tumbling
 * windows</a>). The runtime's serializer leaves out null fields and, inside the state, entries
 * whose value is null (its {@code NON_NULL} inclusion covers map contents); a null state is left
 * out, so return an empty map to keep the window going with no state.
 */
public final class TimeWindowJson {

  private TimeWindowJson() {}

  /**
   * Writes {@code response} as the runtime writes it.
   *
   * @throws IllegalArgumentException when the state has a null key with a value, which the
   *     runtime's serializer cannot write either
   */
  public static void write(TimeWindowEventResponse response, OutputStream output)
      throws IOException {
    try (JsonGenerator json = EventJson.generator(output)) {
      if (response == null) {
        json.writeNull();
        return;
      }
      json.writeStartObject();
      if (response.getState() != null) {
        json.writeFieldName("state");
        json.writeStartObject();
        for (Map.Entry<String, String> entry : response.getState().entrySet()) {
          if (entry.getValue() == null) {
            continue;
          }
          if (entry.getKey() == null) {
            throw new IllegalArgumentException("The window state has a null key (with value \""
                + entry.getValue() + "\"); a JSON object cannot have one.");
          }
          json.writeStringField(entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
      }
      List<TimeWindowEventResponse.BatchItemFailure> failures = response.getBatchItemFailures();
      if (failures != null) {
        json.writeArrayFieldStart("batchItemFailures");
        for (TimeWindowEventResponse.BatchItemFailure failure : failures) {
          EventJson.writeBatchItemFailure(json, failure,
              failure == null ? null : failure.getItemIdentifier());
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
  }
}
