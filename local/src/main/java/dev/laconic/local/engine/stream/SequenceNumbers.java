package dev.laconic.local.engine.stream;

import dev.laconic.local.engine.protocol.Json;
import java.math.BigInteger;

/**
 * The text form of stream sequence numbers: 21-digit decimal strings, {@code 1} followed by the zero-padded
 * counter, so they sort the same way as text and as numbers and never lose leading zeros when parsed.
 *
 * <p>AWS documents them as 21 to 40 character numeric strings
 * (<a href="https://docs.aws.amazon.com/amazondynamodbstreams/latest/APIReference/API_StreamRecord.html">StreamRecord</a>).
 */
final class SequenceNumbers {
  private static final BigInteger OFFSET = BigInteger.TEN.pow(20);
  private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private SequenceNumbers() {
  }

  static String format(long counter) {
    // Padded by hand: String.format, with its Formatter and locale look-ups, was an eighth of the time an engine
    // thread spent on a BatchWriteItem of 25 items.
    String digits = Long.toString(counter);
    return "1" + "0".repeat(20 - digits.length()) + digits;
  }

  /**
   * The counter of a sequence number; numbers below every counter give -1 and numbers above every counter give
   * {@link Long#MAX_VALUE}.
   */
  static long parse(String text) {
    if (text.length() < 21 || text.length() > 40 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw Json.constraint("SequenceNumber", text, "Member must be a numeric string of 21 to 40 digits");
    }
    BigInteger counter = new BigInteger(text).subtract(OFFSET);
    if (counter.signum() < 0) {
      return -1;
    }
    return counter.compareTo(MAX) > 0 ? Long.MAX_VALUE : counter.longValue();
  }
}
