package dev.laconic.local.engine;

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
 * {@code X-Amz-Target} header ({@code DynamoDB_20120810.<Op>} or {@code DynamoDBStreams_20120810.<Op>}).
 *
 * <p>Request signatures are not checked. Each operation runs while holding the engine's monitor, so operations are
 * atomic and every stream receives its records in write order. Client errors are HTTP 400 with a typed body; see
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html">DynamoDB
 * low-level API</a>.
 */
final class HttpEndpoint implements HttpHandler {
  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
  private static final String DYNAMODB = "DynamoDB_20120810.";
  private static final String STREAMS = "DynamoDBStreams_20120810.";

  private final Engine engine;
  private final TableApi tables;
  private final ItemApi items;
  private final StreamApi streams;
  private final PartiqlApi partiql;

  HttpEndpoint(Engine engine) {
    this.engine = engine;
    this.tables = new TableApi(engine);
    this.items = new ItemApi(engine);
    this.streams = new StreamApi(engine);
    this.partiql = new PartiqlApi(engine);
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
        synchronized (engine) {
          engine.expireItems();
          response = dispatch(target, request);
        }
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

  private ObjectNode dispatch(String target, JsonNode request) {
    return switch (target) {
      case DYNAMODB + "CreateTable" -> tables.create(request);
      case DYNAMODB + "DescribeTable" -> tables.describe(request);
      case DYNAMODB + "UpdateTable" -> tables.update(request);
      case DYNAMODB + "DeleteTable" -> tables.delete(request);
      case DYNAMODB + "ListTables" -> tables.list(request);
      case DYNAMODB + "UpdateTimeToLive" -> tables.updateTimeToLive(request);
      case DYNAMODB + "DescribeTimeToLive" -> tables.describeTimeToLive(request);
      case DYNAMODB + "PutItem" -> items.put(request);
      case DYNAMODB + "GetItem" -> items.get(request);
      case DYNAMODB + "UpdateItem" -> items.update(request);
      case DYNAMODB + "DeleteItem" -> items.delete(request);
      case DYNAMODB + "BatchWriteItem" -> items.batchWrite(request);
      case DYNAMODB + "BatchGetItem" -> items.batchGet(request);
      case DYNAMODB + "TransactWriteItems" -> items.transactWrite(request);
      case DYNAMODB + "TransactGetItems" -> items.transactGet(request);
      case DYNAMODB + "Scan" -> items.scan(request);
      case DYNAMODB + "Query" -> items.query(request);
      case DYNAMODB + "ExecuteStatement" -> partiql.executeStatement(request);
      case DYNAMODB + "BatchExecuteStatement" -> partiql.batchExecuteStatement(request);
      case DYNAMODB + "ExecuteTransaction" -> partiql.executeTransaction(request);
      case STREAMS + "ListStreams" -> streams.listStreams(request);
      case STREAMS + "DescribeStream" -> streams.describeStream(request);
      case STREAMS + "GetShardIterator" -> streams.getShardIterator(request);
      case STREAMS + "GetRecords" -> streams.getRecords(request);
      default -> throw ApiException.unknownOperation(
          "Operation " + target + " is not supported by this local engine");
    };
  }
}
