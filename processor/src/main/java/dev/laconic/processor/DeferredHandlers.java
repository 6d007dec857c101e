package dev.laconic.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Handlers that take a type not resolved yet (another processor may generate it), kept by class
 * and method name from one round to the next, since elements do not survive rounds (AutoValue's
 * deferred types).
 */
final class DeferredHandlers {

  private final Elements elements;
  private final Set<String> keys = new LinkedHashSet<>();

  DeferredHandlers(Elements elements) {
    this.elements = elements;
  }

  /** The handlers deferred so far, found again in this round; they stay deferred until replaced. */
  List<ExecutableElement> methods() {
    List<ExecutableElement> methods = new ArrayList<>();
    for (String key : keys) {
      TypeElement type = elements.getTypeElement(key.substring(0, key.indexOf('#')));
      if (type == null) {
        continue;
      }
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (key(method).equals(key)) {
          methods.add(method);
        }
      }
    }
    return methods;
  }

  /** Replaces the deferred handlers with {@code methods}, the ones still waiting. */
  void replaceWith(List<ExecutableElement> methods) {
    keys.clear();
    methods.forEach(method -> keys.add(key(method)));
  }

  boolean isEmpty() {
    return keys.isEmpty();
  }

  private static String key(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "#"
        + method.getSimpleName() + "/" + method.getParameters().size();
  }
}
