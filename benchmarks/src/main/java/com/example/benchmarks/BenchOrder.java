package com.example.benchmarks;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * The item of the benchmark events ({@code dev.laconic.benchmarks.Events}) as a team would declare it for the AWS SDK's
 * Enhanced Client: a {@code @DynamoDbBean} with a nested bean and a list of beans. The typed
 * benchmarks map every record's new image to it. It lives outside {@code dev.laconic}, whose
 * types Laconic never maps, as a team's own class does.
 */
@DynamoDbBean
public class BenchOrder {

  /** The bean's status attribute. */
  public enum Status { PLACED, PAID, SHIPPED }

  private String id;
  private String customer;
  private Status status;
  private BigDecimal total;
  private Address shipTo;
  private List<Line> lines;
  private Set<String> tags;

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

  public Status getStatus() {
    return status;
  }

  public void setStatus(Status status) {
    this.status = status;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public void setTotal(BigDecimal total) {
    this.total = total;
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

  public Set<String> getTags() {
    return tags;
  }

  public void setTags(Set<String> tags) {
    this.tags = tags;
  }

  /** The delivery address, an M attribute. */
  @DynamoDbBean
  public static class Address {
    private String street;
    private String city;
    private String zip;

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

    public String getZip() {
      return zip;
    }

    public void setZip(String zip) {
      this.zip = zip;
    }
  }

  /** One order line, an M in the lines L. */
  @DynamoDbBean
  public static class Line {
    private String sku;
    private int quantity;

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
  }
}
