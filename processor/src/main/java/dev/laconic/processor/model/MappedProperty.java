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
 *     {@code defaultValue}, a property's setter is not called
 * @param defaultValue the Java literal an ignored component or parameter receives, such as
 *     {@code 0} or {@code null}; null when not ignored
 * @param setter the setter of a JavaBean property; null for components and parameters
 * @param origin the element, with its {@code @DynamoAttribute} when there is one
 */
public record MappedProperty(
    String javaName,
    String attributeName,
    MappedType type,
    boolean ignored,
    String defaultValue,
    String setter,
    Origin origin) {}
