package com.example.orders;

import dev.laconic.annotations.DynamoAttribute;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An item of the Orders table, as the typed functions see it. Laconic generates
 * {@code OrderStreamMapper} (and one mapper per nested type) from this declaration.
 *
 * @param id the partition key, stored as {@code pk}
 * @param total exact: read from the N text, never through a double
 * @param placedAt stored as epoch seconds (N) or ISO-8601 text (S)
 * @param note absent in most orders
 */
public record Order(
    @DynamoAttribute("pk") String id,
    String customer,
    Status status,
    Address shipTo,
    List<Line> lines,
    BigDecimal total,
    Instant placedAt,
    Set<String> tags,
    Optional<String> note) {

  /** Where an order stands. */
  public enum Status { PLACED, PAID, SHIPPED, CANCELLED }

  /** A delivery address, stored as an M. */
  public record Address(String street, String city, @DynamoAttribute("zip") String postalCode,
      String country) {}

  /** One order line, stored as an M inside the {@code lines} L. */
  public record Line(String sku, int quantity, BigDecimal unitPrice) {}

  /** The number of items over all lines. */
  public int itemCount() {
    return lines == null ? 0 : lines.stream().mapToInt(Line::quantity).sum();
  }
}
