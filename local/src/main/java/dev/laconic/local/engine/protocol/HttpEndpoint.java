package dev.laconic.local.engine.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Serves the DynamoDB and DynamoDB Streams JSON 1.0 protocol: {@code POST /} with the operation in the
 * {@code X-Amz-Target} header ({@code DynamoDB_20120810.<Op>} or {@code DynamoDBStreams_20120810.<Op>}), which
 * its {@link Operations} answer.
 *
 * <p>Request signatures are not checked. Client errors are HTTP 400 with a typed body; see
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html">DynamoDB
 * low-level API</a>.
 */
public final class HttpEndpoint implements HttpHandler {
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  /** What an endpoint serves: the operation an {@code X-Amz-Target} names, applied to a request. */
  public interface Operations {
    /** The response to {@code request}; an {@link ApiException} is a client error. */
    ObjectNode call(String target, JsonNode request);
  }

  private final Operations operations;

  public HttpEndpoint(Operations operations) {
    this.operations = operations;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = 200;
      ObjectNode response;
      try {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!exchange.getRequestMethod().equals("POST") || target == null) {
          throw ApiException.unknownOperation("Expected POST / with an X-Amz-Target header");
        }
        JsonNode request = parse(body);
        response = operations.call(target, request);
      } catch (ApiException e) {
        status = 400;
        response = e.body();
      } catch (RuntimeException e) {
        status = 500;
        response = Json.object();
        response.put("__type", "com.amazonaws.dynamodb.v20120810#InternalServerError");
        response.put("message", String.valueOf(e));
      }
      byte[] bytes = Json.MAPPER.writeValueAsBytes(response);
      // DynamoDB sends a CRC32 of every response body; the SDKs check it whenever it is present.
      CRC32 crc = new CRC32();
      crc.update(bytes);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
      exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      JsonNode request = Json.MAPPER.readTree(body);
      if (request == null || !request.isObject()) {
        throw ApiException.serialization("The request body must be a JSON object");
      }
      return request;
    } catch (JsonProcessingException e) {
      throw ApiException.serialization("Malformed JSON request body");
    } catch (IOException e) {
      throw ApiException.serialization("Unreadable request body");
    }
  }
}
