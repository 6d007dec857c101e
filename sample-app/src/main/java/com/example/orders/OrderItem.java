package com.example.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * An item of the Orders table as the team's own code writes it, with the AWS SDK's Enhanced
 * Client: a {@code @DynamoDbBean}. The local demo writes orders with it
 * ({@code DynamoDbTable<OrderItem>.putItem}), and {@link OrderShipping} reads the same class from
 * the table's stream: Laconic generates {@code OrderItemStreamMapper}, which maps an image exactly
 * as {@code TableSchema.fromBean(OrderItem.class)} would, from the event's bytes and without
 * reflection. Nothing in the class is there for Laconic.
 *
 * <p>{@link Order} is the same item declared with Laconic's own conventions (a record), which
 * {@link OrderTracking} reads from the Kinesis stream.
 */
@DynamoDbBean
public class OrderItem {

  private String id;
  private String customer;
  private Order.Status status;
  private Address shipTo;
  private List<Line> lines;
  private BigDecimal total;
  private Instant placedAt;
  private Set<String> tags;

  /** The partition key, stored as {@code pk}. */
  @DynamoDbPartitionKey
  @DynamoDbAttribute("pk")
  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getCustomer() {
    return customer;
  }

  public void setCustomer(String customer) {
    this.customer = customer;
  }

  public Order.Status getStatus() {
    return status;
  }

  public void setStatus(Order.Status status) {
    this.status = status;
  }

  public Address getShipTo() {
    return shipTo;
  }

  public void setShipTo(Address shipTo) {
    this.shipTo = shipTo;
  }

  public List<Line> getLines() {
    return lines;
  }

  public void setLines(List<Line> lines) {
    this.lines = lines;
  }

  /** Exact: the SDK reads the N text into a BigDecimal. */
  public BigDecimal getTotal() {
    return total;
  }

  public void setTotal(BigDecimal total) {
    this.total = total;
  }

  /** Stored by the SDK as ISO-8601 text (S). */
  public Instant getPlacedAt() {
    return placedAt;
  }

  public void setPlacedAt(Instant placedAt) {
    this.placedAt = placedAt;
  }

  public Set<String> getTags() {
    return tags;
  }

  public void setTags(Set<String> tags) {
    this.tags = tags;
  }

  /** The number of items over all lines. */
  public int itemCount() {
    return lines == null ? 0 : lines.stream().mapToInt(Line::getQuantity).sum();
  }

  /** A delivery address, stored as an M. */
  @DynamoDbBean
  public static class Address {
    private String street;
    private String city;
    private String postalCode;
    private String country;

    public String getStreet() {
      return street;
    }

    public void setStreet(String street) {
      this.street = street;
    }

    public String getCity() {
      return city;
    }

    public void setCity(String city) {
      this.city = city;
    }

    @DynamoDbAttribute("zip")
    public String getPostalCode() {
      return postalCode;
    }

    public void setPostalCode(String postalCode) {
      this.postalCode = postalCode;
    }

    public String getCountry() {
      return country;
    }

    public void setCountry(String country) {
      this.country = country;
    }
  }

  /** One order line, stored as an M inside the {@code lines} L. */
  @DynamoDbBean
  public static class Line {
    private String sku;
    private int quantity;
    private BigDecimal unitPrice;

    public String getSku() {
      return sku;
    }

    public void setSku(String sku) {
      this.sku = sku;
    }

    public int getQuantity() {
      return quantity;
    }

    public void setQuantity(int quantity) {
      this.quantity = quantity;
    }

    public BigDecimal getUnitPrice() {
      return unitPrice;
    }

    public void setUnitPrice(BigDecimal unitPrice) {
      this.unitPrice = unitPrice;
    }
  }
}
