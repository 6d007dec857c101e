package dev.laconic.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.MappedProperty;
import dev.laconic.processor.model.MappedType;
import dev.laconic.processor.model.ScalarKind;
import dev.laconic.processor.model.TypeRef;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Builds the JSON reader of one record or class: plain code that streams over a JSON object's
 * fields, reads each with the reader for its Java type and then calls the constructor or the
 * setters, for the payloads of Kinesis records and SQS messages that hold the user's own type. No
 * reflection and no data binding: every field name, reader and enum constant is spelled out.
 *
 * <p>The reader follows the same model and rules as the DynamoDB mapper of the type
 * ({@link MapperGenerator}), so one type reads alike from either source:
 *
 * <ul>
 *   <li>A value's JSON field is its attribute name: the Java name, unless
 *       {@code @DynamoAttribute} renames it, for JSON as for DynamoDB.
 *   <li>Fields the type does not have are skipped, nested values and all. Of a field that occurs
 *       twice, the last value counts, as with Jackson's data binding by default.
 *   <li>A missing field and JSON {@code null} alike give {@code null}, or an empty
 *       {@code Optional}. A primitive constructor parameter has no such value: a missing field
 *       fails with {@code JsonValues.missing}, and {@code null} fails as a value of the wrong
 *       type, as a missing or NULL attribute fails in the mapper. A JavaBean's setter is called
 *       for the fields present only, so a missing field leaves its property at its initial
 *       value. An ignored ({@code @DynamoIgnore}) value gets its default, or no setter call,
 *       and a field of its name is skipped.
 *   <li>Nested records and classes are read by their own JSON readers, enums by a private
 *       switch on the constant's name, collections and {@code Optional} by
 *       {@code dev.laconic.json.JsonValues}, whose readers share their names with the attribute
 *       readers ({@link ScalarKind#reader()}).
 *   <li>A value that does not fit fails with a {@code MappingException} naming its path in the
 *       document, such as {@code order.lines[2].sku}, and the Java type expected. A checked
 *       exception from the constructor or a setter is wrapped in one, as the mapper does.
 * </ul>
 *
 * <p>The generated class is public: {@code fromJson} reads a whole document, {@code read} one
 * object inside another document, for readers of enclosing types and for users' own code.
 */
public final class JsonReaderGenerator {

  private static final String JSON = "dev.laconic.json";
  private static final ClassName JSON_VALUES = ClassName.get(JSON, "JsonValues");
  private static final ClassName JSON_PARSER =
      ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  private static final String STREAM = "dev.laconic.stream";
  private static final ClassName PATH = ClassName.get(STREAM, "AttributePath");
  private static final ClassName MAPPING_EXCEPTION = ClassName.get(STREAM, "MappingException");

  /**
   * Names the read method's expressions start with, such as {@code JsonValues.readString(...)},
   * which a local variable of the same name would hide (JLS 6.5.2): the classes, and the first
   * part of their packages, which JavaPoet writes when a simple name is taken.
   */
  private static final List<String> REFERENCED = List.of("JsonValues", "Optional", "java", "dev");

  private final List<AnnotationSpec> generated;

  /** @param generated the annotations that mark readers as generated */
  public JsonReaderGenerator(List<AnnotationSpec> generated) {
    this.generated = generated;
  }

  /** The JSON reader class of {@code type}: {@code OrderJsonReader} beside {@code Order}. */
  public static ClassName readerName(TypeRef type) {
    return ClassName.get(type.packageName(), type.jsonReaderSimpleName());
  }

  /** The JSON reader's source file. */
  public JavaFile generate(CompositeType composite) {
    ClassName target = MapperGenerator.className(composite.type());
    ClassName reader = readerName(composite.type());
    Map<TypeRef, MappedType.EnumOf> enums = enums(composite);
    Map<TypeRef, String> enumReaders = enumReaders(enums);
    TypeSpec.Builder type = TypeSpec.classBuilder(reader)
        .addJavadoc("Reads {@link $T} from JSON, generated by Laconic from its declaration.\n",
            target)
        .addJavadoc("Do not edit: it is written anew on every build.\n\n")
        .addJavadoc("<p>A field is named as the DynamoDB attribute is, so {@code @DynamoAttribute}"
            + " renames it too.\n")
        .addJavadoc("Unknown fields are skipped; of a repeated field, the last counts.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(fromJsonText(composite, target, reader))
        .addMethod(fromJsonBytes(composite, target, reader))
        .addMethod(read(composite, target, reader, enumReaders));
    type.addAnnotations(generated);
    if (composite.origin().element() != null) {
      type.addOriginatingElement(composite.origin().element());
    }
    for (Map.Entry<TypeRef, String> enumReader : enumReaders.entrySet()) {
      type.addMethod(enumReader(enums.get(enumReader.getKey()), enumReader.getValue()));
    }
    return JavaFile.builder(composite.type().packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static MethodSpec fromJsonText(CompositeType composite, ClassName target,
      ClassName reader) {
    return MethodSpec.methodBuilder("fromJson")
        .addJavadoc("Reads a JSON document, such as an SQS message's body; null gives null.\n\n"
            + "@throws $T when the text is not one JSON value, or a value does not fit\n"
            + "    its Java type\n", MAPPING_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(target)
        .addParameter(String.class, "json")
        .addStatement("return $T.read(json, $T.root($S), $T::read)", JSON_VALUES, PATH,
            composite.type().pathRoot(), reader)
        .build();
  }

  private static MethodSpec fromJsonBytes(CompositeType composite, ClassName target,
      ClassName reader) {
    return MethodSpec.methodBuilder("fromJson")
        .addJavadoc("Reads the JSON document in the remaining bytes of {@code json}, such as a"
            + " Kinesis\nrecord's data, without moving the buffer's position; null gives null.\n\n"
            + "@throws $T when the bytes are not one JSON value, or a value does not fit\n"
            + "    its Java type\n", MAPPING_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(target)
        .addParameter(ByteBuffer.class, "json")
        .addStatement("return $T.read(json, $T.root($S), $T::read)", JSON_VALUES, PATH,
            composite.type().pathRoot(), reader)
        .build();
  }

  /**
   * The object reader: a local per value, set as its field goes by; then the checks of required
   * values; then the constructor, or the no-argument constructor and a setter per field present.
   */
  private static MethodSpec read(CompositeType composite, ClassName target, ClassName reader,
      Map<TypeRef, String> enumReaders) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addJavadoc("Reads the object at the parser's current token, found at {@code path};\n"
            + "JSON {@code null} gives null. Leaves the parser on the object's last token.\n\n"
            + "@throws $T when a value does not fit its Java type\n"
            + "@throws IOException when the parser fails, as on text that is not JSON\n",
            MAPPING_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(target)
        .addParameter(JSON_PARSER, "parser")
        .addParameter(PATH, "path")
        .addException(IOException.class)
        .beginControlFlow("if (!$T.startObject(parser, path, $S))", JSON_VALUES,
            composite.type().displayName())
        .addStatement("return null")
        .endControlFlow();

    boolean setters = composite.creation() == CompositeType.Creation.SETTERS;
    List<MappedProperty> read = composite.properties().stream()
        .filter(property -> !property.ignored())
        .toList();
    NameAllocator names = names(composite);
    ValueReads reads = new ValueReads(JSON_VALUES, reader, JsonReaderGenerator::readerName,
        "parser", enumReaders);

    // One local per value, and a flag where whether its field was there matters: for every
    // JavaBean property (no field, no setter call) and for primitive parameters (no field fails).
    for (MappedProperty property : read) {
      String local = names.newName(property.javaName(), property);
      method.addStatement("$T $L = $L", typeName(property.type()), local,
          initialValue(property.type()));
      if (setters || isPrimitive(property.type())) {
        method.addStatement("boolean $L = false",
            names.newName("has" + capitalize(property.javaName()), flag(property)));
      }
    }

    method.beginControlFlow(
            "for (String field = parser.nextFieldName(); field != null;"
                + " field = parser.nextFieldName())")
        .addStatement("parser.nextToken()")
        .beginControlFlow("switch (field)");
    for (MappedProperty property : read) {
      // The parser is on the field's first token.
      CodeBlock value = reads.read(property.type(), CodeBlock.of("parser"),
          CodeBlock.of("path.child($S)", property.attributeName()));
      String local = names.get(property);
      if (setters || isPrimitive(property.type())) {
        method.beginControlFlow("case $S ->", property.attributeName())
            .addStatement("$L = $L", local, value)
            .addStatement("$L = true", names.get(flag(property)))
            .endControlFlow();
      } else {
        method.addStatement("case $S -> $L = $L", property.attributeName(), local, value);
      }
    }
    method.addStatement("default -> parser.skipChildren()")
        .endControlFlow()
        .endControlFlow();

    CodeBlock.Builder build = CodeBlock.builder();
    if (setters) {
      build.addStatement("$T result = new $T()", target, target);
      for (MappedProperty property : read) {
        build.beginControlFlow("if ($L)", names.get(flag(property)))
            .addStatement("result.$L($L)", property.setter(), names.get(property))
            .endControlFlow();
      }
      build.addStatement("return result");
    } else {
      for (MappedProperty property : read) {
        if (isPrimitive(property.type())) {
          method.beginControlFlow("if (!$L)", names.get(flag(property)))
              .addStatement("throw $T.missing(path.child($S), $S)", JSON_VALUES,
                  property.attributeName(),
                  ((MappedType.Scalar) property.type()).kind().javaType())
              .endControlFlow();
        }
      }
      List<CodeBlock> arguments = new ArrayList<>();
      for (MappedProperty property : composite.properties()) {
        arguments.add(property.ignored()
            ? CodeBlock.of("$L", property.defaultValue())
            : CodeBlock.of("$L", names.get(property)));
      }
      build.addStatement("return new $T(\n$L)", target, CodeBlock.join(arguments, ",\n"));
    }
    if (composite.declaresExceptions()) {
      // Only the constructor and setter calls sit in the try: every value is read by then, so
      // an exception caught here is the type's own, never the parser's.
      method.beginControlFlow("try")
          .addCode(build.build())
          .nextControlFlow("catch ($T e)", RuntimeException.class)
          .addStatement("throw e")
          .nextControlFlow("catch ($T e)", Exception.class)
          .addStatement("throw new $T(path, $S + e, e)", MAPPING_EXCEPTION,
              "creating " + composite.type().displayName() + " failed: ")
          .endControlFlow();
    } else {
      method.addCode(build.build());
    }
    return method.build();
  }

  /**
   * The names of the read method's locals, allocated so that none hides a parameter, the loop's
   * variable, a lambda's parameter, the exception, or a class the code names; a JavaBean property
   * named like a keyword ({@code setClass}) gets a legal name.
   */
  private static NameAllocator names(CompositeType composite) {
    Set<String> reserved = new LinkedHashSet<>(List.of("parser", "path", "field", "result", "e"));
    reserved.addAll(REFERENCED);
    reserve(reserved, composite.type());
    int depth = 0;
    for (MappedProperty property : composite.properties()) {
      for (MappedType t = property.type(); t != null; t = MappedType.inner(t)) {
        if (t instanceof MappedType.EnumOf e) {
          reserve(reserved, e.type());
        } else if (t instanceof MappedType.Composite nested) {
          reserve(reserved, nested.type());
        }
      }
      depth = Math.max(depth, depth(property.type()));
    }
    for (int d = 1; d <= depth; d++) {
      reserved.add("parser" + d);
      reserved.add("path" + d);
    }
    NameAllocator names = new NameAllocator();
    for (String name : reserved) {
      // A tag of our own: JavaPoet's default tag is a random UUID, and setting up SecureRandom
      // for it loads some 70 classes and reads /dev/urandom on every build.
      names.newName(name, new Object());
    }
    return names;
  }

  /**
   * Reserves the names code may use for {@code type}: its outermost class, its reader, and the
   * first part of its package, which JavaPoet writes when a simple name is taken.
   */
  private static void reserve(Set<String> reserved, TypeRef type) {
    reserved.add(type.simpleNames().get(0));
    reserved.add(type.jsonReaderSimpleName());
    if (!type.packageName().isEmpty()) {
      reserved.add(type.packageName().split("\\.", 2)[0]);
    }
  }

  /** How many collections and Optionals are nested in {@code type}. */
  private static int depth(MappedType type) {
    int depth = 0;
    for (MappedType t = MappedType.inner(type); t != null; t = MappedType.inner(t)) {
      depth++;
    }
    return depth;
  }

  /** The tag of the presence flag of {@code property}. */
  private static Object flag(MappedProperty property) {
    return List.of("has", property);
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static boolean isPrimitive(MappedType type) {
    return type instanceof MappedType.Scalar scalar && scalar.kind().primitive();
  }

  /** The Java type of a local holding {@code type}. */
  private static TypeName typeName(MappedType type) {
    if (type instanceof MappedType.Scalar scalar) {
      return switch (scalar.kind()) {
        case BOOLEAN -> TypeName.BOOLEAN;
        case INT -> TypeName.INT;
        case LONG -> TypeName.LONG;
        case SHORT -> TypeName.SHORT;
        case BYTE -> TypeName.BYTE;
        case DOUBLE -> TypeName.DOUBLE;
        case FLOAT -> TypeName.FLOAT;
        case BYTES -> ArrayTypeName.of(TypeName.BYTE);
        default -> ClassName.bestGuess(scalar.kind().javaType());
      };
    } else if (type instanceof MappedType.EnumOf e) {
      return MapperGenerator.className(e.type());
    } else if (type instanceof MappedType.Composite composite) {
      return MapperGenerator.className(composite.type());
    } else if (type instanceof MappedType.ListOf list) {
      return ParameterizedTypeName.get(ClassName.get(List.class), typeName(list.element()).box());
    } else if (type instanceof MappedType.SetOf set) {
      return ParameterizedTypeName.get(ClassName.get(Set.class), typeName(set.element()).box());
    } else if (type instanceof MappedType.MapOf map) {
      return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
          typeName(map.value()).box());
    } else if (type instanceof MappedType.OptionalOf optional) {
      return ParameterizedTypeName.get(ClassName.get(Optional.class),
          typeName(optional.value()).box());
    }
    throw new IllegalArgumentException("unknown mapped type " + type);
  }

  /** What a local holds before its field is read: the value of a missing field. */
  private static CodeBlock initialValue(MappedType type) {
    if (type instanceof MappedType.Scalar scalar && scalar.kind().primitive()) {
      return CodeBlock.of(scalar.kind() == ScalarKind.BOOLEAN ? "false" : "0");
    } else if (type instanceof MappedType.OptionalOf) {
      return CodeBlock.of("$T.empty()", Optional.class);
    }
    return CodeBlock.of("null");
  }

  /** Every enum the type uses, in the order first met. */
  private static Map<TypeRef, MappedType.EnumOf> enums(CompositeType composite) {
    Map<TypeRef, MappedType.EnumOf> enums = new LinkedHashMap<>();
    for (MappedProperty property : composite.properties()) {
      for (MappedType t = property.type(); t != null; t = MappedType.inner(t)) {
        if (t instanceof MappedType.EnumOf e) {
          enums.putIfAbsent(e.type(), e);
        }
      }
    }
    return enums;
  }

  /** One private reader per enum type, named after the enum as in the mapper. */
  private static Map<TypeRef, String> enumReaders(Map<TypeRef, MappedType.EnumOf> enums) {
    Map<TypeRef, String> readers = new LinkedHashMap<>();
    for (TypeRef type : enums.keySet()) {
      String name = "read" + String.join("_", type.simpleNames());
      while (readers.containsValue(name)) {
        name = name + "_";
      }
      readers.put(type, name);
    }
    return readers;
  }

  private static MethodSpec enumReader(MappedType.EnumOf enumOf, String name) {
    TypeRef type = enumOf.type();
    ClassName enumClass = MapperGenerator.className(type);
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(enumClass)
        .addParameter(JSON_PARSER, "parser")
        .addParameter(PATH, "path")
        .addException(IOException.class)
        .addStatement("String name = $T.readEnumName(parser, path, $S)", JSON_VALUES,
            type.displayName())
        .beginControlFlow("if (name == null)")
        .addStatement("return null")
        .endControlFlow();
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (name) {\n").indent();
    for (String constant : enumOf.constants()) {
      cases.addStatement("case $S -> $T.$L", constant, enumClass, constant);
    }
    cases.addStatement("default -> throw $T.unknownConstant(path, $S, $S, name)", JSON_VALUES,
            type.displayName(), String.join(", ", enumOf.constants()))
        .unindent()
        .add("};\n");
    return method.addCode(cases.build()).build();
  }
}
