package dev.laconic.processor.model;

import dev.laconic.processor.diag.Origin;
import java.util.List;

/**
 * How one record or class is built from a DynamoDB map: which constructor or setters, and which
 * attribute feeds each value. Laconic generates one mapper per such type.
 *
 * @param type the record or class
 * @param creation how an instance is made
 * @param properties in constructor-parameter order, or setter declaration order for JavaBeans
 * @param declaresExceptions whether the constructor or a setter declares exceptions, which the
 *     mapper must then catch
 * @param origin the type's element
 */
public record CompositeType(TypeRef type, Creation creation, List<MappedProperty> properties,
    boolean declaresExceptions, Origin origin) {

  /** How the mapper creates an instance. */
  public enum Creation {
    /** The canonical constructor of a record, or a class's single public constructor. */
    CONSTRUCTOR,
    /**
     * The public no-argument constructor, then one setter per attribute present in the item: a
     * missing attribute leaves the property at its initial value.
     */
    SETTERS
  }

  public CompositeType {
    properties = List.copyOf(properties);
  }
}
