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
  public static final Origin NONE = new Origin(null, null, Map.of(), Map.of());

  private final Element element;
  private final AnnotationMirror annotation;
  private final Map<String, AnnotationValue> values;
  private final Map<String, List<AnnotationValue>> arrayElements;

  Origin(
      Element element,
      AnnotationMirror annotation,
      Map<String, AnnotationValue> values,
      Map<String, List<AnnotationValue>> arrayElements) {
    this.element = element;
    this.annotation = annotation;
    this.values = values;
    this.arrayElements = arrayElements;
  }

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
    return new Origin(element, annotation, Map.copyOf(values), Map.copyOf(arrayElements));
  }

  /** An origin pointing at {@code annotation} on {@code element}, without attribute values. */
  public static Origin of(Element element, AnnotationMirror annotation) {
    return new Origin(element, annotation, Map.of(), Map.of());
  }

  /** An origin pointing at an element alone, such as a method whose signature is wrong. */
  public static Origin of(Element element) {
    return new Origin(element, null, Map.of(), Map.of());
  }

  /** The whole annotation (or element, if there is no annotation). */
  public Location whole() {
    return new Location(element, annotation, null);
  }

  /**
   * The value of {@code attribute} if it was written in the source, else the annotation: a
   * default value has no position of its own.
   */
  public Location at(String attribute) {
    return new Location(element, annotation, values.get(attribute));
  }

  /** The {@code index}th element of array attribute {@code attribute}, else the attribute. */
  public Location at(String attribute, int index) {
    List<AnnotationValue> elements = arrayElements.get(attribute);
    if (elements != null && index >= 0 && index < elements.size()) {
      return new Location(element, annotation, elements.get(index));
    }
    return at(attribute);
  }

  /** The element the declaration is on, or null for {@link #NONE}. */
  public Element element() {
    return element;
  }

  /** A place a diagnostic points at: the javac triple {@code Messager} understands. */
  public record Location(Element element, AnnotationMirror annotation, AnnotationValue value) {}
}
