package dev.laconic.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Random;

/**
 * Bounded, seeded random values for the differential tests: texts that exercise JSON escaping,
 * bytes, base64, and JSON documents written with jackson-core's generator.
 */
public final class Fuzz {

  private static final JsonFactory JSON = new JsonFactory();

  /** Characters that JSON and UTF-8 treat differently: escapes, controls, several byte widths. */
  private static final String[] PIECES = {
      "a", "Z", "0", "9", " ", "-", ":", "/", "=", "+", "\"", "\\", "'", "\n", "\t", "\r", "\b",
      "\u0000", "\u0001", "\u001f", "\u007f", "é", "ß", "中", "\u2028", "\u2029", "\ufeff",
      "😀", "\ud834\udd1e", "{", "}", "[", "]", ",", "null", "true", "1.5e3"};

  private final Random random;

  public Fuzz(long seed) {
    this.random = new Random(seed);
  }

  /** True {@code percent} times in a hundred. */
  public boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  /** A number in {@code [low, high]}. */
  public int between(int low, int high) {
    return low + random.nextInt(high - low + 1);
  }

  public long nextLong() {
    return random.nextLong();
  }

  public double nextDouble() {
    return random.nextDouble();
  }

  @SafeVarargs
  public final <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  /** A text of up to 12 pieces, valid UTF-16 (no lone surrogates). */
  public String text() {
    StringBuilder text = new StringBuilder();
    int pieces = between(0, 12);
    for (int i = 0; i < pieces; i++) {
      text.append(pick(PIECES));
    }
    return text.toString();
  }

  /** A short identifier-like text, as AWS writes ids and ARNs. */
  public String id() {
    return pick("shardId-000000000006:", "arn:aws:x:eu-west-1:123456789012:", "", "id-")
        + Long.toUnsignedString(random.nextLong());
  }

  /** Up to 40 random bytes. */
  public byte[] bytes() {
    byte[] bytes = new byte[between(0, 40)];
    random.nextBytes(bytes);
    return bytes;
  }

  /** {@code bytes} in base64 with padding, as AWS writes it. */
  public static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** What {@code writer} writes, compact or pretty-printed at random. */
  public byte[] json(JsonWriter writer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      if (chance(30)) {
        json.useDefaultPrettyPrinter();
      }
      writer.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes one JSON document. */
  @FunctionalInterface
  public interface JsonWriter {
    void write(JsonGenerator json) throws IOException;
  }
}
