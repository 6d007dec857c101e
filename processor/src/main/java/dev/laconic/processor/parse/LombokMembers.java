package dev.laconic.processor.parse;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether Lombok has yet to add the constructors and setters its annotations on a class promise,
 * so that reading the class now would see less than javac will compile.
 *
 * <p>Lombok is an annotation processor that rewrites the source trees of the round it runs in.
 * When it runs after Laconic in a round (it is listed after Laconic on the processor path), the
 * class Laconic reads still has only what the user wrote: a {@code @Data} class its implicit
 * constructor and no setters. javac enters every tree again at the start of the next round, so
 * the class is complete there (Lombok asks javac for a further round after each round it rewrites;
 * without one, the last round reads it). A class is pending when it
 * carries one of Lombok's member-generating annotations (found by name: they have SOURCE
 * retention, so only classes compiled now carry them) and a member it promises is missing: a
 * constructor when javac's implicit one is still the only one, or a {@code setX} of a field it
 * promises a setter for. The promise is read as Lombok's defaults name things; {@code @Accessors}
 * or a {@code lombok.config} that renames setters leaves the setters unchecked or the class
 * pending until the last round, where it is read as it is.
 */
final class LombokMembers {

  private static final String LOMBOK = "lombok.";
  /** Annotations on a class that give it a constructor when it declares none. */
  private static final Set<String> CONSTRUCTORS = Set.of("lombok.Data", "lombok.Value",
      "lombok.NoArgsConstructor", "lombok.AllArgsConstructor", "lombok.RequiredArgsConstructor",
      "lombok.Builder", "lombok.experimental.SuperBuilder");
  private static final String DATA = "lombok.Data";
  private static final String SETTER = "lombok.Setter";
  private static final String ACCESSORS = "lombok.experimental.Accessors";
  /** What Lombok marks the members it writes with, unless lombok.config turns it off. */
  private static final String GENERATED = "lombok.Generated";

  private LombokMembers() {}

  /** Whether {@code type} or a superclass still waits for members Lombok's annotations promise. */
  static boolean pending(TypeElement type, Elements elements) {
    if (promisesConstructor(type) && onlyImplicitConstructor(type, elements)) {
      return true;
    }
    for (TypeElement t = type; t != null; t = superclass(t)) {
      if (settersMissing(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether Lombok wrote {@code executable}: javac places it at the Lombok annotation, so messages
   * about what it takes go on the field it was written for instead.
   */
  static boolean generated(ExecutableElement executable) {
    return find(executable, GENERATED) != null;
  }

  private static boolean promisesConstructor(TypeElement type) {
    return type.getAnnotationMirrors().stream().map(LombokMembers::nameOf)
        .anyMatch(CONSTRUCTORS::contains);
  }

  /** Whether javac's implicit constructor is the only one: no one, Lombok included, wrote one. */
  private static boolean onlyImplicitConstructor(TypeElement type, Elements elements) {
    List<ExecutableElement> constructors =
        ElementFilter.constructorsIn(type.getEnclosedElements());
    return constructors.size() == 1
        && elements.getOrigin(constructors.get(0)) == Elements.Origin.MANDATED;
  }

  /**
   * Whether a field {@code @Data} or {@code @Setter} (on the class or on the field) promises a
   * setter for has none: {@code setName} for {@code name}, {@code setActive} for a {@code
   * boolean isActive}, as Lombok names them by default.
   */
  private static boolean settersMissing(TypeElement type) {
    if (!hasLombokAnnotation(type) || find(type, ACCESSORS) != null) {
      return false;
    }
    boolean forAll = find(type, DATA) != null || promisesSetter(find(type, SETTER));
    Set<String> methods = new HashSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getParameters().size() == 1) {
        methods.add(method.getSimpleName().toString());
      }
    }
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      Set<Modifier> modifiers = field.getModifiers();
      if (modifiers.contains(Modifier.STATIC) || modifiers.contains(Modifier.FINAL)
          || find(field, ACCESSORS) != null) {
        continue;
      }
      AnnotationMirror own = find(field, SETTER);
      boolean promised = own != null ? promisesSetter(own) : forAll;
      if (promised && !methods.contains(setterName(field))) {
        return true;
      }
    }
    return false;
  }

  /** Whether a {@code @Setter} is there and not {@code @Setter(AccessLevel.NONE)}. */
  private static boolean promisesSetter(AnnotationMirror setter) {
    if (setter == null) {
      return false;
    }
    for (var entry : setter.getElementValues().entrySet()) {
      AnnotationValue value = entry.getValue();
      if (entry.getKey().getSimpleName().contentEquals("value")
          && value.getValue() instanceof VariableElement level
          && level.getSimpleName().contentEquals("NONE")) {
        return false;
      }
    }
    return true;
  }

  private static String setterName(VariableElement field) {
    String name = field.getSimpleName().toString();
    if (field.asType().getKind() == TypeKind.BOOLEAN && name.length() > 2
        && name.startsWith("is") && Character.isUpperCase(name.charAt(2))) {
      name = name.substring(2);
    }
    return "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static boolean hasLombokAnnotation(TypeElement type) {
    if (type.getAnnotationMirrors().stream().anyMatch(m -> nameOf(m).startsWith(LOMBOK))) {
      return true;
    }
    return ElementFilter.fieldsIn(type.getEnclosedElements()).stream()
        .flatMap(field -> field.getAnnotationMirrors().stream())
        .anyMatch(m -> nameOf(m).startsWith(LOMBOK));
  }

  private static TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
    return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
  }

  private static AnnotationMirror find(Element element, String annotation) {
    return Annotations.find(element, annotation);
  }

  private static String nameOf(AnnotationMirror mirror) {
    Element type = mirror.getAnnotationType().asElement();
    return type instanceof TypeElement typeElement
        ? typeElement.getQualifiedName().toString() : "";
  }
}
