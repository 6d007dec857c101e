package dev.laconic.processor.parse;

import dev.laconic.annotations.DynamoAttribute;
import dev.laconic.annotations.DynamoIgnore;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.Reporter;
import dev.laconic.processor.model.CompositeMapping;
import dev.laconic.processor.model.MappedProperty;
import dev.laconic.processor.model.MappedType;
import dev.laconic.processor.model.ScalarKind;
import dev.laconic.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the user's record or class that a typed handler takes, and every type nested in it, into
 * {@link CompositeMapping}s. Problems only javac's types reveal (an unsupported Java type, no
 * usable constructor, a type the mapper cannot reach) are reported here, on the offending
 * component; a type with a problem yields nothing, so no mapper or adapter is generated for it.
 *
 * <p>Types are read once per round however many handlers use them, and a broken type is reported
 * once.
 */
final class MappedTypeReader {

  static final String ATTRIBUTE = DynamoAttribute.class.getCanonicalName();
  static final String IGNORE = DynamoIgnore.class.getCanonicalName();

  private static final Map<String, String> COLLECTIONS = Map.of(
      "java.util.List", "List", "java.util.Set", "Set", "java.util.Map", "Map",
      "java.util.Optional", "Optional");

  private final Elements elements;
  private final Reporter reporter;
  /** Types read so far: a mapping, or null while it is being read (recursive types). */
  private final Map<String, CompositeMapping> read = new HashMap<>();
  private final Set<String> broken = new HashSet<>();

  MappedTypeReader(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /**
   * The mappings {@code item} needs, itself first then nested types in the order first met, or
   * null when any of them has a problem (reported).
   *
   * @param usedFrom the package of the adapter that will name {@code item}
   */
  List<CompositeMapping> read(TypeElement item, String usedFrom) {
    Map<String, CompositeMapping> needed = new LinkedHashMap<>();
    int errorsBefore = reporter.errorCount();
    boolean ok = composite(item, usedFrom, needed);
    return ok && reporter.errorCount() == errorsBefore ? List.copyOf(needed.values()) : null;
  }

  /** Reads {@code type} and its nested types into {@code needed}; false if any is broken. */
  private boolean composite(
      TypeElement type, String usedFrom, Map<String, CompositeMapping> needed) {
    String name = type.getQualifiedName().toString();
    if (broken.contains(name)) {
      return false;
    }
    if (needed.containsKey(name)) {
      return true; // already in this mapping, or being read higher up (a recursive type)
    }
    if (!accessible(type, usedFrom)) {
      fail(name, Diagnostic.MAPPED_TYPE_NOT_ACCESSIBLE, Origin.of(type),
          type.getQualifiedName(), usedFrom.isEmpty() ? "the unnamed package" : usedFrom);
      return false;
    }
    CompositeMapping known = read.get(name);
    if (known != null) {
      return addWithNested(known, needed);
    }
    needed.put(name, null); // reserve the slot: nested uses of this type stop here
    CompositeMapping mapping = mappingOf(type, needed);
    if (mapping == null) {
      broken.add(name);
      needed.remove(name);
      return false;
    }
    read.put(name, mapping);
    needed.put(name, mapping);
    return true;
  }

  /** Adds an already read mapping and, again, what it nests: another root may need them too. */
  private boolean addWithNested(CompositeMapping mapping, Map<String, CompositeMapping> needed) {
    needed.put(mapping.type().qualifiedName(), mapping);
    for (MappedProperty property : mapping.properties()) {
      if (property.type() != null && !addNested(property.type(), needed)) {
        return false;
      }
    }
    return true;
  }

  private boolean addNested(MappedType type, Map<String, CompositeMapping> needed) {
    if (type instanceof MappedType.Composite composite) {
      String name = composite.type().qualifiedName();
      return needed.containsKey(name)
          || (read.get(name) != null && addWithNested(read.get(name), needed));
    }
    MappedType inner = MappedType.inner(type);
    return inner == null || addNested(inner, needed);
  }

  private CompositeMapping mappingOf(TypeElement type, Map<String, CompositeMapping> needed) {
    String name = type.getQualifiedName().toString();
    if (!type.getTypeParameters().isEmpty()) {
      report(Diagnostic.MAPPED_TYPE_GENERIC, Origin.of(type), name);
      return null;
    }
    List<Candidate> candidates = new ArrayList<>();
    CompositeMapping.Creation creation = creation(type, candidates);
    if (creation == null) {
      return null;
    }
    String from = packageOf(type);
    List<MappedProperty> properties = new ArrayList<>();
    boolean ok = true;
    for (Candidate candidate : candidates) {
      MappedProperty property = property(type, candidate, from, needed);
      if (property == null) {
        ok = false;
      } else {
        properties.add(property);
      }
    }
    return ok ? new CompositeMapping(typeRef(type), creation, properties, Origin.of(type)) : null;
  }

  /** A value the mapper must supply: its element (for annotations), name, type and setter. */
  private record Candidate(Element element, String javaName, TypeMirror type, String setter,
      Element field) {}

  /** How {@code type} is created, filling {@code candidates}; null when it cannot be (reported). */
  private CompositeMapping.Creation creation(TypeElement type, List<Candidate> candidates) {
    String name = type.getQualifiedName().toString();
    if (type.getKind() == ElementKind.RECORD) {
      // javac places no message on a record component element, but on the private field it
      // declares for it, which carries the component's annotations too (FIELD is a target).
      Map<String, VariableElement> fields = fieldsByName(type);
      for (RecordComponentElement component : type.getRecordComponents()) {
        String componentName = component.getSimpleName().toString();
        Element field = fields.get(componentName);
        Element element = field != null ? field : component;
        candidates.add(new Candidate(element, componentName, component.asType(), null, null));
      }
      return CompositeMapping.Creation.CONSTRUCTOR;
    }
    boolean creatable = type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.ABSTRACT)
        && (type.getNestingKind() == NestingKind.TOP_LEVEL
            || (type.getNestingKind() == NestingKind.MEMBER
                && type.getModifiers().contains(Modifier.STATIC)));
    if (!creatable) {
      report(Diagnostic.MAPPED_TYPE_NO_CONSTRUCTOR, Origin.of(type), name);
      return null;
    }
    List<ExecutableElement> withParameters = new ArrayList<>();
    boolean noArguments = false;
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PUBLIC)) {
        if (constructor.getParameters().isEmpty()) {
          noArguments = true;
        } else {
          withParameters.add(constructor);
        }
      }
    }
    if (withParameters.size() > 1) {
      report(Diagnostic.MAPPED_TYPE_AMBIGUOUS_CONSTRUCTOR, Origin.of(withParameters.get(1)), name,
          withParameters.size());
      return null;
    }
    if (withParameters.size() == 1) {
      ExecutableElement constructor = withParameters.get(0);
      if (constructor.getParameters().stream()
          .allMatch(p -> p.getSimpleName().toString().matches("arg[0-9]+"))) {
        // A class compiled without -parameters keeps no parameter names; reading attributes
        // "arg0", "arg1", ... would silently map nothing.
        report(Diagnostic.MAPPED_PARAMETER_NAMES_MISSING, Origin.of(constructor), name);
        return null;
      }
      Map<String, VariableElement> fields = fieldsByName(type);
      for (VariableElement parameter : constructor.getParameters()) {
        String parameterName = parameter.getSimpleName().toString();
        candidates.add(new Candidate(parameter, parameterName, parameter.asType(), null,
            fields.get(parameterName)));
      }
      return CompositeMapping.Creation.CONSTRUCTOR;
    }
    if (noArguments) {
      setters(type, candidates);
      if (!candidates.isEmpty()) {
        return CompositeMapping.Creation.SETTERS;
      }
    }
    report(Diagnostic.MAPPED_TYPE_NO_CONSTRUCTOR, Origin.of(type), name);
    return null;
  }

  /**
   * The public one-argument {@code setX} methods of {@code type} and its superclasses, the
   * superclass's first, each class's in source order; an overriding setter counts once.
   */
  private void setters(TypeElement type, List<Candidate> candidates) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclass(t)) {
      chain.add(0, t);
    }
    Map<String, Integer> byName = new HashMap<>();
    for (TypeElement t : chain) {
      Map<String, VariableElement> fields = fieldsByName(t);
      for (ExecutableElement method : ElementFilter.methodsIn(t.getEnclosedElements())) {
        String methodName = method.getSimpleName().toString();
        if (methodName.length() > 3 && methodName.startsWith("set")
            && Character.isUpperCase(methodName.charAt(3))
            && method.getParameters().size() == 1
            && method.getModifiers().contains(Modifier.PUBLIC)
            && !method.getModifiers().contains(Modifier.STATIC)) {
          String property = decapitalize(methodName.substring(3));
          Candidate candidate = new Candidate(method, property,
              method.getParameters().get(0).asType(), methodName, fields.get(property));
          Integer at = byName.put(property, candidates.size());
          if (at != null) {
            candidates.set(at, candidate);
            byName.put(property, at);
          } else {
            candidates.add(candidate);
          }
        }
      }
    }
  }

  private static Map<String, VariableElement> fieldsByName(TypeElement type) {
    Map<String, VariableElement> fields = new HashMap<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      fields.put(field.getSimpleName().toString(), field);
    }
    return fields;
  }

  private TypeElement superclass(TypeElement type) {
    TypeMirror superclass = type.getSuperclass();
    if (superclass.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
    return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
  }

  private MappedProperty property(TypeElement owner, Candidate candidate, String from,
      Map<String, CompositeMapping> needed) {
    Element annotated = candidate.element();
    AnnotationReader attribute = annotation(candidate, ATTRIBUTE);
    boolean ignored = annotation(candidate, IGNORE) != null;
    Origin origin = attribute == null ? Origin.of(annotated) : attribute.origin();
    String attributeName = attribute == null
        ? candidate.javaName() : attribute.string("value", candidate.javaName());
    if (ignored) {
      return new MappedProperty(candidate.javaName(), attributeName, null, true,
          defaultValue(candidate.type()), candidate.setter(), origin);
    }
    String where = owner.getSimpleName() + "." + candidate.javaName();
    MappedType type = type(candidate.type(), candidate.type(), annotated, where, from, needed);
    return type == null ? null : new MappedProperty(candidate.javaName(), attributeName, type,
        false, null, candidate.setter(), origin);
  }

  /**
   * The annotation on the element, else on the field of the same name (a JavaBean property's, or
   * a constructor parameter's); null if absent.
   */
  private AnnotationReader annotation(Candidate candidate, String annotation) {
    for (Element element : new Element[] {candidate.element(), candidate.field()}) {
      if (element != null) {
        var mirror = Annotations.find(element, annotation);
        if (mirror != null) {
          return new AnnotationReader(elements, element, mirror);
        }
      }
    }
    return null;
  }

  /**
   * The mapped type of {@code type}, a part of the component's type {@code whole}, or null
   * (reported on the component with the whole type, or left to javac for an error type).
   */
  private MappedType type(TypeMirror type, TypeMirror whole, Element at, String where,
      String from, Map<String, CompositeMapping> needed) {
    if (type.getKind() == TypeKind.ERROR) {
      return null; // javac reports the unresolved type
    }
    if (type.getKind().isPrimitive()) {
      ScalarKind kind = ScalarKind.of(type.toString());
      return kind == null ? unsupported(at, where, whole) : new MappedType.Scalar(kind);
    }
    if (type instanceof ArrayType array) {
      return array.getComponentType().getKind() == TypeKind.BYTE
          ? new MappedType.Scalar(ScalarKind.BYTES)
          : unsupported(at, where, whole);
    }
    if (!(type instanceof DeclaredType declared)) {
      return unsupported(at, where, whole); // type variables, wildcards
    }
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    ScalarKind scalar = ScalarKind.of(name);
    if (scalar != null) {
      return new MappedType.Scalar(scalar);
    }
    String collection = COLLECTIONS.get(name);
    if (collection != null) {
      return collection(collection, declared, whole, at, where, from, needed);
    }
    if (element.getKind() == ElementKind.ENUM) {
      if (!accessible(element, from)) {
        report(Diagnostic.MAPPED_TYPE_NOT_ACCESSIBLE, Origin.of(at), name,
            from.isEmpty() ? "the unnamed package" : from);
        return null;
      }
      List<String> constants = element.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .map(e -> e.getSimpleName().toString())
          .toList();
      return new MappedType.EnumOf(typeRef(element), constants);
    }
    if (name.startsWith("java.") || name.startsWith("javax.")
        || element.getKind() == ElementKind.INTERFACE && !declared.getTypeArguments().isEmpty()) {
      return unsupported(at, where, whole);
    }
    return composite(element, from, needed) ? new MappedType.Composite(typeRef(element)) : null;
  }

  private MappedType collection(String collection, DeclaredType declared, TypeMirror whole,
      Element at, String where, String from, Map<String, CompositeMapping> needed) {
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    int expected = collection.equals("Map") ? 2 : 1;
    if (arguments.size() != expected) {
      return unsupported(at, where, whole); // a raw type
    }
    if (collection.equals("Map")
        && !arguments.get(0).toString().equals("java.lang.String")) {
      return unsupported(at, where, whole);
    }
    MappedType inner = type(arguments.get(expected - 1), whole, at, where, from, needed);
    if (inner == null) {
      return null;
    }
    return switch (collection) {
      case "List" -> new MappedType.ListOf(inner);
      case "Set" -> new MappedType.SetOf(inner);
      case "Map" -> new MappedType.MapOf(inner);
      default -> new MappedType.OptionalOf(inner);
    };
  }

  private MappedType unsupported(Element at, String where, TypeMirror type) {
    report(Diagnostic.MAPPED_TYPE_UNSUPPORTED, Origin.of(at), where, type);
    return null;
  }

  /** Reports a problem of a type used by several handlers once. */
  private void fail(String type, Diagnostic diagnostic, Origin at, Object... args) {
    if (broken.add(type)) {
      reporter.report(diagnostic, at.whole(), args);
    }
  }

  private void report(Diagnostic diagnostic, Origin at, Object... args) {
    reporter.report(diagnostic, at.whole(), args);
  }

  /**
   * Whether code in package {@code from} can name {@code type}: it and every class around it
   * public, or not private and in that very package.
   */
  private static boolean accessible(TypeElement type, String from) {
    boolean samePackage = packageOf(type).equals(from);
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      Set<Modifier> modifiers = t.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)
          || (!modifiers.contains(Modifier.PUBLIC) && !samePackage)) {
        return false;
      }
    }
    return true;
  }

  /** The Java literal of the default value of {@code type}, for an ignored component. */
  private static String defaultValue(TypeMirror type) {
    return switch (type.getKind()) {
      case BOOLEAN -> "false";
      case CHAR -> "'\\0'";
      case BYTE -> "(byte) 0";
      case SHORT -> "(short) 0";
      case INT -> "0";
      case LONG -> "0L";
      case FLOAT -> "0.0f";
      case DOUBLE -> "0.0";
      default -> type instanceof DeclaredType declared
          && ((TypeElement) declared.asElement()).getQualifiedName()
              .contentEquals("java.util.Optional") ? "java.util.Optional.empty()" : "null";
    };
  }

  /** {@code URL} stays {@code URL}, {@code Name} becomes {@code name}, as JavaBeans do it. */
  private static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  static TypeRef typeRef(TypeElement type) {
    List<String> names = new ArrayList<>();
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      names.add(0, e.getSimpleName().toString());
    }
    return new TypeRef(packageOf(type), names);
  }

  static String packageOf(Element element) {
    Element e = element;
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return ((javax.lang.model.element.PackageElement) e).getQualifiedName().toString();
  }
}
