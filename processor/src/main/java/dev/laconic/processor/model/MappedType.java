package dev.laconic.processor.model;

import java.util.List;

/**
 * The Java type of one mapped value, as a tree the generators walk: leaves are scalars, enums and
 * nested records or classes; inner nodes are collections and {@code Optional}.
 */
public sealed interface MappedType {

  /** A leaf read by one run-time reader: String, numbers, boolean, binary, Instant, UUID. */
  record Scalar(ScalarKind kind) implements MappedType {}

  /** {@code List<T>}: from L, SS, NS or BS. */
  record ListOf(MappedType element) implements MappedType {}

  /** {@code Set<T>}: from SS, NS, BS or L. */
  record SetOf(MappedType element) implements MappedType {}

  /** {@code Map<String, T>}: from M. */
  record MapOf(MappedType value) implements MappedType {}

  /** {@code Optional<T>}: empty for a missing or NULL attribute. */
  record OptionalOf(MappedType value) implements MappedType {}

  /** An enum, read from S by constant name. */
  record EnumOf(TypeRef type, List<String> constants) implements MappedType {
    public EnumOf {
      constants = List.copyOf(constants);
    }
  }

  /** A nested record or class, read from M by its own generated mapper. */
  record Composite(TypeRef type) implements MappedType {}

  /**
   * An Enhanced Client attribute with {@code @DynamoDbConvertedBy}: the value goes through the
   * SDK's {@code AttributeValue} into the user's {@code AttributeConverter}.
   *
   * @param converter the converter class, created once with its public no-argument constructor
   * @param javaType the attribute's Java type as written in source, with type arguments
   */
  record Converted(TypeRef converter, String javaType) implements MappedType {}

  /**
   * An Enhanced Client attribute of a type Laconic does not read itself (such as
   * {@code LocalDate} or {@code SdkBytes}): the value goes through the SDK's {@code AttributeValue}
   * into the converter the type's converter providers give (the SDK's default provider unless
   * the type names its own).
   *
   * @param javaType the attribute's Java type as written in source, qualified: never generic
   *     under the default provider; under a type's own {@code converterProviders} it is the
   *     attribute's whole type, type arguments included ({@code java.util.List<java.lang.String>}),
   *     as only those providers know how to convert it
   */
  record ProviderConverted(String javaType) implements MappedType {}

  /** The element or value type of a collection or Optional; null for a leaf. */
  static MappedType inner(MappedType type) {
    if (type instanceof ListOf list) {
      return list.element();
    } else if (type instanceof SetOf set) {
      return set.element();
    } else if (type instanceof MapOf map) {
      return map.value();
    } else if (type instanceof OptionalOf optional) {
      return optional.value();
    }
    return null;
  }
}
