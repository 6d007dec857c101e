package shop;

import dev.laconic.annotations.DynamoAttribute;
import dev.laconic.annotations.DynamoIgnore;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A parcel item of the shop's table: every kind of mapped value once. */
public record Parcel(
    @DynamoAttribute("pk") String id,
    UUID trackingId,
    Status status,
    int pieces,
    Long weightGrams,
    BigDecimal declaredValue,
    double volume,
    boolean fragile,
    byte[] label,
    ByteBuffer signature,
    Instant shippedAt,
    Optional<String> note,
    Recipient recipient,
    List<Line> lines,
    Set<String> tags,
    Set<Integer> bins,
    Map<String, List<Status>> history,
    List<Optional<Instant>> scans,
    @DynamoIgnore Object cache) {

  public enum Status { LABELLED, SHIPPED, DELIVERED }

  /** A record nested in the parcel, read from M. */
  public record Line(String sku, short quantity, Status status) {}

  /** A class with one public constructor whose parameters name the attributes. */
  public static final class Recipient {
    private final String name;
    private final Address address;

    public Recipient(String name, Address address) {
      this.name = name;
      this.address = address;
    }

    public String name() {
      return name;
    }

    public Address address() {
      return address;
    }
  }

  /** A JavaBean: no-argument constructor and setters. */
  public static class Address {
    private String street;
    @DynamoAttribute("zip")
    private String postalCode;

    public void setStreet(String street) {
      this.street = street;
    }

    public void setPostalCode(String postalCode) {
      this.postalCode = postalCode;
    }

    public String street() {
      return street;
    }

    public String postalCode() {
      return postalCode;
    }
  }
}
