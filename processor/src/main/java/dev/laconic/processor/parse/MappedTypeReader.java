package dev.laconic.processor.parse;

import dev.laconic.annotations.DynamoAttribute;
import dev.laconic.annotations.DynamoIgnore;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.CompositeType;
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
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the user's record or class that a typed handler takes, and every type nested in it, into
 * {@link CompositeType}s. Problems only javac's types reveal (an unsupported Java type, no
 * usable constructor, a type the mapper cannot reach) are reported here, on the component that
 * uses the type (for the item type itself, on the handler's parameter); a type with a problem
 * yields nothing, so no mapper or adapter is generated for it.
 *
 * <p>Types are read once per round however many handlers use them, and a broken type is reported
 * once. A type javac cannot resolve yet (another processor may generate it in a later round)
 * marks the handler {@link #deferred()}, not broken.
 */
final class MappedTypeReader {

  static final String ATTRIBUTE = DynamoAttribute.class.getCanonicalName();
  static final String IGNORE = DynamoIgnore.class.getCanonicalName();

  private static final Map<String, String> COLLECTIONS = Map.of(
      "java.util.List", "List", "java.util.Set", "Set", "java.util.Map", "Map",
      "java.util.Optional", "Optional");

  /**
   * Packages whose types are never mapped as records or classes: a mapper would have to be
   * written into them, and their constructors do not name attributes.
   */
  private static final List<String> FOREIGN_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.",
      "com.sun.", "com.amazonaws.", "software.amazon.", "dev.laconic.");

  /**
   * Whether {@code qualifiedName} is a type of a JDK, AWS or Laconic package, never the user's
   * own type a handler takes.
   */
  static boolean isForeign(String qualifiedName) {
    return FOREIGN_PACKAGES.stream().anyMatch(qualifiedName::startsWith);
  }

  private final Elements elements;
  private final Types types;
  /** Where the problems of the current {@link #read} go. */
  private ValidationReport.Builder problems;
  /** Mapper class names already given out in this build, to the type each maps. */
  private final Map<String, String> mapperNames;
  /** Types read so far in this round. */
  private final Map<String, CompositeType> read = new HashMap<>();
  private final Set<String> broken = new HashSet<>();
  private boolean unresolved;
  private boolean waitForLombok = true;
  /**
   * Reads {@code @DynamoDbBean} and {@code @DynamoDbImmutable} classes by the Enhanced Client's
   * conventions; null where they keep Laconic's (JSON payloads).
   */
  private final EnhancedClientTypeReader enhanced;

  /**
   * A reader of JSON payloads: every type by Laconic's conventions.
   *
   * @param mapperNames the mapper names given out in earlier rounds of this build, to the type
   *     each maps; this reader adds the ones it gives out
   */
  MappedTypeReader(Elements elements, Types types, Map<String, String> mapperNames) {
    this(elements, types, mapperNames, false);
  }

  /**
   * @param itemImages whether the types are read from DynamoDB item images, where Enhanced
   *     Client classes keep the SDK's conventions; false for JSON payloads
   */
  MappedTypeReader(Elements elements, Types types, Map<String, String> mapperNames,
      boolean itemImages) {
    this.elements = elements;
    this.types = types;
    this.mapperNames = mapperNames;
    this.enhanced = itemImages ? new EnhancedClientTypeReader(elements, types, this) : null;
  }

  /**
   * The composite types {@code item} needs, itself first then nested types in the order first met, or
   * null when any of them has a problem (reported) or is not resolved yet ({@link #deferred()}).
   *
   * @param usedFrom the package of the adapter that will name {@code item}
   * @param usedAt the handler parameter that takes {@code item}, where its problems are reported
   * @param problems where the problems found go
   */
  List<CompositeType> read(TypeElement item, String usedFrom, Element usedAt,
      ValidationReport.Builder problems) {
    Map<String, CompositeType> needed = new LinkedHashMap<>();
    ValidationReport.Builder found = ValidationReport.builder();
    this.problems = found;
    unresolved = false;
    boolean ok = composite(item, usedFrom, usedAt, needed);
    problems.add(found.build());
    return ok && !unresolved && found.isClean() ? List.copyOf(needed.values()) : null;
  }

  /**
   * Whether the last {@link #read} met a type javac has not resolved (yet), or a class Lombok has
   * not completed yet ({@link LombokMembers}).
   */
  boolean deferred() {
    return unresolved;
  }

  /**
   * Whether a class Lombok has not completed yet defers its handler; false in the last round,
   * which reads classes as they are, so a class Lombok never completes is reported as it is.
   */
  void waitForLombok(boolean wait) {
    this.waitForLombok = wait;
  }

  /** Reads {@code type} and its nested types into {@code needed}; false if any is broken. */
  boolean composite(TypeElement type, String usedFrom, Element usedAt,
      Map<String, CompositeType> needed) {
    String name = type.getQualifiedName().toString();
    if (broken.contains(name)) {
      return false;
    }
    if (needed.containsKey(name)) {
      return true; // already among the needed types, or being read higher up (a recursive type)
    }
    if (!accessible(type, usedFrom)) {
      fail(name, Diagnostic.MAPPED_TYPE_NOT_ACCESSIBLE, usedAt, name,
          usedFrom.isEmpty() ? "the unnamed package" : usedFrom);
      return false;
    }
    CompositeType known = read.get(name);
    if (known != null) {
      return addWithNested(known, needed);
    }
    needed.put(name, null); // reserve the slot: nested uses of this type stop here
    boolean unresolvedBefore = unresolved;
    unresolved = false;
    CompositeType composite = compositeOf(type, usedAt, needed);
    boolean waiting = unresolved;
    unresolved |= unresolvedBefore;
    if (composite == null) {
      if (!waiting) {
        broken.add(name);
      }
      needed.remove(name);
      return false;
    }
    read.put(name, composite);
    needed.put(name, composite);
    return true;
  }

  /** Adds an already read type and, again, what it nests: another root may need them too. */
  private boolean addWithNested(CompositeType composite, Map<String, CompositeType> needed) {
    needed.put(composite.type().qualifiedName(), composite);
    for (MappedProperty property : composite.properties()) {
      if (property.type() != null && !addNested(property.type(), needed)) {
        return false;
      }
    }
    return true;
  }

  private boolean addNested(MappedType type, Map<String, CompositeType> needed) {
    if (type instanceof MappedType.Composite composite) {
      String name = composite.type().qualifiedName();
      return needed.containsKey(name)
          || (read.get(name) != null && addWithNested(read.get(name), needed));
    }
    MappedType inner = MappedType.inner(type);
    return inner == null || addNested(inner, needed);
  }

  private CompositeType compositeOf(TypeElement type, Element usedAt,
      Map<String, CompositeType> needed) {
    String name = type.getQualifiedName().toString();
    if (!type.getTypeParameters().isEmpty()) {
      fail(name, Diagnostic.MAPPED_TYPE_GENERIC, usedAt, name);
      return null;
    }
    if (waitForLombok && type.getKind() == ElementKind.CLASS
        && LombokMembers.pending(type, elements)) {
      unresolved = true; // Lombok completes it in this round, after Laconic; read it in the next
      return null;
    }
    if (!mapperNameFree(type, usedAt)) {
      return null;
    }
    EnhancedClientTypeReader.Mixed mixed = EnhancedClientTypeReader.mixed(type);
    if (mixed != null) {
      problems.report(Diagnostic.ENHANCED_MIXED_ANNOTATIONS,
          Origin.of(mixed.member(), mixed.mirror()).whole(), memberName(mixed.member()),
          mixed.annotation(), type.getSimpleName(),
          mixed.classUses(), mixed.fix());
      return null;
    }
    if (enhanced != null && EnhancedClientTypeReader.annotated(type)) {
      return enhanced.read(type, needed);
    }
    List<Candidate> candidates = new ArrayList<>();
    Creation creation = creation(type, usedAt, candidates);
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
    return ok ? new CompositeType(typeRef(type), creation.kind, properties,
        creation.declaresExceptions, Origin.of(type)) : null;
  }

  /**
   * Whether the names of the classes Laconic may generate for {@code type}, its mapper and its
   * JSON reader, are free: not another type's in this build, and not a class of the user's
   * ({@code Order_Line} and {@code Order.Line} would both want {@code Order_LineStreamMapper}).
   */
  private boolean mapperNameFree(TypeElement type, Element usedAt) {
    TypeRef ref = typeRef(type);
    String prefix = ref.packageName().isEmpty() ? "" : ref.packageName() + ".";
    return mapperNameFree(type, usedAt, prefix + ref.mapperSimpleName())
        && mapperNameFree(type, usedAt, prefix + ref.jsonReaderSimpleName());
  }

  private boolean mapperNameFree(TypeElement type, Element usedAt, String mapper) {
    String name = type.getQualifiedName().toString();
    String owner = mapperNames.get(mapper);
    TypeElement existing = elements.getTypeElement(mapper);
    if (owner == null && existing != null && !isEarlierMapperOf(existing, type)) {
      fail(name, Diagnostic.MAPPER_NAME_TAKEN, usedAt, name, mapper, "a class of its own");
      return false;
    }
    if (owner != null && !owner.equals(name)) {
      fail(name, Diagnostic.MAPPER_NAME_TAKEN, usedAt, name, mapper, "the mapper of " + owner);
      return false;
    }
    mapperNames.put(mapper, name);
    return true;
  }

  /**
   * Whether {@code existing} is the mapper or JSON reader an earlier build generated for {@code
   * type} (its class file, in an incremental build): its {@code fromAttributes} or {@code
   * fromJson} returns {@code type}.
   */
  private boolean isEarlierMapperOf(TypeElement existing, TypeElement type) {
    return ElementFilter.methodsIn(existing.getEnclosedElements()).stream()
        .anyMatch(m -> (m.getSimpleName().contentEquals("fromAttributes")
                || m.getSimpleName().contentEquals("fromJson"))
            && m.getModifiers().contains(Modifier.STATIC)
            && types.isSameType(m.getReturnType(), type.asType()));
  }

  /** A value the mapper must supply, with the elements its annotations may sit on. */
  private record Candidate(Element element, String javaName, TypeMirror type, String setter,
      List<Element> alsoAnnotated) {}

  /** How an instance is made, and whether that may throw a checked exception. */
  private record Creation(CompositeType.Creation kind, boolean declaresExceptions) {}

  /**
   * How {@code type} is created, filling {@code candidates}; null when it cannot be (reported).
   *
   * <p>A record uses its canonical constructor. A class with a public no-argument constructor
   * and setters is a JavaBean, whatever other constructors it has (a convenience constructor
   * would leave properties unset); otherwise its one public constructor with parameters, copy
   * constructors aside, names the attributes.
   */
  private Creation creation(TypeElement type, Element usedAt, List<Candidate> candidates) {
    String name = type.getQualifiedName().toString();
    if (type.getKind() == ElementKind.RECORD) {
      // javac places no message on a record component element, but on the private field it
      // declares for it, which carries the component's annotations too (FIELD is a target).
      Map<String, VariableElement> fields = fieldsByName(type);
      Map<String, ExecutableElement> accessors = methodsByName(type);
      for (RecordComponentElement component : type.getRecordComponents()) {
        String componentName = component.getSimpleName().toString();
        Element field = fields.get(componentName);
        candidates.add(new Candidate(field != null ? field : component, componentName,
            component.asType(), null, listOf(component, accessors.get(componentName))));
      }
      return new Creation(CompositeType.Creation.CONSTRUCTOR, false);
    }
    boolean creatable = type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.ABSTRACT)
        && (type.getNestingKind() == NestingKind.TOP_LEVEL
            || (type.getNestingKind() == NestingKind.MEMBER
                && type.getModifiers().contains(Modifier.STATIC)));
    if (!creatable) {
      fail(name, Diagnostic.MAPPED_TYPE_NO_CONSTRUCTOR, usedAt, name);
      return null;
    }
    List<ExecutableElement> withParameters = new ArrayList<>();
    boolean noArguments = false;
    ExecutableElement noArgumentsConstructor = null;
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PUBLIC)) {
        if (constructor.getParameters().isEmpty()) {
          noArguments = true;
          noArgumentsConstructor = constructor;
        } else if (!isCopyConstructor(type, constructor)) {
          withParameters.add(constructor);
        }
      }
    }
    if (noArguments) {
      ValidationReport.Builder all = problems;
      problems = ValidationReport.builder();
      boolean throwing = setters(type, candidates);
      ValidationReport setterProblems = problems.build();
      problems = all.add(setterProblems);
      if (!setterProblems.isClean()) {
        broken.add(name);
        return null;
      }
      if (!candidates.isEmpty()) {
        if (!onlyExceptions(noArgumentsConstructor)) {
          broken.add(name);
          return null;
        }
        return new Creation(CompositeType.Creation.SETTERS,
            throwing || !noArgumentsConstructor.getThrownTypes().isEmpty());
      }
    }
    if (withParameters.size() > 1) {
      fail(name, Diagnostic.MAPPED_TYPE_AMBIGUOUS_CONSTRUCTOR, usedAt, name,
          withParameters.size());
      return null;
    }
    if (withParameters.isEmpty()) {
      fail(name, Diagnostic.MAPPED_TYPE_NO_CONSTRUCTOR, usedAt, name);
      return null;
    }
    ExecutableElement constructor = withParameters.get(0);
    if (constructor.getParameters().stream()
        .allMatch(p -> p.getSimpleName().toString().matches("arg[0-9]+"))) {
      // A class compiled without -parameters keeps no parameter names; reading attributes
      // "arg0", "arg1", ... would silently map nothing.
      fail(name, Diagnostic.MAPPED_PARAMETER_NAMES_MISSING, usedAt, name);
      return null;
    }
    Map<String, VariableElement> fields = fieldsByName(type);
    Map<String, ExecutableElement> getters = methodsByName(type);
    boolean lombok = LombokMembers.generated(constructor);
    for (VariableElement parameter : constructor.getParameters()) {
      String parameterName = parameter.getSimpleName().toString();
      VariableElement field = fields.get(parameterName);
      candidates.add(new Candidate(lombok && field != null ? field : parameter, parameterName,
          parameter.asType(), null,
          listOf(parameter, field, getters.get(parameterName),
              getters.get(getterName(parameterName, "get")),
              getters.get(getterName(parameterName, "is")))));
    }
    if (!onlyExceptions(constructor)) {
      return null;
    }
    return new Creation(CompositeType.Creation.CONSTRUCTOR,
        !constructor.getThrownTypes().isEmpty());
  }

  /**
   * Whether {@code executable} declares only exceptions and errors: generated code catches
   * {@code Exception}, so a {@code throws Throwable} would not compile there (reported, 611).
   */
  private boolean onlyExceptions(ExecutableElement executable) {
    TypeElement exception = elements.getTypeElement("java.lang.Exception");
    TypeElement error = elements.getTypeElement("java.lang.Error");
    boolean only = true;
    for (TypeMirror thrown : executable.getThrownTypes()) {
      if (thrown.getKind() != TypeKind.ERROR && exception != null && error != null
          && !types.isSubtype(thrown, exception.asType())
          && !types.isSubtype(thrown, error.asType())) {
        problems.report(Diagnostic.MAPPED_TYPE_THROWS_THROWABLE, Origin.of(executable).whole(),
            executable.getEnclosingElement().getSimpleName() + "." + executable.getSimpleName(),
            thrown);
        only = false;
      }
    }
    return only;
  }

  private boolean isCopyConstructor(TypeElement type, ExecutableElement constructor) {
    return constructor.getParameters().size() == 1
        && types.isSameType(types.erasure(constructor.getParameters().get(0).asType()),
            types.erasure(type.asType()));
  }

  /**
   * The public one-argument {@code setX} methods of {@code type} and its superclasses, the
   * superclass's first, each class's in source order; an overriding setter counts once, and two
   * setters of one property are reported. Returns whether any declares exceptions.
   */
  private boolean setters(TypeElement type, List<Candidate> candidates) {
    List<TypeElement> chain = new ArrayList<>();
    for (TypeElement t = type; t != null; t = superclass(t)) {
      chain.add(0, t);
    }
    DeclaredType declared = (DeclaredType) type.asType();
    Map<String, Integer> byName = new HashMap<>();
    boolean throwing = false;
    for (TypeElement t : chain) {
      Map<String, VariableElement> fields = fieldsByName(t);
      Map<String, ExecutableElement> getters = methodsByName(t);
      for (ExecutableElement method : ElementFilter.methodsIn(t.getEnclosedElements())) {
        String methodName = method.getSimpleName().toString();
        if (methodName.length() <= 3 || !methodName.startsWith("set")
            || !Character.isUpperCase(methodName.charAt(3))
            || method.getParameters().size() != 1
            || !method.getModifiers().contains(Modifier.PUBLIC)
            || method.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
        String property = decapitalize(methodName.substring(3));
        // The parameter type as seen from the mapped type: setValue(T) of Base<String> takes a
        // String in Sub extends Base<String>.
        TypeMirror parameterType =
            ((ExecutableType) types.asMemberOf(declared, method)).getParameterTypes().get(0);
        VariableElement field = fields.get(property);
        Candidate candidate = new Candidate(
            LombokMembers.generated(method) && field != null ? field : method, property,
            parameterType, methodName, listOf(method, method.getParameters().get(0), field,
                getters.get(getterName(property, "get")),
                getters.get(getterName(property, "is"))));
        Integer at = byName.get(property);
        if (at == null) {
          byName.put(property, candidates.size());
          candidates.add(candidate);
        } else if (types.isSameType(types.erasure(candidates.get(at).type()),
            types.erasure(parameterType))) {
          candidates.set(at, candidate); // an override: the subclass's declaration counts
        } else {
          problems.report(Diagnostic.SETTER_OVERLOADED, Origin.of(method).whole(), property,
              type.getQualifiedName(), candidates.get(at).type(), parameterType);
        }
        throwing |= !method.getThrownTypes().isEmpty();
        onlyExceptions(method);
      }
    }
    return throwing;
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
      Map<String, CompositeType> needed) {
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
    MappedType type =
        type(candidate.type(), candidate.type(), annotated, where, from, needed, false);
    return type == null ? null : new MappedProperty(candidate.javaName(), attributeName, type,
        false, null, candidate.setter(), origin);
  }

  /** The annotation on the element, else on the other elements of the same value; or null. */
  private AnnotationReader annotation(Candidate candidate, String annotation) {
    List<Element> places = new ArrayList<>();
    places.add(candidate.element());
    places.addAll(candidate.alsoAnnotated());
    for (Element element : places) {
      var mirror = Annotations.find(element, annotation);
      if (mirror != null) {
        return new AnnotationReader(elements, element, mirror);
      }
    }
    return null;
  }

  /**
   * The mapped type of {@code type}, a part of the component's type {@code whole}, or null
   * (reported on the component with the whole type, or waiting for an unresolved type).
   */
  private MappedType type(TypeMirror type, TypeMirror whole, Element at, String where,
      String from, Map<String, CompositeType> needed, boolean inOptional) {
    if (type.getKind() == TypeKind.ERROR) {
      unresolved = true; // perhaps generated in a later round; javac reports it otherwise
      return null;
    }
    if (type.getKind().isPrimitive()) {
      // By kind, not by text: a type annotation (@NonNull int) is part of toString().
      ScalarKind kind = ScalarKind.of(type.getKind().name().toLowerCase(java.util.Locale.ROOT));
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
      if (collection.equals("Optional") && inOptional) {
        return unsupported(at, where, whole); // Optional<Optional<T>> has no meaning here
      }
      return collection(collection, declared, whole, at, where, from, needed);
    }
    if (element.getKind() == ElementKind.ENUM) {
      if (!accessible(element, from)) {
        fail(name, Diagnostic.MAPPED_TYPE_NOT_ACCESSIBLE, at, name,
            from.isEmpty() ? "the unnamed package" : from);
        return null;
      }
      List<String> constants = element.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .map(e -> e.getSimpleName().toString())
          .toList();
      return new MappedType.EnumOf(typeRef(element), constants);
    }
    if (isForeign(name)) {
      return unsupported(at, where, whole);
    }
    return composite(element, from, at, needed) ? new MappedType.Composite(typeRef(element))
        : null;
  }

  private MappedType collection(String collection, DeclaredType declared, TypeMirror whole,
      Element at, String where, String from, Map<String, CompositeType> needed) {
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    int expected = collection.equals("Map") ? 2 : 1;
    if (arguments.size() != expected) {
      return unsupported(at, where, whole); // a raw type
    }
    if (collection.equals("Map") && !isString(arguments.get(0))) {
      return unsupported(at, where, whole);
    }
    MappedType inner = type(arguments.get(expected - 1), whole, at, where, from, needed,
        collection.equals("Optional"));
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

  private static boolean isString(TypeMirror type) {
    return type instanceof DeclaredType declared
        && ((TypeElement) declared.asElement()).getQualifiedName()
            .contentEquals("java.lang.String");
  }

  private MappedType unsupported(Element at, String where, TypeMirror type) {
    problems.report(Diagnostic.MAPPED_TYPE_UNSUPPORTED, Origin.of(at).whole(), where, type);
    return null;
  }

  /** Reports a problem found by the Enhanced Client reader. */
  void report(Diagnostic diagnostic, Origin.Location location, Object... args) {
    problems.report(diagnostic, location, args);
  }

  /** Marks the current read as waiting for a type javac has not resolved (yet). */
  void unresolved() {
    unresolved = true;
  }

  /** {@code Order.setId}, or {@code Order.id} for a field, as messages name a member. */
  private static String memberName(Element member) {
    Element owner = member.getEnclosingElement();
    if (member.getKind() == ElementKind.PARAMETER) {
      return owner.getEnclosingElement().getSimpleName() + "." + owner.getSimpleName()
          + "(" + member.getSimpleName() + ")";
    }
    return owner.getSimpleName() + "." + member.getSimpleName();
  }

  /** Reports a problem of a type used by several handlers once, at its first use. */
  private void fail(String type, Diagnostic diagnostic, Element usedAt, Object... args) {
    if (broken.add(type)) {
      problems.report(diagnostic, Origin.of(usedAt).whole(), args);
    }
  }

  /**
   * Whether code in package {@code from} can name {@code type}: it and every class around it
   * public, or not private and in that very package.
   */
  static boolean accessible(TypeElement type, String from) {
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

  private static Map<String, VariableElement> fieldsByName(TypeElement type) {
    Map<String, VariableElement> fields = new HashMap<>();
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      fields.put(field.getSimpleName().toString(), field);
    }
    return fields;
  }

  /** The public instance methods without parameters (accessors and getters), by name. */
  private static Map<String, ExecutableElement> methodsByName(TypeElement type) {
    Map<String, ExecutableElement> methods = new HashMap<>();
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getParameters().isEmpty() && !method.getModifiers().contains(Modifier.STATIC)) {
        methods.put(method.getSimpleName().toString(), method);
      }
    }
    return methods;
  }

  private static String getterName(String property, String prefix) {
    return prefix + Character.toUpperCase(property.charAt(0)) + property.substring(1);
  }

  private static List<Element> listOf(Element... elements) {
    List<Element> list = new ArrayList<>();
    for (Element element : elements) {
      if (element != null) {
        list.add(element);
      }
    }
    return list;
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
