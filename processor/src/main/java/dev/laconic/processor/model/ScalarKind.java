package dev.laconic.processor.model;

/**
 * The leaf Java types a DynamoDB attribute maps to, each with the run-time reader that converts
 * it ({@code dev.laconic.stream.Attributes}).
 */
public enum ScalarKind {
  STRING("java.lang.String", "readString"),
  BOOLEAN("boolean", "requireBoolean"),
  BOOLEAN_BOX("java.lang.Boolean", "readBoolean"),
  INT("int", "requireInt"),
  INT_BOX("java.lang.Integer", "readInteger"),
  LONG("long", "requireLong"),
  LONG_BOX("java.lang.Long", "readLong"),
  SHORT("short", "requireShort"),
  SHORT_BOX("java.lang.Short", "readShort"),
  BYTE("byte", "requireByte"),
  BYTE_BOX("java.lang.Byte", "readByte"),
  DOUBLE("double", "requireDouble"),
  DOUBLE_BOX("java.lang.Double", "readDouble"),
  FLOAT("float", "requireFloat"),
  FLOAT_BOX("java.lang.Float", "readFloat"),
  BIG_DECIMAL("java.math.BigDecimal", "readBigDecimal"),
  BIG_INTEGER("java.math.BigInteger", "readBigInteger"),
  BYTES("byte[]", "readBytes"),
  BYTE_BUFFER("java.nio.ByteBuffer", "readByteBuffer"),
  INSTANT("java.time.Instant", "readInstant"),
  UUID("java.util.UUID", "readUuid");

  private final String javaType;
  private final String reader;
  ScalarKind(String javaType, String reader) {
    this.javaType = javaType;
    this.reader = reader;
  }

  /** The Java type as written in source: {@code int}, {@code java.lang.Integer}, {@code byte[]}. */
  public String javaType() {
    return javaType;
  }

  /** The reader method of {@code dev.laconic.stream.Attributes}. */
  public String reader() {
    return reader;
  }

  /** Whether the type is primitive, so a missing attribute cannot be represented. */
  public boolean primitive() {
    return javaType.indexOf('.') < 0 && !javaType.endsWith("[]");
  }

  /** The scalar kind of {@code javaType} as written in source, or null. */
  public static ScalarKind of(String javaType) {
    for (ScalarKind kind : values()) {
      if (kind.javaType.equals(javaType)) {
        return kind;
      }
    }
    return null;
  }
}
