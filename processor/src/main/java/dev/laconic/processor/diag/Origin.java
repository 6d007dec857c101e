package dev.laconic.processor.diag;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Where a declaration came from in the sources: the annotated element, the annotation and, for
 * each attribute written explicitly, its value, so a diagnostic can underline the value itself.
 * Built by the parse step, which is the only step that reads {@code javax.lang.model}; later steps
 * only pass it back to the {@link Reporter}. {@link #NONE} serves models built by hand in tests.
 */
public final class Origin {

  /** No source position: for models built by hand. */
  public static final Origin NONE = new Origin(null, null, Map.of(), Map.of(), null);

  private final Element element;
  private final AnnotationMirror annotation;
  private final Map<String, AnnotationValue> values;
  private final Map<String, List<AnnotationValue>> arrayElements;
  private final Repeated repeated;

  Origin(
      Element element,
      AnnotationMirror annotation,
      Map<String, AnnotationValue> values,
      Map<String, List<AnnotationValue>> arrayElements,
      Repeated repeated) {
    this.element = element;
    this.annotation = annotation;
    this.values = values;
    this.arrayElements = arrayElements;
    this.repeated = repeated;
  }

  /**
   * The position of a repeated annotation among those of its type on the element. javac wraps
   * repeated annotations in a container that has no source tree, so its {@code Messager} cannot
   * place a message on them; the {@link Reporter} then finds the tree itself.
   *
   * @param simpleName the annotation's simple name, such as {@code DynamoStreamTrigger}
   * @param index 0 for the first annotation of that type on the element
   */
  public record Repeated(String simpleName, int index) {}

  /**
   * An origin pointing at {@code annotation} on {@code element}.
   *
   * @param values the explicitly written attribute values by name
   * @param arrayElements for array attributes, the values of their elements in source order
   */
  public static Origin of(
      Element element,
      AnnotationMirror annotation,
      Map<String, AnnotationValue> values,
      Map<String, List<AnnotationValue>> arrayElements) {
    return new Origin(element, annotation, Map.copyOf(values), Map.copyOf(arrayElements), null);
  }

  /** This origin, known to be the {@code repeated} annotation of its type on the element. */
  public Origin repeated(Repeated repeated) {
    return new Origin(element, annotation, values, arrayElements, repeated);
  }

  /** An origin pointing at {@code annotation} on {@code element}, without attribute values. */
  public static Origin of(Element element, AnnotationMirror annotation) {
    return new Origin(element, annotation, Map.of(), Map.of(), null);
  }

  /** An origin pointing at an element alone, such as a method whose signature is wrong. */
  public static Origin of(Element element) {
    return new Origin(element, null, Map.of(), Map.of(), null);
  }

  /** The whole annotation (or element, if there is no annotation). */
  public Location whole() {
    return new Location(element, annotation, null, repeated, null, -1);
  }

  /**
   * The value of {@code attribute} if it was written in the source, else the annotation: a
   * default value has no position of its own.
   */
  public Location at(String attribute) {
    return new Location(element, annotation, values.get(attribute), repeated,
        values.containsKey(attribute) ? attribute : null, -1);
  }

  /** The {@code index}th element of array attribute {@code attribute}, else the attribute. */
  public Location at(String attribute, int index) {
    List<AnnotationValue> elements = arrayElements.get(attribute);
    if (elements != null && index >= 0 && index < elements.size()) {
      return new Location(element, annotation, elements.get(index), repeated, attribute, index);
    }
    return at(attribute);
  }

  /** The element the declaration is on, or null for {@link #NONE}. */
  public Element element() {
    return element;
  }

  /**
   * A place a diagnostic points at: the javac triple {@code Messager} understands, and for a
   * repeated annotation the attribute name and array index to find its tree by.
   */
  public record Location(Element element, AnnotationMirror annotation, AnnotationValue value,
      Repeated repeated, String attribute, int index) {}
}
