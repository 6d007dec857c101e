package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttributesTest {

  private static final AttributePath X = AttributePath.root("x");

  // ---- helpers -------------------------------------------------------------------------------

  private static AttributeValue s(String text) {
    return new AttributeValue().withS(text);
  }

  private static AttributeValue n(String number) {
    return new AttributeValue().withN(number);
  }

  private static AttributeValue b(int... bytes) {
    return new AttributeValue().withB(ByteBuffer.wrap(bytes(bytes)));
  }

  private static AttributeValue bool(boolean flag) {
    return new AttributeValue().withBOOL(flag);
  }

  private static AttributeValue nul() {
    return new AttributeValue().withNULL(true);
  }

  private static AttributeValue l(AttributeValue... elements) {
    return new AttributeValue().withL(Arrays.asList(elements));
  }

  private static AttributeValue ss(String... members) {
    return new AttributeValue().withSS(members);
  }

  private static AttributeValue ns(String... members) {
    return new AttributeValue().withNS(members);
  }

  private static AttributeValue bs(ByteBuffer... members) {
    return new AttributeValue().withBS(members);
  }

  /** An M value from alternating keys and values, in that order. */
  private static AttributeValue m(Object... keysAndValues) {
    Map<String, AttributeValue> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
    }
    return new AttributeValue().withM(map);
  }

  private static byte[] bytes(int... values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) values[i];
    }
    return bytes;
  }

  private static MappingException assertFails(String message, Executable call) {
    MappingException e = assertThrows(MappingException.class, call);
    assertEquals(message, e.getMessage());
    return e;
  }

  // ---- strings, booleans, binary -------------------------------------------------------------

  @Nested
  class Strings {

    @Test
    void readsS() {
      assertEquals("hello", Attributes.readString(s("hello"), X));
      assertEquals("", Attributes.readString(s(""), X));
    }

    @Test
    void missingAndNullAreNull() {
      assertNull(Attributes.readString(null, X));
      assertNull(Attributes.readString(nul(), X));
    }

    @Test
    void otherTypesFail() {
      assertFails("x: expected S (String), found N 5", () -> Attributes.readString(n("5"), X));
      assertFails("x: expected S (String), found BOOL true",
          () -> Attributes.readString(bool(true), X));
      assertFails("x: expected S (String), found SS [1]", () -> Attributes.readString(ss("a"), X));
      assertFails("x: expected S (String), found an attribute value of no type",
          () -> Attributes.readString(new AttributeValue(), X));
    }
  }

  @Nested
  class Booleans {

    @Test
    void readsBool() {
      assertEquals(Boolean.TRUE, Attributes.readBoolean(bool(true), X));
      assertEquals(Boolean.FALSE, Attributes.readBoolean(bool(false), X));
    }

    @Test
    void readBooleanOfMissingOrNullIsNull() {
      assertNull(Attributes.readBoolean(null, X));
      assertNull(Attributes.readBoolean(nul(), X));
    }

    @Test
    void readBooleanOfOtherTypesFails() {
      assertFails("x: expected BOOL (Boolean), found S \"true\"",
          () -> Attributes.readBoolean(s("true"), X));
      assertFails("x: expected BOOL (Boolean), found N 1", () -> Attributes.readBoolean(n("1"), X));
    }

    @Test
    void requireBooleanReadsBool() {
      assertTrue(Attributes.requireBoolean(bool(true), X));
      assertFalse(Attributes.requireBoolean(bool(false), X));
    }

    @Test
    void requireBooleanOfMissingNullOrOtherTypeFails() {
      assertFails("x: expected BOOL (boolean), found no attribute",
          () -> Attributes.requireBoolean(null, X));
      assertFails("x: expected BOOL (boolean), found NULL",
          () -> Attributes.requireBoolean(nul(), X));
      assertFails("x: expected BOOL (boolean), found N 1",
          () -> Attributes.requireBoolean(n("1"), X));
    }
  }

  @Nested
  class Binary {

    @Test
    void readBytesCopiesTheRemainingBytesWithoutMovingTheBuffer() {
      ByteBuffer buffer = ByteBuffer.wrap(bytes(1, 2, 3, 4));
      buffer.position(1);
      AttributeValue value = new AttributeValue().withB(buffer);

      byte[] read = Attributes.readBytes(value, X);

      assertArrayEquals(bytes(2, 3, 4), read);
      assertEquals(1, buffer.position());
      assertEquals(4, buffer.limit());
    }

    @Test
    void readBytesReturnsAnIndependentCopy() {
      AttributeValue value = b(10, 20, 30);

      byte[] first = Attributes.readBytes(value, X);
      first[0] = 99;
      byte[] second = Attributes.readBytes(value, X);

      assertEquals(10, value.getB().get(0));
      assertArrayEquals(bytes(10, 20, 30), second);
      assertNotSame(first, second);
    }

    @Test
    void readBytesOfAnEmptyBinaryIsAnEmptyArray() {
      assertArrayEquals(new byte[0], Attributes.readBytes(b(), X));
    }

    @Test
    void readByteBufferIsReadOnlyOverTheSameBytes() {
      ByteBuffer buffer = ByteBuffer.wrap(bytes(5, 6, 7));
      AttributeValue value = new AttributeValue().withB(buffer);

      ByteBuffer read = Attributes.readByteBuffer(value, X);

      assertTrue(read.isReadOnly());
      assertEquals(3, read.remaining());
      assertEquals(5, read.get());
      assertEquals(0, buffer.position(), "reading the view does not move the event's buffer");
      assertThrows(ReadOnlyBufferException.class, () -> read.put(0, (byte) 1));
      buffer.put(2, (byte) 70);
      assertEquals(70, read.get(2), "the view shares the event's bytes");
    }

    @Test
    void missingAndNullAreNull() {
      assertNull(Attributes.readBytes(null, X));
      assertNull(Attributes.readBytes(nul(), X));
      assertNull(Attributes.readByteBuffer(null, X));
      assertNull(Attributes.readByteBuffer(nul(), X));
    }

    @Test
    void otherTypesFail() {
      assertFails("x: expected B (byte[]), found S \"AQI=\"",
          () -> Attributes.readBytes(s("AQI="), X));
      assertFails("x: expected B (ByteBuffer), found BS [1]",
          () -> Attributes.readByteBuffer(bs(ByteBuffer.wrap(bytes(1))), X));
    }
  }

  @Nested
  class Uuids {

    @Test
    void readsSHoldingAUuid() {
      assertEquals(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
          Attributes.readUuid(s("123e4567-e89b-12d3-a456-426614174000"), X));
      assertEquals(new UUID(0x123e4567e89b12d3L, 0xa456426614174000L),
          Attributes.readUuid(s("123E4567-E89B-12D3-A456-426614174000"), X));
    }

    @Test
    void missingAndNullAreNull() {
      assertNull(Attributes.readUuid(null, X));
      assertNull(Attributes.readUuid(nul(), X));
    }

    @Test
    void sThatIsNoUuidFails() {
      assertFails("x: expected S holding a UUID, found S \"not-a-uuid\"",
          () -> Attributes.readUuid(s("not-a-uuid"), X));
    }

    @Test
    void otherTypesFail() {
      assertFails("x: expected S (UUID), found N 1", () -> Attributes.readUuid(n("1"), X));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-2-3-4-5", "123e4567-e89b-12d3-a456-42661417400",
        "123e4567-e89b-12d3-a456-4266141740000", "123e4567+e89b-12d3-a456-426614174000",
        "123g4567-e89b-12d3-a456-426614174000"})
    void onlyTheCanonicalFormIsAUuid(String text) {
      // The JDK reads "1-2-3-4-5" as 00000001-0002-0003-0004-000000000005: another id.
      assertFails("x: expected S holding a UUID, found S \"" + text + "\"",
          () -> Attributes.readUuid(s(text), X));
    }
  }

  @Nested
  class Instants {

    @Test
    void wholeEpochSeconds() {
      assertEquals(Instant.ofEpochSecond(1_700_000_000L),
          Attributes.readInstant(n("1700000000"), X));
      assertEquals(Instant.EPOCH, Attributes.readInstant(n("0"), X));
    }

    @Test
    void fractionalEpochSecondsKeepNanoseconds() {
      assertEquals(Instant.ofEpochSecond(1_635_734_407L, 123_456_789),
          Attributes.readInstant(n("1.635734407123456789E9"), X));
      assertEquals(Instant.ofEpochSecond(1_700_000_000L, 250_000_000),
          Attributes.readInstant(n("1700000000.25"), X));
    }

    @Test
    void digitsBeyondNanosecondsAreDropped() {
      assertEquals(Instant.ofEpochSecond(1, 1), Attributes.readInstant(n("1.0000000019"), X));
    }

    @Test
    void negativeDigitsBeyondNanosecondsRoundTowardThePast() {
      // -1.0000000001 s lies between -1.000000001 s and -1.000000000 s: the earlier one is kept,
      // as for positive values (1.0000000019 s gives 1.000000001 s).
      assertEquals(Instant.ofEpochSecond(-2, 999_999_999),
          Attributes.readInstant(n("-1.0000000001"), X));
      assertEquals(Instant.ofEpochSecond(-1, 999_999_999),
          Attributes.readInstant(n("-0.0000000001"), X));
    }

    @Test
    void negativeFractionalEpochSeconds() {
      Instant read = Attributes.readInstant(n("-1.5"), X);

      assertEquals(Instant.ofEpochSecond(-2, 500_000_000), read);
      assertEquals(Instant.parse("1969-12-31T23:59:58.500Z"), read);
      assertEquals(-1500L, read.toEpochMilli());
    }

    @Test
    void isoInstantInUtc() {
      assertEquals(Instant.ofEpochSecond(1_714_564_800L),
          Attributes.readInstant(s("2024-05-01T12:00:00Z"), X));
      assertEquals(Instant.ofEpochSecond(1_714_564_800L, 123_000_000),
          Attributes.readInstant(s("2024-05-01T12:00:00.123Z"), X));
    }

    @Test
    void isoInstantWithAnOffset() {
      assertEquals(Instant.parse("2024-05-01T12:00:00Z"),
          Attributes.readInstant(s("2024-05-01T14:00:00+02:00"), X));
    }

    @Test
    void missingAndNullAreNull() {
      assertNull(Attributes.readInstant(null, X));
      assertNull(Attributes.readInstant(nul(), X));
    }

    @Test
    void sThatIsNoInstantFails() {
      assertFails("x: expected S holding an ISO-8601 instant, found S \"2024-05-01\"",
          () -> Attributes.readInstant(s("2024-05-01"), X));
      assertFails("x: expected S holding an ISO-8601 instant, found S \"2024-05-01T12:00:00\"",
          () -> Attributes.readInstant(s("2024-05-01T12:00:00"), X));
    }

    @Test
    void epochSecondsOutOfRangeFail() {
      // beyond long
      assertFails("x: expected N holding epoch seconds within Instant's range, found N 1E+20",
          () -> Attributes.readInstant(n("1E+20"), X));
      // within long, beyond Instant.MAX
      assertFails("x: expected N holding epoch seconds within Instant's range, found N 1E+17",
          () -> Attributes.readInstant(n("1E+17"), X));
    }

    @Test
    void otherTypesFail() {
      assertFails("x: expected N or S (Instant), found BOOL true",
          () -> Attributes.readInstant(bool(true), X));
      assertFails("x: expected N or S (Instant), found M {0}",
          () -> Attributes.readInstant(m(), X));
    }
  }

  @Nested
  class Enums {

    @Test
    void readsTheName() {
      assertEquals("RED", Attributes.readEnumName(s("RED"), X, "Color"));
    }

    @Test
    void missingAndNullAreNull() {
      assertNull(Attributes.readEnumName(null, X, "Color"));
      assertNull(Attributes.readEnumName(nul(), X, "Color"));
    }

    @Test
    void otherTypesFailNamingTheEnum() {
      assertFails("x: expected S (Color), found N 1",
          () -> Attributes.readEnumName(n("1"), X, "Color"));
    }

    @Test
    void unknownConstantNamesTheConstantsAndTheValue() {
      AttributePath path = AttributePath.root("car").child("color");

      MappingException e = Attributes.unknownConstant(path, "Color", "RED, GREEN", "BLUE");

      assertEquals("car.color: expected S naming a constant of Color (RED, GREEN), found S \"BLUE\"",
          e.getMessage());
      assertEquals("car.color", e.path());
    }

    @Test
    void unknownConstantEscapesTheValue() {
      MappingException e = Attributes.unknownConstant(X, "Color", "RED", "say \"hi\"");

      assertEquals("x: expected S naming a constant of Color (RED), found S \"say \\\"hi\\\"\"",
          e.getMessage());
    }
  }

  // ---- numbers -------------------------------------------------------------------------------

  @Nested
  class BigDecimals {

    @Test
    void keepsEveryDigit() {
      BigDecimal read = Attributes.readBigDecimal(n("0.1000000000000000055511151231257827"), X);

      assertEquals(new BigDecimal("0.1000000000000000055511151231257827"), read);
      assertEquals("0.1000000000000000055511151231257827", read.toPlainString());
    }

    @Test
    void keepsTheScale() {
      BigDecimal read = Attributes.readBigDecimal(n("1.50"), X);

      assertEquals(2, read.scale());
      assertEquals(new BigDecimal("1.50"), read);
      assertNotEquals(new BigDecimal("1.5"), read);
    }

    @Test
    void keepsExponents() {
      assertEquals(new BigDecimal("1E+3"), Attributes.readBigDecimal(n("1E+3"), X));
      assertEquals(-3, Attributes.readBigDecimal(n("1E+3"), X).scale());
    }

    @Test
    void missingAndNullAreNull() {
      assertNull(Attributes.readBigDecimal(null, X));
      assertNull(Attributes.readBigDecimal(nul(), X));
    }

    @Test
    void failures() {
      assertFails("x: expected N holding a number (BigDecimal), found N abc",
          () -> Attributes.readBigDecimal(n("abc"), X));
      assertFails("x: expected N (BigDecimal), found S \"1.5\"",
          () -> Attributes.readBigDecimal(s("1.5"), X));
    }
  }

  @Nested
  class BigIntegers {

    @Test
    void readsWholeNumbers() {
      assertEquals(BigInteger.valueOf(100), Attributes.readBigInteger(n("1E+2"), X));
      assertEquals(BigInteger.valueOf(2), Attributes.readBigInteger(n("2.000"), X));
      assertEquals(new BigInteger("-123456789012345678901234567890"),
          Attributes.readBigInteger(n("-123456789012345678901234567890"), X));
    }

    @Test
    void missingAndNullAreNull() {
      assertNull(Attributes.readBigInteger(null, X));
      assertNull(Attributes.readBigInteger(nul(), X));
    }

    @Test
    void failures() {
      assertFails("x: expected N holding a whole number (BigInteger), found N 1.5",
          () -> Attributes.readBigInteger(n("1.5"), X));
      assertFails("x: expected N holding a number (BigInteger), found N 1..5",
          () -> Attributes.readBigInteger(n("1..5"), X));
      assertFails("x: expected N (BigInteger), found S \"1\"",
          () -> Attributes.readBigInteger(s("1"), X));
    }
  }

  @Nested
  class Ints {

    @ParameterizedTest
    @ValueSource(strings = {"\u0661\u0662", "\uFF11", " 1", "", "+", "1_000"})
    void onlyDynamoDbNumberTextIsANumber(String number) {
      // Integer.parseInt and BigDecimal read Arabic-Indic or full-width digits; DynamoDB never
      // writes them, so such text is not taken for the number it looks like.
      assertFails("x: expected N holding a number (Integer), found N " + number,
          () -> Attributes.readInteger(n(number), X));
      assertFails("x: expected N holding a number (BigDecimal), found N " + number,
          () -> Attributes.readBigDecimal(n(number), X));
    }

    @ParameterizedTest
    @CsvSource({
        "3, 3",
        "3.0, 3",
        "-17, -17",
        "1E+2, 100",
        "2147483647, 2147483647",
        "-2147483648, -2147483648",
        "2147483647.000, 2147483647",
    })
    void readsWholeNumbersInRange(String number, int expected) {
      assertEquals(expected, Attributes.readInteger(n(number), X));
      assertEquals(expected, Attributes.requireInt(n(number), X));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "-2147483649", "3.5", "0.1", "1E+10"})
    void fractionsAndOutOfRangeFail(String number) {
      assertFails("x: expected N holding a whole number in the range of Integer, found N " + number,
          () -> Attributes.readInteger(n(number), X));
      assertFails("x: expected N holding a whole number in the range of int, found N " + number,
          () -> Attributes.requireInt(n(number), X));
    }

    @Test
    void textThatIsNoNumberFails() {
      assertFails("x: expected N holding a number (int), found N 3,5",
          () -> Attributes.requireInt(n("3,5"), X));
    }

    @Test
    void readIntegerOfMissingOrNullIsNull() {
      assertNull(Attributes.readInteger(null, X));
      assertNull(Attributes.readInteger(nul(), X));
    }

    @Test
    void requireIntOfMissingOrNullFails() {
      assertFails("x: expected N (int), found no attribute", () -> Attributes.requireInt(null, X));
      assertFails("x: expected N (int), found NULL", () -> Attributes.requireInt(nul(), X));
    }

    @Test
    void wrongTypeNamesThePathTheExpectedAndTheFoundType() {
      AttributePath qty = AttributePath.root("order").child("lines").index(2).child("qty");

      MappingException e = assertFails("order.lines[2].qty: expected N (int), found S \"two\"",
          () -> Attributes.requireInt(s("two"), qty));

      assertEquals("order.lines[2].qty", e.path());
      assertNull(e.sequenceNumber());
      assertFails("order.lines[2].qty: expected N (Integer), found BOOL false",
          () -> Attributes.readInteger(bool(false), qty));
    }
  }

  @Nested
  class Longs {

    @ParameterizedTest
    @CsvSource({
        "9223372036854775807, 9223372036854775807",
        "-9223372036854775808, -9223372036854775808",
        "12.0, 12",
        "1.5E+3, 1500",
        "0, 0",
    })
    void readsWholeNumbersInRange(String number, long expected) {
      assertEquals(expected, Attributes.readLong(n(number), X));
      assertEquals(expected, Attributes.requireLong(n(number), X));
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808", "-9223372036854775809", "12.5", "1E+19"})
    void fractionsAndOutOfRangeFail(String number) {
      assertFails("x: expected N holding a whole number in the range of Long, found N " + number,
          () -> Attributes.readLong(n(number), X));
      assertFails("x: expected N holding a whole number in the range of long, found N " + number,
          () -> Attributes.requireLong(n(number), X));
    }

    @Test
    void missingNullAndWrongType() {
      assertNull(Attributes.readLong(null, X));
      assertNull(Attributes.readLong(nul(), X));
      assertFails("x: expected N (long), found no attribute",
          () -> Attributes.requireLong(null, X));
      assertFails("x: expected N (long), found NULL", () -> Attributes.requireLong(nul(), X));
      assertFails("x: expected N (Long), found S \"1\"", () -> Attributes.readLong(s("1"), X));
    }
  }

  @Nested
  class Shorts {

    @ParameterizedTest
    @CsvSource({"32767, 32767", "-32768, -32768", "1.0E+2, 100", "7.00, 7"})
    void readsWholeNumbersInRange(String number, short expected) {
      assertEquals(expected, Attributes.readShort(n(number), X));
      assertEquals(expected, Attributes.requireShort(n(number), X));
    }

    @ParameterizedTest
    @ValueSource(strings = {"32768", "-32769", "1.5", "70000"})
    void fractionsAndOutOfRangeFail(String number) {
      assertFails("x: expected N holding a whole number in the range of Short, found N " + number,
          () -> Attributes.readShort(n(number), X));
      assertFails("x: expected N holding a whole number in the range of short, found N " + number,
          () -> Attributes.requireShort(n(number), X));
    }

    @Test
    void missingNullAndWrongType() {
      assertNull(Attributes.readShort(null, X));
      assertNull(Attributes.readShort(nul(), X));
      assertFails("x: expected N (short), found no attribute",
          () -> Attributes.requireShort(null, X));
      assertFails("x: expected N (short), found NULL", () -> Attributes.requireShort(nul(), X));
      assertFails("x: expected N holding a number (short), found N x1",
          () -> Attributes.requireShort(n("x1"), X));
    }
  }

  @Nested
  class Bytes {

    @ParameterizedTest
    @CsvSource({"127, 127", "-128, -128", "0, 0", "1.0, 1"})
    void readsWholeNumbersInRange(String number, byte expected) {
      assertEquals(expected, Attributes.readByte(n(number), X));
      assertEquals(expected, Attributes.requireByte(n(number), X));
    }

    @ParameterizedTest
    @ValueSource(strings = {"128", "-129", "0.5", "255"})
    void fractionsAndOutOfRangeFail(String number) {
      assertFails("x: expected N holding a whole number in the range of Byte, found N " + number,
          () -> Attributes.readByte(n(number), X));
      assertFails("x: expected N holding a whole number in the range of byte, found N " + number,
          () -> Attributes.requireByte(n(number), X));
    }

    @Test
    void missingNullAndWrongType() {
      assertNull(Attributes.readByte(null, X));
      assertNull(Attributes.readByte(nul(), X));
      assertFails("x: expected N (byte), found no attribute",
          () -> Attributes.requireByte(null, X));
      assertFails("x: expected N (byte), found NULL", () -> Attributes.requireByte(nul(), X));
      assertFails("x: expected N (byte), found S \"1\"", () -> Attributes.requireByte(s("1"), X));
    }
  }

  @Nested
  class Doubles {

    @Test
    void readsTheNearestDouble() {
      assertEquals(0.1, Attributes.readDouble(n("0.1"), X));
      assertEquals(0.1, Attributes.readDouble(n("0.1000000000000000055511151231257827"), X));
      assertEquals(1.5e125, Attributes.requireDouble(n("1.5E+125"), X));
      assertEquals(-1e-130, Attributes.requireDouble(n("-1E-130"), X));
      assertEquals(42.0, Attributes.requireDouble(n("42"), X));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x1p3", "1f", "1d", " 1", "1e", ""})
    void javaOnlyNumberSyntaxFails(String number) {
      assertFails("x: expected N holding a number (Double), found N " + number,
          () -> Attributes.readDouble(n(number), X));
      assertFails("x: expected N holding a number (double), found N " + number,
          () -> Attributes.requireDouble(n(number), X));
    }

    @Test
    void keepsNegativeZero() {
      assertEquals(-0.0, Attributes.requireDouble(n("-0"), X));
      assertNotEquals(0.0, Attributes.requireDouble(n("-0"), X));
    }

    @Test
    void missingNullAndWrongType() {
      assertNull(Attributes.readDouble(null, X));
      assertNull(Attributes.readDouble(nul(), X));
      assertFails("x: expected N (double), found no attribute",
          () -> Attributes.requireDouble(null, X));
      assertFails("x: expected N (double), found NULL", () -> Attributes.requireDouble(nul(), X));
      assertFails("x: expected N (Double), found S \"1.5\"",
          () -> Attributes.readDouble(s("1.5"), X));
      assertFails("x: expected N holding a number (Double), found N abc",
          () -> Attributes.readDouble(n("abc"), X));
    }
  }

  @Nested
  class Floats {

    @Test
    void readsTheNearestFloat() {
      assertEquals(0.1f, Attributes.readFloat(n("0.1"), X));
      assertEquals(Float.MAX_VALUE, Attributes.requireFloat(n("3.4028235E38"), X));
      assertEquals(-2.5f, Attributes.requireFloat(n("-2.5"), X));
      assertEquals(16777216f, Attributes.requireFloat(n("16777217"), X));
    }

    @Test
    void roundsOnceToTheNearestFloat() {
      // Just below the midpoint between 1.0000001f and 1.0000002f. Parsed as a double first, it
      // would become that midpoint and then round, half to even, up to 1.0000002f.
      String number = "1.00000017881393432617187499";

      assertEquals(1.0000001f, Attributes.readFloat(n(number), X));
      assertEquals(1.0000001f, Attributes.requireFloat(n(number), X));
      assertEquals(Math.nextUp(1.0f), Attributes.requireFloat(n(number), X));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "0x1p3", "1f", "1d", " 1", "1e", ""})
    void javaOnlyNumberSyntaxFails(String number) {
      assertFails("x: expected N holding a number (Float), found N " + number,
          () -> Attributes.readFloat(n(number), X));
      assertFails("x: expected N holding a number (float), found N " + number,
          () -> Attributes.requireFloat(n(number), X));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+39", "-1E+39", "1E-50", "-1E-50", "9.9E+125"})
    void numbersBeyondAFloatFailInsteadOfBecomingInfinityOrZero(String number) {
      assertFails("x: expected N within the range of Float, found N " + number,
          () -> Attributes.readFloat(n(number), X));
      assertFails("x: expected N within the range of float, found N " + number,
          () -> Attributes.requireFloat(n(number), X));
    }

    @Test
    void zeroIsZero() {
      assertEquals(0f, Attributes.requireFloat(n("0"), X));
      assertEquals(0f, Attributes.requireFloat(n("0.000"), X));
      assertEquals(-0f, Attributes.requireFloat(n("-0"), X));
    }

    @Test
    void missingNullAndWrongType() {
      assertNull(Attributes.readFloat(null, X));
      assertNull(Attributes.readFloat(nul(), X));
      assertFails("x: expected N (float), found no attribute",
          () -> Attributes.requireFloat(null, X));
      assertFails("x: expected N (float), found NULL", () -> Attributes.requireFloat(nul(), X));
      assertFails("x: expected N (Float), found BOOL true",
          () -> Attributes.readFloat(bool(true), X));
      assertFails("x: expected N holding a number (float), found N 1.2.3",
          () -> Attributes.requireFloat(n("1.2.3"), X));
    }
  }

  // ---- collections and nested items ----------------------------------------------------------

  @Nested
  class Lists {

    @Test
    void readsL() {
      assertEquals(List.of(1, 2, 3),
          Attributes.readList(l(n("1"), n("2"), n("3")), X, Attributes::readInteger));
    }

    @Test
    void readsSs() {
      assertEquals(List.of("b", "a"), Attributes.readList(ss("b", "a"), X, Attributes::readString));
    }

    @Test
    void readsNsAsNumbers() {
      assertEquals(List.of(7, 8), Attributes.readList(ns("7", "8.0"), X, Attributes::readInteger));
    }

    @Test
    void readsBs() {
      List<byte[]> read = Attributes.readList(
          bs(ByteBuffer.wrap(bytes(1, 2)), ByteBuffer.wrap(bytes(3))), X, Attributes::readBytes);

      assertEquals(2, read.size());
      assertArrayEquals(bytes(1, 2), read.get(0));
      assertArrayEquals(bytes(3), read.get(1));
    }

    @Test
    void setMembersAreReadAsTheirOwnType() {
      assertFails("x[0]: expected N (Integer), found S \"1\"",
          () -> Attributes.readList(ss("1", "2"), X, Attributes::readInteger));
    }

    @Test
    void elementFailureNamesTheElementPath() {
      AttributePath lines = AttributePath.root("order").child("lines");

      MappingException e = assertFails("order.lines[1]: expected N (Integer), found S \"two\"",
          () -> Attributes.readList(l(n("1"), s("two")), lines, Attributes::readInteger));

      assertEquals("order.lines[1]", e.path());
    }

    @Test
    void eachElementIsReadWithItsIndexedPath() {
      List<String> paths = new ArrayList<>();

      Attributes.readList(l(s("a"), s("b"), s("c")), X, (value, path) -> {
        paths.add(path.toString());
        return value.getS();
      });

      assertEquals(List.of("x[0]", "x[1]", "x[2]"), paths);
    }

    @Test
    void emptyCollectionsGiveEmptyLists() {
      assertEquals(List.of(), Attributes.readList(l(), X, Attributes::readString));
      assertEquals(List.of(), Attributes.readList(ss(), X, Attributes::readString));
      assertEquals(List.of(), Attributes.readList(ns(), X, Attributes::readInteger));
    }

    @Test
    void nullElementsStayNull() {
      AttributeValue list = l(n("1"), nul(), null, n("4"));

      List<Integer> read = Attributes.readList(list, X, Attributes::readInteger);

      assertEquals(Arrays.asList(1, null, null, 4), read);
    }

    @Test
    void isUnmodifiable() {
      List<Integer> read = Attributes.readList(l(n("1")), X, Attributes::readInteger);

      assertThrows(UnsupportedOperationException.class, () -> read.add(2));
      assertThrows(UnsupportedOperationException.class, () -> read.set(0, 2));
    }

    @Test
    void missingAndNullAreNull() {
      assertNull(Attributes.readList(null, X, Attributes::readString));
      assertNull(Attributes.readList(nul(), X, Attributes::readString));
    }

    @Test
    void otherTypesFail() {
      assertFails("x: expected L, SS, NS or BS (List), found M {1}",
          () -> Attributes.readList(m("a", s("b")), X, Attributes::readString));
      assertFails("x: expected L, SS, NS or BS (List), found S \"a,b\"",
          () -> Attributes.readList(s("a,b"), X, Attributes::readString));
    }
  }

  @Nested
  class Sets {

    @Test
    void keepsTheEventOrderAndCollapsesDuplicatesFromL() {
      Set<String> read =
          Attributes.readSet(l(s("b"), s("a"), s("b"), s("c")), X, Attributes::readString);

      assertEquals(List.of("b", "a", "c"), new ArrayList<>(read));
    }

    @Test
    void readsSsInTheEventOrder() {
      Set<String> read = Attributes.readSet(ss("z", "y", "x"), X, Attributes::readString);

      assertEquals(List.of("z", "y", "x"), new ArrayList<>(read));
    }

    @Test
    void readsNs() {
      Set<Long> read = Attributes.readSet(ns("3", "1", "2"), X, Attributes::readLong);

      assertEquals(List.of(3L, 1L, 2L), new ArrayList<>(read));
    }

    @Test
    void elementFailureNamesTheElementPath() {
      assertFails("tags[1]: expected S (String), found N 2",
          () -> Attributes.readSet(l(s("a"), n("2")), AttributePath.root("tags"),
              Attributes::readString));
    }

    @Test
    void isUnmodifiable() {
      Set<String> read = Attributes.readSet(ss("a"), X, Attributes::readString);

      assertThrows(UnsupportedOperationException.class, () -> read.add("b"));
    }

    @Test
    void emptyMissingAndNull() {
      assertEquals(Set.of(), Attributes.readSet(ss(), X, Attributes::readString));
      assertNull(Attributes.readSet(null, X, Attributes::readString));
      assertNull(Attributes.readSet(nul(), X, Attributes::readString));
    }

    @Test
    void otherTypesFail() {
      assertFails("x: expected SS, NS, BS or L (Set), found S \"a\"",
          () -> Attributes.readSet(s("a"), X, Attributes::readString));
    }
  }

  @Nested
  class Maps {

    @Test
    void keepsTheEventOrder() {
      Map<String, Integer> read =
          Attributes.readMap(m("z", n("1"), "a", n("2"), "m", n("3")), X, Attributes::readInteger);

      assertEquals(List.of("z", "a", "m"), new ArrayList<>(read.keySet()));
      assertEquals(List.of(1, 2, 3), new ArrayList<>(read.values()));
    }

    @Test
    void nullValuesStayAsNullEntries() {
      Map<String, Integer> read =
          Attributes.readMap(m("a", nul(), "b", n("2")), X, Attributes::readInteger);

      assertTrue(read.containsKey("a"));
      assertNull(read.get("a"));
      assertEquals(2, read.get("b"));
    }

    @Test
    void valueFailureNamesTheKeyPath() {
      MappingException e = assertFails("m.qty: expected N (Integer), found S \"two\"",
          () -> Attributes.readMap(m("ok", n("1"), "qty", s("two")), AttributePath.root("m"),
              Attributes::readInteger));

      assertEquals("m.qty", e.path());
    }

    @Test
    void isUnmodifiable() {
      Map<String, String> read = Attributes.readMap(m("a", s("b")), X, Attributes::readString);

      assertThrows(UnsupportedOperationException.class, () -> read.put("c", "d"));
    }

    @Test
    void emptyMissingAndNull() {
      assertEquals(Map.of(), Attributes.readMap(m(), X, Attributes::readString));
      assertNull(Attributes.readMap(null, X, Attributes::readString));
      assertNull(Attributes.readMap(nul(), X, Attributes::readString));
    }

    @Test
    void otherTypesFail() {
      assertFails("x: expected M (Map), found L [0]",
          () -> Attributes.readMap(l(), X, Attributes::readString));
    }
  }

  @Nested
  class Items {

    @Test
    void returnsTheAttributesOfM() {
      AttributeValue item = m("id", s("A1"), "qty", n("2"));

      assertSame(item.getM(), Attributes.readItem(item, X, "Order"));
    }

    @Test
    void missingAndNullAreNull() {
      assertNull(Attributes.readItem(null, X, "Order"));
      assertNull(Attributes.readItem(nul(), X, "Order"));
    }

    @Test
    void otherTypesFailNamingTheJavaType() {
      assertFails("order.customer: expected M (Customer), found S \"a\"",
          () -> Attributes.readItem(s("a"), AttributePath.root("order").child("customer"),
              "Customer"));
      assertFails("x: expected M (Order), found S \"a\"",
          () -> Attributes.readItem(s("a"), X, "Order"));
    }
  }

  // ---- describe ------------------------------------------------------------------------------

  @Nested
  class Describe {

    @Test
    void everyType() {
      assertEquals("no attribute", Attributes.describe(null));
      assertEquals("S \"two\"", Attributes.describe(s("two")));
      assertEquals("S \"\"", Attributes.describe(s("")));
      assertEquals("N 12.5", Attributes.describe(n("12.5")));
      assertEquals("B (3 bytes)", Attributes.describe(b(1, 2, 3)));
      assertEquals("SS [2]", Attributes.describe(ss("a", "b")));
      assertEquals("NS [3]", Attributes.describe(ns("1", "2", "3")));
      assertEquals("BS [1]", Attributes.describe(bs(ByteBuffer.wrap(bytes(1)))));
      assertEquals("M {2}", Attributes.describe(m("a", s("1"), "b", s("2"))));
      assertEquals("L [0]", Attributes.describe(l()));
      assertEquals("L [2]", Attributes.describe(l(s("a"), n("1"))));
      assertEquals("NULL", Attributes.describe(nul()));
      assertEquals("BOOL true", Attributes.describe(bool(true)));
      assertEquals("BOOL false", Attributes.describe(bool(false)));
      assertEquals("an attribute value of no type", Attributes.describe(new AttributeValue()));
    }

    @Test
    void binaryCountsTheRemainingBytes() {
      ByteBuffer buffer = ByteBuffer.wrap(bytes(1, 2, 3, 4));
      buffer.position(1);

      assertEquals("B (3 bytes)", Attributes.describe(new AttributeValue().withB(buffer)));
    }

    @Test
    void stringsOfFortyCharactersAreKept() {
      String forty = "a".repeat(40);

      assertEquals("S \"" + forty + "\"", Attributes.describe(s(forty)));
    }

    @Test
    void longerStringsAreTruncatedToFortyCharacters() {
      String text = "0123456789".repeat(4) + "tail";

      assertEquals("S \"" + "0123456789".repeat(4) + "...\"", Attributes.describe(s(text)));
    }

    @Test
    void longNumbersAreTruncatedToFortyCharacters() {
      String digits = "1234567890".repeat(5);

      assertEquals("N " + "1234567890".repeat(4) + "...", Attributes.describe(n(digits)));
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
      assertEquals("S \"say \\\"hi\\\" C:\\\\tmp\"", Attributes.describe(s("say \"hi\" C:\\tmp")));
    }

    @Test
    void nullFalseSaysSo() {
      assertEquals("NULL false", Attributes.describe(new AttributeValue().withNULL(false)));
    }

    @Test
    void controlCharactersAreEscapedSoAMessageStaysOnOneLine() {
      assertEquals("S \"a\\nb\\u0009c\\u0000\"", Attributes.describe(s("a\nb\tc\0")));
    }

    @Test
    void truncationNeverSplitsASurrogatePair() {
      String text = "a".repeat(39) + "\uD83D\uDE00" + "tail";

      assertEquals("S \"" + "a".repeat(39) + "...\"", Attributes.describe(s(text)));
    }

    @Test
    void truncationHappensBeforeEscaping() {
      String text = "a".repeat(39) + "\"\"";

      assertEquals("S \"" + "a".repeat(39) + "\\\"...\"", Attributes.describe(s(text)));
    }
  }
}
