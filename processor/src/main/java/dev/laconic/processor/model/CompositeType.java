package dev.laconic.processor.model;

import dev.laconic.processor.diag.Origin;
import java.util.List;

/**
 * How one record or class is built from a DynamoDB map: which constructor, setters or builder,
 * and which attribute feeds each value. Laconic generates one mapper per such type.
 *
 * @param type the record or class
 * @param conventions whose rules map it: Laconic's own annotations, or the AWS SDK's Enhanced
 *     Client ({@code @DynamoDbBean}, {@code @DynamoDbImmutable}), whose {@code TableSchema} the
 *     mapper then reads exactly as
 * @param creation how an instance is made
 * @param builder the builder of a {@link Creation#BUILDER} type; null otherwise
 * @param converterProviders the {@code converterProviders} of an Enhanced Client type that names
 *     its own, in order; empty for the SDK's default provider and for Laconic types
 * @param properties in constructor-parameter order, or setter declaration order for JavaBeans;
 *     for Enhanced Client types, property-name order for beans (the Introspector's) and source
 *     order for immutables (the SDK's own, {@code Class.getMethods()}, is unspecified)
 * @param declaresExceptions whether the constructor or a setter (for Enhanced Client types, a
 *     setter or builder method) declares exceptions, which the mapper must then catch
 * @param origin the type's element; for Enhanced Client types, with its {@code @DynamoDbBean}
 *     or {@code @DynamoDbImmutable}
 */
public record CompositeType(TypeRef type, Conventions conventions, Creation creation,
    Builder builder, List<TypeRef> converterProviders, List<MappedProperty> properties,
    boolean declaresExceptions, Origin origin) {

  /** Whose rules say how attributes become Java values. */
  public enum Conventions {
    /** {@code @DynamoAttribute} / {@code @DynamoIgnore}, read by {@code dev.laconic.stream}. */
    LACONIC,
    /**
     * The AWS SDK v2 Enhanced Client's annotations and default attribute converters: the mapper
     * gives what {@code TableSchema.fromBean}/{@code fromImmutableClass(...).mapToItem} gives,
     * including null for an item none of whose attributes is present and non-NULL.
     */
    ENHANCED_CLIENT
  }

  /**
   * The builder of an {@code @DynamoDbImmutable} type.
   *
   * @param type the builder class
   * @param factory the public static method of the immutable type that returns a new builder, or
   *     null to call the builder's public no-argument constructor
   * @param buildMethod the builder's method that returns the built item ({@code build})
   */
  public record Builder(TypeRef type, String factory, String buildMethod) {}

  /** How the mapper creates an instance. */
  public enum Creation {
    /** The canonical constructor of a record, or a class's single public constructor. */
    CONSTRUCTOR,
    /**
     * The public no-argument constructor, then one setter per attribute present in the item: a
     * missing attribute leaves the property at its initial value.
     */
    SETTERS,
    /**
     * An Enhanced Client immutable: a new {@link Builder}, one builder setter per attribute
     * present, then its build method.
     */
    BUILDER
  }

  public CompositeType {
    converterProviders = List.copyOf(converterProviders);
    properties = List.copyOf(properties);
  }

  /** A type mapped by Laconic's own conventions, made by constructor or setters. */
  public CompositeType(TypeRef type, Creation creation, List<MappedProperty> properties,
      boolean declaresExceptions, Origin origin) {
    this(type, Conventions.LACONIC, creation, null, List.of(), properties, declaresExceptions,
        origin);
  }
}
