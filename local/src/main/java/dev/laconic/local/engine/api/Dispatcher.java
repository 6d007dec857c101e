package dev.laconic.local.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.partiql.PartiqlApi;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.HttpEndpoint;
import dev.laconic.local.engine.storage.Engine;
import dev.laconic.local.engine.stream.StreamApi;

/**
 * The DynamoDB and DynamoDB Streams operations by their {@code X-Amz-Target}: {@code DynamoDB_20120810.<Op>} or
 * {@code DynamoDBStreams_20120810.<Op>}.
 *
 * <p>Each operation runs while holding the engine's monitor, so operations are atomic and every stream receives its
 * records in write order; what time to live has expired is deleted first.
 */
public final class Dispatcher implements HttpEndpoint.Operations {
  private static final String DYNAMODB = "DynamoDB_20120810.";
  private static final String STREAMS = "DynamoDBStreams_20120810.";

  private final Engine engine;
  private final TableApi tables;
  private final ItemApi items;
  private final StreamApi streams;
  private final PartiqlApi partiql;

  public Dispatcher(Engine engine) {
    this.engine = engine;
    this.tables = new TableApi(engine);
    this.items = new ItemApi(engine);
    this.streams = new StreamApi(engine);
    this.partiql = new PartiqlApi(engine);
  }

  @Override
  public ObjectNode call(String target, JsonNode request) {
    synchronized (engine) {
      engine.expireItems();
      return dispatch(target, request);
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
