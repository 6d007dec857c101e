package dev.laconic.processor.parse;

import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.MappedProperty;
import dev.laconic.processor.model.MappedType;
import dev.laconic.processor.model.ScalarKind;
import dev.laconic.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a class annotated for the AWS SDK v2 Enhanced Client ({@code @DynamoDbBean},
 * {@code @DynamoDbImmutable}) as {@code TableSchema.fromBean} / {@code fromImmutableClass} of
 * SDK 2.57 read it, into a {@link CompositeType} of {@link CompositeType.Conventions#ENHANCED_CLIENT}
 * conventions. Whatever the SDK would refuse when it builds the schema, as the function first
 * runs, is reported here instead, on the member at fault.
 *
 * <p>The SDK's annotations are read by name: the processor does not depend on the SDK, and a
 * project has it on its class path only when it uses these types.
 *
 * <p>What the SDK does, and this reader with it:
 * <ul>
 *   <li>A bean's properties are those of {@code java.beans.Introspector}: public instance
 *       {@code getX()} (not void) or {@code isX()} (returning {@code boolean}; it wins over
 *       {@code getX()}), and a public {@code void setX(T)} whose parameter type is the property's
 *       type or a subtype of it; inherited ones included. A property without such a setter takes
 *       a public {@code setX} returning the bean class itself (a fluent setter), as the SDK
 *       adds. Only properties with both are attributes, unless {@code @DynamoDbIgnore} or
 *       {@code @java.beans.Transient} skips them; attributes come in property-name order, as
 *       the Introspector sorts them. Annotations are read on the getter, then the setter.
 *   <li>An immutable's getters are all its public instance methods but those named as a public
 *       method of {@code Object} and {@code toBuilder}; {@code isX} (boolean or Boolean) and
 *       {@code getX} name property {@code x}, any other method its own name. Each must have a
 *       builder method {@code x(T)} or {@code setX(T)} taking exactly the getter's class, and
 *       every other public builder method but {@code build()} is an error. The builder comes
 *       from a public static {@code builder()} of the immutable, else the builder's public
 *       no-argument constructor. Attributes come in source order (the SDK's is that of {@code
 *       Class.getMethods()}, which the JVM leaves unspecified).
 *   <li>Types: the default converter provider's (scalars Laconic reads itself become
 *       {@link MappedType.Scalar}, the others {@link MappedType.ProviderConverted}), enums ({@link
 *       MappedType.EnumOf} when the SDK's toString mapping is the name, else provider-converted),
 *       {@code List<T>}, {@code Map<String, T>}, {@code Set<T>} of non-documents, and nested
 *       annotated classes ({@link MappedType.Composite}, read the same way). A class naming its
 *       own {@code converterProviders} has every attribute but nested documents provider-converted,
 *       as only its providers know what they convert.
 * </ul>
 */
final class EnhancedClientTypeReader {

  static final String ANNOTATIONS = "software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.";
  static final String BEAN = ANNOTATIONS + "DynamoDbBean";
  static final String IMMUTABLE = ANNOTATIONS + "DynamoDbImmutable";
  static final String ATTRIBUTE = ANNOTATIONS + "DynamoDbAttribute";
  static final String IGNORE = ANNOTATIONS + "DynamoDbIgnore";
  static final String CONVERTED_BY = ANNOTATIONS + "DynamoDbConvertedBy";
  static final String FLATTEN = ANNOTATIONS + "DynamoDbFlatten";
  static final String PRESERVE_EMPTY_OBJECT = ANNOTATIONS + "DynamoDbPreserveEmptyObject";
  static final String PARTITION_KEY = ANNOTATIONS + "DynamoDbPartitionKey";
  static final String SORT_KEY = ANNOTATIONS + "DynamoDbSortKey";
  static final String DEFAULT_PROVIDER =
      "software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider";
  /** The Introspector's and the SDK's other way to skip a bean property. */
  static final String TRANSIENT = "java.beans.Transient";

  /**
   * The types of {@code DefaultAttributeConverterProvider} (SDK 2.57) that Laconic has no
   * {@link ScalarKind} for: read through the SDK's own converter.
   */
  private static final Set<String> PROVIDER_TYPES = Set.of(
      "char", "java.lang.Character", "char[]", "java.lang.CharSequence",
      "java.lang.StringBuilder", "java.lang.StringBuffer",
      "java.util.concurrent.atomic.AtomicBoolean", "java.util.concurrent.atomic.AtomicInteger",
      "java.util.concurrent.atomic.AtomicLong",
      "java.time.Duration", "java.time.LocalDate", "java.time.LocalDateTime",
      "java.time.LocalTime", "java.time.MonthDay", "java.time.OffsetDateTime",
      "java.time.Period", "java.time.ZonedDateTime", "java.time.ZoneId", "java.time.ZoneOffset",
      "java.util.Locale", "java.util.OptionalDouble", "java.util.OptionalInt",
      "java.util.OptionalLong", "java.net.URI", "java.net.URL",
      "software.amazon.awssdk.core.SdkBytes", "software.amazon.awssdk.core.SdkNumber");

  /** Types the SDK stores as BOOL, L, M or a set, which {@code TableSchema} refuses as keys. */
  private static final Set<String> BOOLEAN_TYPES = Set.of("boolean", "java.lang.Boolean",
      "java.util.concurrent.atomic.AtomicBoolean");

  /** The names of the public methods of Object, which the SDK never takes for getters. */
  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString",
      "getClass", "notify", "notifyAll", "wait");

  private final Elements elements;
  private final Types types;
  private final MappedTypeReader reader;

  EnhancedClientTypeReader(Elements elements, Types types, MappedTypeReader reader) {
    this.elements = elements;
    this.types = types;
    this.reader = reader;
  }

  /** Whether {@code type} is annotated {@code @DynamoDbBean} or {@code @DynamoDbImmutable}. */
  static boolean annotated(TypeElement type) {
    return Annotations.find(type, BEAN) != null || Annotations.find(type, IMMUTABLE) != null;
  }

  /** A member carrying an annotation of the set its class does not use. */
  record Mixed(Element member, AnnotationMirror mirror, String annotation, String classUses,
      String fix) {}

  /**
   * The first member of {@code type} whose mapping annotation belongs to the other set than its
   * class's: a Laconic annotation in an Enhanced Client class, or an Enhanced Client annotation
   * beside Laconic ones in any other class; null when the class keeps to one set.
   */
  static Mixed mixed(TypeElement type) {
    List<Element> members = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      members.add(member);
      if (member instanceof ExecutableElement executable) {
        members.addAll(executable.getParameters());
      }
    }
    if (annotated(type)) {
      for (Element member : members) {
        for (String laconic : List.of(MappedTypeReader.ATTRIBUTE, MappedTypeReader.IGNORE)) {
          AnnotationMirror mirror = Annotations.find(member, laconic);
          if (mirror != null) {
            return new Mixed(member, mirror, simpleName(laconic),
                "the Enhanced Client's @" + (Annotations.find(type, BEAN) != null
                    ? "DynamoDbBean" : "DynamoDbImmutable"),
                "Use @DynamoDbAttribute or @DynamoDbIgnore on the getter here.");
          }
        }
      }
      return null;
    }
    Element laconic = null;
    Element sdk = null;
    AnnotationMirror sdkMirror = null;
    for (Element member : members) {
      if (laconic == null && (Annotations.find(member, MappedTypeReader.ATTRIBUTE) != null
          || Annotations.find(member, MappedTypeReader.IGNORE) != null)) {
        laconic = member;
      }
      if (sdk == null) {
        for (AnnotationMirror mirror : member.getAnnotationMirrors()) {
          String name = ((TypeElement) mirror.getAnnotationType().asElement())
              .getQualifiedName().toString();
          if (name.startsWith(ANNOTATIONS)) {
            sdk = member;
            sdkMirror = mirror;
            break;
          }
        }
      }
    }
    return laconic != null && sdk != null
        ? new Mixed(sdk, sdkMirror, simpleName(qualifiedName(sdkMirror.getAnnotationType())),
            "Laconic's @DynamoAttribute or @DynamoIgnore",
            "Use @DynamoAttribute or @DynamoIgnore here, or annotate the class @DynamoDbBean or"
                + " @DynamoDbImmutable and use only the Enhanced Client's annotations.")
        : null;
  }

  /** A property found on the class: its getter, its setter or builder method, its name. */
  private record Accessors(String name, ExecutableElement getter, ExecutableElement setter,
      TypeMirror type) {}

  /**
   * The composite type of {@code type}, reading nested annotated classes through the reader, or
   * null when it has a problem (reported) or waits for an unresolved type.
   */
  CompositeType read(TypeElement type, Map<String, CompositeType> needed) {
    AnnotationMirror immutable = Annotations.find(type, IMMUTABLE);
    AnnotationMirror annotation = immutable != null ? immutable : Annotations.find(type, BEAN);
    boolean ok = true;
    List<TypeRef> providers = new ArrayList<>();
    List<TypeMirror> named = classes(annotation, "converterProviders");
    boolean defaultProviders = named.size() == 1 && qualifiedName(named.get(0))
        .equals(DEFAULT_PROVIDER);
    for (TypeMirror provider : named) {
      if (!creatable(provider)) {
        reader.report(Diagnostic.ENHANCED_CONVERTER_NOT_CREATABLE,
            Origin.of(type, annotation).whole(),
            "@" + simpleName(qualifiedName(annotation.getAnnotationType())) + "(converterProviders)"
                + " of " + type.getSimpleName(), qualifiedName(provider));
        ok = false;
      }
      if (!defaultProviders && provider instanceof DeclaredType declared) {
        providers.add(MappedTypeReader.typeRef((TypeElement) declared.asElement()));
      }
    }
    CompositeType.Builder builder = null;
    List<Accessors> accessors;
    if (immutable != null) {
      TypeMirror builderType = classes(immutable, "builder").stream().findFirst().orElse(null);
      if (!(builderType instanceof DeclaredType declaredBuilder)) {
        reader.unresolved(); // javac reports an unresolvable builder class itself
        return null;
      }
      TypeElement builderClass = (TypeElement) declaredBuilder.asElement();
      String from = MappedTypeReader.packageOf(type);
      if (!MappedTypeReader.accessible(builderClass, from)) {
        // The mapper names the builder, whether it calls builder() or the constructor.
        reader.report(Diagnostic.MAPPED_TYPE_NOT_ACCESSIBLE,
            Origin.of(type, immutable).at("builder"),
            builderClass.getQualifiedName(), from.isEmpty() ? "the unnamed package" : from);
        return null;
      }
      String factory = staticBuilder(type, builderType) ? "builder" : null;
      if (factory == null && !hasPublicNoArgumentConstructor(builderClass)) {
        reader.report(Diagnostic.ENHANCED_BUILDER_NOT_CREATABLE,
            Origin.of(type, immutable).at("builder"), type.getSimpleName(),
            builderClass.getSimpleName(), builderClass.getSimpleName());
        ok = false;
      }
      accessors = immutableAccessors(type, builderClass, immutable);
      if (accessors == null) {
        return null;
      }
      builder = new CompositeType.Builder(MappedTypeReader.typeRef(builderClass), factory,
          "build");
    } else {
      boolean creatable = type.getKind() == ElementKind.CLASS
          && !type.getModifiers().contains(Modifier.ABSTRACT)
          && (type.getNestingKind() == NestingKind.TOP_LEVEL
              || (type.getNestingKind() == NestingKind.MEMBER
                  && type.getModifiers().contains(Modifier.STATIC)))
          && hasPublicNoArgumentConstructor(type);
      if (!creatable) {
        reader.report(Diagnostic.ENHANCED_BEAN_NOT_CREATABLE,
            Origin.of(type, annotation).whole(), type.getSimpleName());
        return null;
      }
      accessors = beanAccessors(type);
    }
    String from = MappedTypeReader.packageOf(type);
    List<MappedProperty> properties = new ArrayList<>();
    int flattenedMaps = 0;
    for (Accessors property : accessors) {
      MappedProperty mapped = property(type, property, immutable != null,
          defaultProviders || named.isEmpty(), from, needed);
      if (mapped == null) {
        ok = false;
        continue;
      }
      if (mapped.flattened() && mapped.type() instanceof MappedType.MapOf
          && ++flattenedMaps > 1) {
        reader.report(Diagnostic.ENHANCED_FLATTEN_INVALID, originOf(property, FLATTEN),
            type.getSimpleName() + "." + property.name(),
            "a second flattened Map<String, String> of the class");
        ok = false;
      }
      properties.add(mapped);
    }
    boolean throwing = accessors.stream().anyMatch(a -> a.setter() != null
        && !a.setter().getThrownTypes().isEmpty());
    return ok ? new CompositeType(MappedTypeReader.typeRef(type),
        CompositeType.Conventions.ENHANCED_CLIENT,
        immutable != null ? CompositeType.Creation.BUILDER : CompositeType.Creation.SETTERS,
        builder, providers, properties, throwing, Origin.of(type, annotation)) : null;
  }

  // ---- beans -----------------------------------------------------------------------------

  /** The bean's properties with a getter and a setter, in property-name order. */
  private List<Accessors> beanAccessors(TypeElement type) {
    DeclaredType declared = (DeclaredType) type.asType();
    Map<String, ExecutableElement> isGetters = new TreeMap<>();
    Map<String, ExecutableElement> getGetters = new TreeMap<>();
    Map<String, List<ExecutableElement>> setters = new TreeMap<>();
    for (ExecutableElement method : publicInstanceMethods(type)) {
      String name = method.getSimpleName().toString();
      int parameters = method.getParameters().size();
      TypeKind returns = method.getReturnType().getKind();
      if (parameters == 0 && returns == TypeKind.BOOLEAN && isPrefix(name, "is")) {
        isGetters.put(decapitalize(name.substring(2)), method);
      } else if (parameters == 0 && returns != TypeKind.VOID && isPrefix(name, "get")) {
        getGetters.put(decapitalize(name.substring(3)), method);
      } else if (parameters == 1 && returns == TypeKind.VOID && isPrefix(name, "set")) {
        setters.computeIfAbsent(decapitalize(name.substring(3)), k -> new ArrayList<>())
            .add(method);
      }
    }
    Map<String, Accessors> properties = new TreeMap<>();
    for (String name : union(isGetters.keySet(), getGetters.keySet())) {
      // The Introspector takes isX() over getX() (JDK 21; JDK 17 takes getX() when both return
      // boolean, reading the same value).
      ExecutableElement getter = isGetters.containsKey(name)
          ? isGetters.get(name) : getGetters.get(name);
      TypeMirror propertyType =
          ((ExecutableType) types.asMemberOf(declared, getter)).getReturnType();
      ExecutableElement setter = null;
      TypeMirror setterType = null;
      for (ExecutableElement candidate : setters.getOrDefault(name, List.of())) {
        TypeMirror parameter = ((ExecutableType) types.asMemberOf(declared, candidate))
            .getParameterTypes().get(0);
        if (fits(parameter, propertyType)
            && (setterType == null || fits(parameter, setterType))) {
          setter = candidate;
          setterType = parameter;
        }
      }
      if (setter == null) {
        setter = fluentSetter(type, name);
      }
      if (setter != null) {
        properties.put(name, new Accessors(name, getter, setter, propertyType));
      }
    }
    return new ArrayList<>(properties.values());
  }

  /** Whether a setter taking {@code parameter} may write a property of {@code property}. */
  private boolean fits(TypeMirror parameter, TypeMirror property) {
    TypeMirror a = types.erasure(parameter);
    TypeMirror b = types.erasure(property);
    return a.getKind().isPrimitive() || b.getKind().isPrimitive()
        ? types.isSameType(a, b) : types.isSubtype(a, b);
  }

  /**
   * The SDK's fluent setter of a property the Introspector found no setter for: a public
   * {@code setX} with one parameter returning the bean class itself.
   */
  private ExecutableElement fluentSetter(TypeElement type, String property) {
    String name = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (ExecutableElement method : publicInstanceMethods(type)) {
      if (method.getSimpleName().contentEquals(name) && method.getParameters().size() == 1
          && types.isSameType(types.erasure(method.getReturnType()),
              types.erasure(type.asType()))) {
        return method;
      }
    }
    return null;
  }

  // ---- immutables ------------------------------------------------------------------------

  /**
   * The immutable's getters with their builder methods, in source order; null when the SDK
   * would refuse the pairing (reported).
   */
  private List<Accessors> immutableAccessors(TypeElement type, TypeElement builder,
      AnnotationMirror immutable) {
    DeclaredType declared = (DeclaredType) type.asType();
    boolean ok = true;
    Map<String, ExecutableElement> builderMethods = new LinkedHashMap<>();
    ExecutableElement build = null;
    for (ExecutableElement method : mappableMethods(builder)) {
      String name = normalizedSetterName(method);
      ExecutableElement earlier = builderMethods.putIfAbsent(name, method);
      if (earlier != null) {
        reader.report(Diagnostic.ENHANCED_SETTER_WITHOUT_GETTER, Origin.of(method).whole(),
            builder.getSimpleName() + "." + method.getSimpleName(),
            "sets property " + name + " as " + builder.getSimpleName() + "."
                + earlier.getSimpleName() + " does", type.getSimpleName());
        ok = false;
      }
    }
    ExecutableElement candidate = builderMethods.get("build");
    if (candidate != null && candidate.getParameters().isEmpty()
        && types.isSameType(types.erasure(candidate.getReturnType()),
            types.erasure(type.asType()))) {
      build = builderMethods.remove("build");
    }
    if (build == null) {
      reader.report(Diagnostic.ENHANCED_BUILDER_NO_BUILD,
          Origin.of(type, immutable).at("builder"), builder.getSimpleName(),
          type.getSimpleName(), type.getSimpleName());
      ok = false;
    }
    List<Accessors> accessors = new ArrayList<>();
    for (ExecutableElement getter : mappableMethods(type)) {
      String where = type.getSimpleName() + "." + getter.getSimpleName() + "()";
      if (getter.getReturnType().getKind() == TypeKind.VOID
          || qualifiedName(getter.getReturnType()).equals("java.lang.Void")) {
        reader.report(Diagnostic.ENHANCED_NOT_A_GETTER, Origin.of(getter).whole(), where,
            "returns void");
        ok = false;
        continue;
      }
      if (!getter.getParameters().isEmpty()) {
        reader.report(Diagnostic.ENHANCED_NOT_A_GETTER, Origin.of(getter).whole(),
            type.getSimpleName() + "." + getter.getSimpleName(), "takes parameters");
        ok = false;
        continue;
      }
      String name = normalizedGetterName(getter);
      TypeMirror propertyType =
          ((ExecutableType) types.asMemberOf(declared, getter)).getReturnType();
      ExecutableElement setter = builderMethods.get(name);
      if (setter == null || !validSetter(setter, getter.getReturnType(), builder)) {
        String typeName = sourceName(types.erasure(getter.getReturnType()));
        reader.report(Diagnostic.ENHANCED_GETTER_WITHOUT_SETTER, Origin.of(getter).whole(),
            where, builder.getSimpleName(), name, typeName,
            "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1), typeName);
        ok = false;
        continue;
      }
      builderMethods.remove(name);
      accessors.add(new Accessors(name, getter, setter, propertyType));
    }
    for (ExecutableElement left : builderMethods.values()) {
      reader.report(Diagnostic.ENHANCED_SETTER_WITHOUT_GETTER, Origin.of(left).whole(),
          builder.getSimpleName() + "." + left.getSimpleName(), "matches no getter",
          type.getSimpleName());
      ok = false;
    }
    return ok ? accessors : null;
  }

  /**
   * The public instance methods the SDK considers on an immutable or its builder: not
   * {@code Object}'s, not named as a public method of {@code Object} or {@code toBuilder}, not
   * {@code @DynamoDbIgnore}d; in source order, inherited ones after.
   */
  private List<ExecutableElement> mappableMethods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : publicInstanceMethods(type)) {
      String name = method.getSimpleName().toString();
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      if (!owner.getQualifiedName().contentEquals("java.lang.Object")
          && !OBJECT_METHODS.contains(name) && !name.equals("toBuilder")
          && Annotations.find(method, IGNORE) == null) {
        methods.add(method);
      }
    }
    return methods;
  }

  private static String normalizedSetterName(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    return name.length() > 3 && Character.isUpperCase(name.charAt(3)) && name.startsWith("set")
        ? Character.toLowerCase(name.charAt(3)) + name.substring(4) : name;
  }

  private static String normalizedGetterName(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    String returns = method.getReturnType().getKind() == TypeKind.BOOLEAN ? "boolean"
        : qualifiedName(method.getReturnType());
    if (name.length() > 2 && Character.isUpperCase(name.charAt(2)) && name.startsWith("is")
        && (returns.equals("boolean") || returns.equals("java.lang.Boolean"))) {
      return Character.toLowerCase(name.charAt(2)) + name.substring(3);
    }
    if (name.length() > 3 && Character.isUpperCase(name.charAt(3)) && name.startsWith("get")) {
      return Character.toLowerCase(name.charAt(3)) + name.substring(4);
    }
    return name;
  }

  /**
   * The SDK's test of a builder method: one parameter of exactly the getter's class, returning
   * void, Void or a supertype of the builder.
   */
  private boolean validSetter(ExecutableElement setter, TypeMirror getterType,
      TypeElement builder) {
    if (setter.getParameters().size() != 1 || !types.isSameType(
        types.erasure(setter.getParameters().get(0).asType()), types.erasure(getterType))) {
      return false;
    }
    TypeMirror returns = setter.getReturnType();
    return returns.getKind() == TypeKind.VOID || qualifiedName(returns).equals("java.lang.Void")
        || (returns.getKind() == TypeKind.DECLARED && types.isSubtype(
            types.erasure(builder.asType()), types.erasure(returns)));
  }

  /** Whether the immutable has a public static {@code builder()} returning the builder class. */
  private boolean staticBuilder(TypeElement type, TypeMirror builder) {
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getSimpleName().contentEquals("builder") && method.getParameters().isEmpty()
          && method.getModifiers().contains(Modifier.PUBLIC)) {
        return method.getModifiers().contains(Modifier.STATIC)
            && method.getReturnType().getKind() == TypeKind.DECLARED
            && types.isSubtype(types.erasure(builder), types.erasure(method.getReturnType()));
      }
    }
    return false;
  }

  // ---- properties and types --------------------------------------------------------------

  private MappedProperty property(TypeElement owner, Accessors property, boolean immutable,
      boolean defaultProviders, String from, Map<String, CompositeType> needed) {
    String where = owner.getSimpleName() + "." + property.name();
    AnnotationReader attribute = annotation(property, ATTRIBUTE);
    String attributeName = attribute == null
        ? property.name() : attribute.string("value", property.name());
    Origin origin = attribute == null ? Origin.of(property.getter()) : attribute.origin();
    ExecutableElement setter = property.setter();
    String setterName = setter == null ? null : setter.getSimpleName().toString();
    if (!immutable
        && (annotation(property, IGNORE) != null || annotation(property, TRANSIENT) != null)) {
      // Only a bean gets here: an immutable's ignored getters are not among its methods.
      return new MappedProperty(property.name(), attributeName, null, true, null, setterName,
          origin);
    }
    MappedProperty.Key key = MappedProperty.Key.NONE;
    String keyAnnotation = null;
    if (annotation(property, PARTITION_KEY) != null) {
      key = MappedProperty.Key.PARTITION;
      keyAnnotation = "DynamoDbPartitionKey";
    } else if (annotation(property, SORT_KEY) != null) {
      key = MappedProperty.Key.SORT;
      keyAnnotation = "DynamoDbSortKey";
    }
    boolean preserveEmpty = annotation(property, PRESERVE_EMPTY_OBJECT) != null;
    TypeMirror type = property.type();
    if (annotation(property, FLATTEN) != null) {
      MappedType flattened = flattened(property, immutable, where, from, needed);
      return flattened == null ? null : new MappedProperty(property.name(), attributeName,
          flattened, false, null, setterName, origin, true, preserveEmpty,
          MappedProperty.Key.NONE);
    }
    AnnotationReader convertedBy = annotation(property, CONVERTED_BY);
    MappedType mapped;
    if (convertedBy != null) {
      List<TypeMirror> converter = classes(convertedBy.mirror(), "value");
      if (converter.isEmpty() || !(converter.get(0) instanceof DeclaredType declared)) {
        reader.unresolved();
        return null;
      }
      if (!creatable(declared)) {
        reader.report(Diagnostic.ENHANCED_CONVERTER_NOT_CREATABLE,
            convertedBy.origin().at("value"), "@DynamoDbConvertedBy on " + where,
            qualifiedName(declared));
        return null;
      }
      mapped = new MappedType.Converted(
          MappedTypeReader.typeRef((TypeElement) declared.asElement()), sourceName(type));
    } else if (!defaultProviders && !annotatedDocument(type)) {
      mapped = new MappedType.ProviderConverted(sourceName(type));
    } else {
      mapped = type(type, type, property.getter(), where, from, needed, true);
      if (mapped == null) {
        return null;
      }
    }
    if (keyAnnotation != null) {
      String stored = storedAs(mapped);
      if (stored != null) {
        reader.report(Diagnostic.ENHANCED_KEY_TYPE, originOf(property,
            key == MappedProperty.Key.PARTITION ? PARTITION_KEY : SORT_KEY), keyAnnotation,
            where, sourceName(type), stored);
        return null;
      }
    }
    return new MappedProperty(property.name(), attributeName, mapped, false, null, setterName,
        origin, false, preserveEmpty, key);
  }

  /** The type of a {@code @DynamoDbFlatten} property, or null (reported). */
  private MappedType flattened(Accessors property, boolean immutable, String where,
      String from, Map<String, CompositeType> needed) {
    TypeMirror type = property.type();
    if (type.getKind() == TypeKind.ERROR) {
      reader.unresolved();
      return null;
    }
    Origin.Location at = originOf(property, FLATTEN);
    boolean map = qualifiedName(type).equals("java.util.Map");
    if (map && !immutable) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.size() == 2 && qualifiedName(arguments.get(0)).equals("java.lang.String")
          && qualifiedName(arguments.get(1)).equals("java.lang.String")) {
        // The SDK accepts it; the mappers do not gather the remaining attributes yet.
        reader.report(Diagnostic.ENHANCED_FLATTENED_MAP, at, where);
        return null;
      }
      reader.report(Diagnostic.ENHANCED_FLATTEN_INVALID, at, where,
          "a Map other than Map<String, String>");
      return null;
    }
    if (type instanceof DeclaredType declared
        && annotated((TypeElement) declared.asElement())) {
      TypeElement element = (TypeElement) declared.asElement();
      return reader.composite(element, from, property.getter(), needed)
          ? new MappedType.Composite(MappedTypeReader.typeRef(element)) : null;
    }
    reader.report(Diagnostic.ENHANCED_FLATTEN_INVALID, at, where, "whose type "
        + sourceName(type) + " is not a @DynamoDbBean or @DynamoDbImmutable class");
    return null;
  }

  /**
   * The mapped type of {@code type}, part of the property's type {@code whole}; null when
   * reported or unresolved.
   *
   * @param documents whether a nested annotated class may stand here: the SDK finds nested
   *     documents in a property's type, a list's elements and a map's values, not in a set's
   */
  private MappedType type(TypeMirror type, TypeMirror whole, Element at, String where,
      String from, Map<String, CompositeType> needed, boolean documents) {
    if (type.getKind() == TypeKind.ERROR) {
      reader.unresolved();
      return null;
    }
    String name = sourceName(types.erasure(type));
    if (type.getKind().isPrimitive() || type instanceof ArrayType) {
      ScalarKind scalar = ScalarKind.of(name);
      if (scalar != null) {
        return new MappedType.Scalar(scalar);
      }
      return PROVIDER_TYPES.contains(name) ? new MappedType.ProviderConverted(name)
          : unsupported(at, where, whole);
    }
    if (!(type instanceof DeclaredType declared)) {
      return unsupported(at, where, whole);
    }
    TypeElement element = (TypeElement) declared.asElement();
    ScalarKind scalar = ScalarKind.of(name);
    if (scalar != null) {
      return new MappedType.Scalar(scalar);
    }
    if (PROVIDER_TYPES.contains(name)) {
      return new MappedType.ProviderConverted(name);
    }
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    switch (name) {
      case "java.util.List", "java.util.Set" -> {
        if (arguments.size() != 1) {
          return unsupported(at, where, whole);
        }
        boolean list = name.equals("java.util.List");
        MappedType element1 = type(arguments.get(0), whole, at, where, from, needed,
            documents && list);
        return element1 == null ? null
            : list ? new MappedType.ListOf(element1) : new MappedType.SetOf(element1);
      }
      case "java.util.Map" -> {
        // The SDK also converts keys of other types through its string converters; Laconic's
        // model reads String keys only.
        if (arguments.size() != 2) {
          return unsupported(at, where, whole);
        }
        if (!qualifiedName(arguments.get(0)).equals("java.lang.String")) {
          reader.report(Diagnostic.ENHANCED_TYPE_NOT_GENERATED, Origin.of(at).whole(), where,
              sourceName(whole), "a Map whose keys are not String");
          return null;
        }
        MappedType value = type(arguments.get(1), whole, at, where, from, needed, documents);
        return value == null ? null : new MappedType.MapOf(value);
      }
      case "java.util.Collection" -> {
        // The SDK's default provider converts it as a set; Laconic's model has no such node.
        reader.report(Diagnostic.ENHANCED_TYPE_NOT_GENERATED, Origin.of(at).whole(), where,
            sourceName(whole), "a Collection");
        return null;
      }
      default -> { }
    }
    if (element.getKind() == ElementKind.ENUM) {
      if (!MappedTypeReader.accessible(element, from)) {
        return unsupported(at, where, whole);
      }
      if (toStringMayDiffer(element)) {
        return new MappedType.ProviderConverted(name);
      }
      List<String> constants = element.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .map(e -> e.getSimpleName().toString())
          .toList();
      return new MappedType.EnumOf(MappedTypeReader.typeRef(element), constants);
    }
    if (documents && annotated(element) && arguments.isEmpty()) {
      return reader.composite(element, from, at, needed)
          ? new MappedType.Composite(MappedTypeReader.typeRef(element)) : null;
    }
    return unsupported(at, where, whole);
  }

  /**
   * Whether the SDK's enum converter, which maps a constant by {@code toString()}, may read
   * other text than the constant's name: the enum declares toString, or a constant has a body
   * (javac makes an enum without constant bodies final), which may override it.
   */
  private static boolean toStringMayDiffer(TypeElement enumType) {
    boolean declaresToString = ElementFilter.methodsIn(enumType.getEnclosedElements()).stream()
        .anyMatch(m -> m.getSimpleName().contentEquals("toString") && m.getParameters().isEmpty());
    return declaresToString || !enumType.getModifiers().contains(Modifier.FINAL);
  }

  private boolean annotatedDocument(TypeMirror type) {
    return type instanceof DeclaredType declared
        && annotated((TypeElement) declared.asElement());
  }

  /**
   * What the SDK stores a key of this type as, when it is not a string, number or binary
   * ({@code BOOL}, {@code L}, {@code M}, {@code SS}...); null when it may be a key.
   */
  private static String storedAs(MappedType mapped) {
    if (mapped instanceof MappedType.Scalar scalar
        && BOOLEAN_TYPES.contains(scalar.kind().javaType())) {
      return "BOOL";
    } else if (mapped instanceof MappedType.ProviderConverted provider
        && BOOLEAN_TYPES.contains(provider.javaType())) {
      return "BOOL";
    } else if (mapped instanceof MappedType.ListOf) {
      return "L";
    } else if (mapped instanceof MappedType.SetOf) {
      return "a set";
    } else if (mapped instanceof MappedType.MapOf || mapped instanceof MappedType.Composite) {
      return "M";
    }
    return null;
  }

  private MappedType unsupported(Element at, String where, TypeMirror type) {
    reader.report(Diagnostic.ENHANCED_TYPE_UNSUPPORTED, Origin.of(at).whole(), where,
        sourceName(type));
    return null;
  }

  // ---- helpers ---------------------------------------------------------------------------

  /** The annotation on the getter, else on the setter or builder method, as the SDK reads it. */
  private AnnotationReader annotation(Accessors property, String annotation) {
    for (Element element : listOf(property.getter(), property.setter())) {
      AnnotationMirror mirror = Annotations.find(element, annotation);
      if (mirror != null) {
        return new AnnotationReader(elements, element, mirror);
      }
    }
    return null;
  }

  private Origin.Location originOf(Accessors property, String annotation) {
    AnnotationReader found = annotation(property, annotation);
    return found == null ? Origin.of(property.getter()).whole() : found.origin().whole();
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

  /** The public instance methods of {@code type}, inherited ones included, overridden ones not. */
  private List<ExecutableElement> publicInstanceMethods(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getModifiers().contains(Modifier.PUBLIC)
          && !method.getModifiers().contains(Modifier.STATIC)) {
        methods.add(method);
      }
    }
    // Declared before inherited, each class's in source order.
    List<TypeElement> chain = new ArrayList<>();
    for (TypeMirror t = type.asType(); t.getKind() == TypeKind.DECLARED;
        t = ((TypeElement) ((DeclaredType) t).asElement()).getSuperclass()) {
      chain.add((TypeElement) ((DeclaredType) t).asElement());
    }
    methods.sort(Comparator.comparingInt(m -> {
      int at = chain.indexOf((TypeElement) m.getEnclosingElement());
      return at < 0 ? chain.size() : at;
    }));
    return methods;
  }

  /** Whether the SDK can create {@code type} with {@code getConstructor().newInstance()}. */
  private boolean creatable(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return type.getKind() == TypeKind.ERROR;
    }
    TypeElement element = (TypeElement) declared.asElement();
    for (Element e = element; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (!t.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return element.getKind() == ElementKind.CLASS
        && !element.getModifiers().contains(Modifier.ABSTRACT)
        && (element.getNestingKind() == NestingKind.TOP_LEVEL
            || element.getModifiers().contains(Modifier.STATIC))
        && hasPublicNoArgumentConstructor(element);
  }

  private static boolean hasPublicNoArgumentConstructor(TypeElement type) {
    return ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
        .anyMatch(c -> c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC));
  }

  /** The class values of an annotation's {@code Class} or {@code Class[]} attribute. */
  private List<TypeMirror> classes(AnnotationMirror annotation, String attribute) {
    List<TypeMirror> out = new ArrayList<>();
    elements.getElementValuesWithDefaults(annotation).forEach((key, value) -> {
      if (key.getSimpleName().contentEquals(attribute)) {
        Object raw = value.getValue();
        if (raw instanceof List<?> list) {
          for (Object item : list) {
            if (item instanceof AnnotationValue itemValue
                && itemValue.getValue() instanceof TypeMirror type) {
              out.add(type);
            }
          }
        } else if (raw instanceof TypeMirror type) {
          out.add(type);
        }
      }
    });
    return out;
  }

  /**
   * {@code type} as written in source with qualified names and type arguments, without the type
   * annotations {@code toString()} would include.
   */
  static String sourceName(TypeMirror type) {
    if (type.getKind().isPrimitive()) {
      return type.getKind().name().toLowerCase(java.util.Locale.ROOT);
    }
    if (type instanceof ArrayType array) {
      return sourceName(array.getComponentType()) + "[]";
    }
    if (type instanceof DeclaredType declared) {
      String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
      if (declared.getTypeArguments().isEmpty()) {
        return name;
      }
      List<String> arguments = new ArrayList<>();
      for (TypeMirror argument : declared.getTypeArguments()) {
        arguments.add(sourceName(argument));
      }
      return name + "<" + String.join(", ", arguments) + ">";
    }
    return type.toString();
  }

  private static String qualifiedName(TypeMirror type) {
    return type instanceof DeclaredType declared
        ? ((TypeElement) declared.asElement()).getQualifiedName().toString() : "";
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  private static boolean isPrefix(String name, String prefix) {
    return name.length() > prefix.length() && name.startsWith(prefix);
  }

  /** As {@code java.beans.Introspector.decapitalize}: {@code URL} stays, {@code Name} is name. */
  private static String decapitalize(String name) {
    if (name.length() > 1 && Character.isUpperCase(name.charAt(1))
        && Character.isUpperCase(name.charAt(0))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static <T extends Comparable<T>> Set<T> union(Set<T> a, Set<T> b) {
    Set<T> all = new java.util.TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}
