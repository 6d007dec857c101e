package dev.laconic.processor.parse;

import dev.laconic.processor.diag.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Typed access to one annotation's attribute values, defaults included. A value javac could not
 * resolve (the user's code does not compile) reads as the attribute's default: javac reports that
 * error itself, and no output is written for a build with errors.
 */
public final class AnnotationReader {

  private final Element element;
  private final AnnotationMirror mirror;
  private final Map<String, AnnotationValue> withDefaults = new LinkedHashMap<>();
  private final Map<String, AnnotationValue> explicit = new LinkedHashMap<>();

  private final Origin.Repeated repeated;

  AnnotationReader(Elements elements, Element element, AnnotationMirror mirror) {
    this(elements, element, mirror, null);
  }

  AnnotationReader(
      Elements elements, Element element, AnnotationMirror mirror, Origin.Repeated repeated) {
    this.element = element;
    this.repeated = repeated;
    this.mirror = mirror;
    elements.getElementValuesWithDefaults(mirror)
        .forEach((key, value) -> withDefaults.put(name(key), value));
    mirror.getElementValues().forEach((key, value) -> explicit.put(name(key), value));
  }

  /** The annotation read. */
  AnnotationMirror mirror() {
    return mirror;
  }

  /** Where this annotation and its explicit values are in the source. */
  public Origin origin() {
    Map<String, List<AnnotationValue>> arrays = new LinkedHashMap<>();
    explicit.forEach((name, value) -> {
      if (value.getValue() instanceof List<?> list) {
        List<AnnotationValue> items = new ArrayList<>();
        for (Object item : list) {
          if (item instanceof AnnotationValue annotationValue) {
            items.add(annotationValue);
          }
        }
        arrays.put(name, items);
      }
    });
    Origin origin = Origin.of(element, mirror, explicit, arrays);
    return repeated == null ? origin : origin.repeated(repeated);
  }

  public String string(String name, String fallback) {
    return raw(name) instanceof String value ? value : fallback;
  }

  public int integer(String name, int fallback) {
    return raw(name) instanceof Integer value ? value : fallback;
  }

  public boolean bool(String name, boolean fallback) {
    return raw(name) instanceof Boolean value ? value : fallback;
  }

  public <E extends Enum<E>> E enumConstant(String name, Class<E> type, E fallback) {
    return raw(name) instanceof VariableElement constant
        ? enumValue(type, constant.getSimpleName().toString(), fallback)
        : fallback;
  }

  public List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    for (AnnotationValue item : items(name)) {
      if (item.getValue() instanceof String value) {
        out.add(value);
      }
    }
    return out;
  }

  public <E extends Enum<E>> List<E> enumConstants(String name, Class<E> type) {
    List<E> out = new ArrayList<>();
    for (AnnotationValue item : items(name)) {
      if (item.getValue() instanceof VariableElement constant) {
        E value = enumValue(type, constant.getSimpleName().toString(), null);
        if (value != null) {
          out.add(value);
        }
      }
    }
    return out;
  }

  /** The annotations of an array-of-annotations attribute, such as a container's value. */
  List<AnnotationMirror> annotations(String name) {
    List<AnnotationMirror> out = new ArrayList<>();
    for (AnnotationValue item : items(name)) {
      if (item.getValue() instanceof AnnotationMirror nested) {
        out.add(nested);
      }
    }
    return out;
  }

  private List<AnnotationValue> items(String name) {
    List<AnnotationValue> out = new ArrayList<>();
    if (raw(name) instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof AnnotationValue value) {
          out.add(value);
        }
      }
    }
    return out;
  }

  private Object raw(String name) {
    AnnotationValue value = withDefaults.get(name);
    return value == null ? null : value.getValue();
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String constant, E fallback) {
    for (E value : type.getEnumConstants()) {
      if (value.name().equals(constant)) {
        return value;
      }
    }
    return fallback;
  }

  private static String name(ExecutableElement attribute) {
    return attribute.getSimpleName().toString();
  }
}
