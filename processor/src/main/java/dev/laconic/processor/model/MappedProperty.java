package dev.laconic.processor.model;

import dev.laconic.processor.diag.Origin;

/**
 * One record component, constructor parameter or JavaBean property of a mapped type.
 *
 * @param javaName the component, parameter or property name
 * @param attributeName the DynamoDB attribute it is read from: {@code javaName} unless
 *     {@code @DynamoAttribute} renames it
 * @param type the Java type; null when ignored
 * @param ignored whether {@code @DynamoIgnore} leaves it out: a component or parameter then gets
 *     {@code defaultValue}, a property's setter is not called. An Enhanced Client bean lists its
 *     {@code @DynamoDbIgnore}d (or {@code @java.beans.Transient}) properties so; an immutable's
 *     ignored getters are no properties at all, as for the SDK
 * @param defaultValue the Java literal an ignored component or parameter receives, such as
 *     {@code 0} or {@code null}; null when not ignored
 * @param setter the setter of a JavaBean property, or the builder's method of an Enhanced Client
 *     immutable; null for components and parameters
 * @param origin the element, with its {@code @DynamoAttribute} when there is one
 * @param flattened whether the property is an Enhanced Client {@code @DynamoDbFlatten} member:
 *     its type is a {@link MappedType.Composite} whose attributes sit in this item's own map; or,
 *     on a bean, a {@code Map<String, String>} ({@link MappedType.MapOf} of {@link
 *     ScalarKind#STRING}) the SDK flattens into the item, one per class at most
 * @param preserveEmptyObject whether {@code @DynamoDbPreserveEmptyObject} makes a nested item
 *     with no attribute present an empty object rather than null
 * @param key whether the property is the item's partition or sort key, as an Enhanced Client
 *     type declares it ({@code @DynamoDbPartitionKey}, {@code @DynamoDbSortKey})
 */
public record MappedProperty(
    String javaName,
    String attributeName,
    MappedType type,
    boolean ignored,
    String defaultValue,
    String setter,
    Origin origin,
    boolean flattened,
    boolean preserveEmptyObject,
    Key key) {

  /** The key role of a property. */
  public enum Key { NONE, PARTITION, SORT }

  /** A property of a Laconic type: not flattened, no key role. */
  public MappedProperty(String javaName, String attributeName, MappedType type, boolean ignored,
      String defaultValue, String setter, Origin origin) {
    this(javaName, attributeName, type, ignored, defaultValue, setter, origin, false, false,
        Key.NONE);
  }
}
