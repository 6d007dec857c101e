package dev.laconic.processor.parse;

import dev.laconic.processor.diag.Origin;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Finding annotation mirrors by name, unwrapping the containers of repeated annotations. */
final class Annotations {

  private Annotations() {}

  /** One annotation found on an element, and where it stands if it was repeated. */
  record Found(AnnotationMirror mirror, Origin.Repeated repeated) {}

  /**
   * The {@code annotation}s on {@code element} in source order, whether written once or
   * repeated: javac wraps repeated ones in the synthesized {@code container}.
   */
  static List<Found> repeated(
      Elements elements, Element element, String annotation, String container) {
    List<Found> out = new ArrayList<>();
    String simpleName = annotation.substring(annotation.lastIndexOf('.') + 1);
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = nameOf(mirror);
      if (name.equals(annotation)) {
        out.add(new Found(mirror, null));
      } else if (name.equals(container)) {
        List<AnnotationMirror> nested =
            new AnnotationReader(elements, element, mirror).annotations("value");
        for (int i = 0; i < nested.size(); i++) {
          out.add(new Found(nested.get(i), new Origin.Repeated(simpleName, i)));
        }
      }
    }
    return out;
  }

  /** The annotation named {@code annotation} on {@code element}, or null. */
  static AnnotationMirror find(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (nameOf(mirror).equals(annotation)) {
        return mirror;
      }
    }
    return null;
  }

  private static String nameOf(AnnotationMirror mirror) {
    Element type = mirror.getAnnotationType().asElement();
    return type instanceof TypeElement typeElement
        ? typeElement.getQualifiedName().toString()
        : "";
  }
}
