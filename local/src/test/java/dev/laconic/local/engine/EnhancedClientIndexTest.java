package dev.laconic.local.engine;

import static dev.laconic.local.engine.TestSupport.uniqueName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** Index reads as applications make them: the Enhanced Client's DynamoDbIndex over an annotated bean. */
public class EnhancedClientIndexTest extends EngineTest {

  @Test
  void dynamoDbIndexQueriesAGlobalIndexPageByPage() {
    DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build();
    DynamoDbTable<Order> orders = enhanced.table(uniqueName("enhanced"), TableSchema.fromBean(Order.class));
    orders.createTable(b -> b.globalSecondaryIndices(EnhancedGlobalSecondaryIndex.builder().indexName("by-stage")
        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("amount")).build()));
    orders.putItem(order("c1", "o1", "OPEN", 30, "first"));
    orders.putItem(order("c1", "o2", "OPEN", 10, "second"));
    orders.putItem(order("c2", "o3", "OPEN", 20, "third"));
    orders.putItem(order("c2", "o4", "SHIPPED", 40, "fourth"));
    orders.putItem(order("c3", "o5", null, 50, "fifth"));

    DynamoDbIndex<Order> byStage = orders.index("by-stage");
    List<Page<Order>> pages = byStage.query(r -> r.queryConditional(QueryConditional.sortGreaterThan(
        k -> k.partitionValue("OPEN").sortValue(5))).limit(2)).stream().toList();

    assertEquals(List.of(List.of("o2", "o3"), List.of("o1")), pages.stream()
        .map(page -> page.items().stream().map(Order::getId).toList()).toList());
    assertEquals(Map.of("customer", AttributeValue.fromS("c2"), "id", AttributeValue.fromS("o3"),
        "stage", AttributeValue.fromS("OPEN"), "amount", AttributeValue.fromN("20")), pages.get(0).lastEvaluatedKey());
    Order first = pages.get(0).items().get(0);
    assertEquals("c1", first.getCustomer());
    assertEquals(10, first.getAmount());
    // INCLUDE projects amount, not note.
    assertNull(first.getNote());
  }

  private static Order order(String customer, String id, String stage, int amount, String note) {
    Order order = new Order();
    order.setCustomer(customer);
    order.setId(id);
    order.setStage(stage);
    order.setAmount(amount);
    order.setNote(note);
    return order;
  }

  /** An order of a customer, in the index by stage and amount when it has a stage. */
  @DynamoDbBean
  public static class Order {
    private String customer;
    private String id;
    private String stage;
    private Integer amount;
    private String note;

    @DynamoDbPartitionKey
    public String getCustomer() {
      return customer;
    }

    public void setCustomer(String customer) {
      this.customer = customer;
    }

    @DynamoDbSortKey
    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = "by-stage")
    public String getStage() {
      return stage;
    }

    public void setStage(String stage) {
      this.stage = stage;
    }

    @DynamoDbSecondarySortKey(indexNames = "by-stage")
    public Integer getAmount() {
      return amount;
    }

    public void setAmount(Integer amount) {
      this.amount = amount;
    }

    public String getNote() {
      return note;
    }

    public void setNote(String note) {
      this.note = note;
    }
  }
}
