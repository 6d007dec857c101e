package com.example.orders;

import dev.laconic.annotations.DynamoAttribute;
import dev.laconic.annotations.DynamoIgnore;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every Java type a mapped component can have, once each (and a few twice, from other sources). */
public record AllTypes(
    String text,
    boolean flag,
    Boolean flagBox,
    int count,
    Integer countBox,
    long big,
    Long bigBox,
    short small,
    Short smallBox,
    byte tiny,
    Byte tinyBox,
    double ratio,
    Double ratioBox,
    float level,
    Float levelBox,
    BigDecimal amount,
    BigInteger huge,
    byte[] blob,
    ByteBuffer buffer,
    Color color,
    Instant epochTime,
    Instant isoTime,
    UUID uuid,
    List<String> lines,
    List<String> names,
    List<BigDecimal> measures,
    List<ByteBuffer> chunks,
    Set<String> tags,
    Set<Long> codes,
    Set<byte[]> digests,
    Map<String, Integer> scores,
    Inner inner,
    List<Inner> inners,
    Map<String, Inner> innerByName,
    List<List<Integer>> matrix,
    Optional<String> maybe,
    Optional<Inner> maybeInner,
    List<Color> palette,
    @DynamoAttribute("renamed-attr") String renamed,
    @DynamoIgnore String ignored) {

  public enum Color { RED, GREEN, BLUE }

  /** A nested record that nests itself. */
  public record Inner(String label, Optional<Integer> rank, List<Inner> children) {}
}
