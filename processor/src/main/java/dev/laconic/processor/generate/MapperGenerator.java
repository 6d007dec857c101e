package dev.laconic.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.MappedProperty;
import dev.laconic.processor.model.MappedType;
import dev.laconic.processor.model.ScalarKind;
import dev.laconic.processor.model.TypeRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Builds the mapper of one record or class: plain code that streams over an item's JSON, as the
 * event carries it, reads each attribute with the reader for its Java type and calls the
 * constructor, the setters or the builder. No reflection, no {@code Map<String, AttributeValue>}
 * and no {@code AttributeValue} on the way: every attribute name, reader and enum constant is
 * spelled out, so the JIT sees straight-line code.
 *
 * <p>{@code readImage} is the loop: a {@code switch} on each attribute's name into a local, then
 * the instance. It keeps the rules of mapping an attribute map one property after the other
 * ({@code dev.laconic.stream.ItemJson} says how): of a repeated attribute the last counts, and of
 * several that fail, the first property in declaration order is reported. A Laconic type's
 * primitive parameter fails when its attribute is missing; a JavaBean's setter is called for the
 * attributes present only.
 *
 * <p>An Enhanced Client type ({@link CompositeType.Conventions#ENHANCED_CLIENT}) is read by
 * {@code dev.laconic.enhanced.EnhancedJson}, as the SDK's {@code TableSchema} maps it: a
 * {@code NULL} attribute counts as absent (no setter call); an item none of whose attributes is
 * present maps to null, unless the property holding it preserves empty objects; a flattened
 * property's attributes are read from the same item, its object created only when one of them is
 * present; converters sit in fields of the mapper, created once. Any value but NULL counts as
 * present, even one that maps to null (a nested item none of whose attributes is present); a
 * setter is called for a value that maps to something, as the SDK calls it.
 *
 * <p>The mapper is public and reusable: {@code fromImage} maps an item image given as a map,
 * {@code fromNewImage} and {@code toChange} map stream records (from the event's bytes when the
 * record was read by Laconic, which never builds the images' maps then), {@code read} maps a
 * nested M value. A map, such as a hand-built record's, is written as the JSON DynamoDB sends and
 * read by the same loop, so there is one set of mapping rules.
 */
public final class MapperGenerator {

  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events";
  private static final ClassName ATTRIBUTE_VALUE =
      ClassName.get(EVENTS + ".models.dynamodb", "AttributeValue");
  private static final ClassName RECORD =
      ClassName.get(EVENTS, "DynamodbEvent").nestedClass("DynamodbStreamRecord");
  private static final String STREAM = "dev.laconic.stream";
  private static final ClassName ITEM_JSON = ClassName.get(STREAM, "ItemJson");
  private static final ClassName ATTRIBUTES = ClassName.get(STREAM, "Attributes");
  private static final ClassName ENHANCED_JSON = ClassName.get("dev.laconic.enhanced",
      "EnhancedJson");
  private static final ClassName PATH = ClassName.get(STREAM, "AttributePath");
  private static final ClassName MAPPING_EXCEPTION = ClassName.get(STREAM, "MappingException");
  private static final ClassName STREAM_CHANGE = ClassName.get(STREAM, "StreamChange");
  private static final ClassName STREAM_RECORDS = ClassName.get(STREAM, "StreamRecords");
  private static final ClassName JSON_PARSER =
      ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  private static final ClassName JSON_CONTEXT =
      ClassName.get("com.fasterxml.jackson.core", "JsonStreamContext");
  private static final ClassName ATTRIBUTE_CONVERTER = ClassName.get(
      "software.amazon.awssdk.enhanced.dynamodb", "AttributeConverter");
  private static final ClassName ENHANCED_TYPE = ClassName.get(
      "software.amazon.awssdk.enhanced.dynamodb", "EnhancedType");
  private static final TypeName IMAGE = ParameterizedTypeName.get(
      ClassName.get(Map.class), ClassName.get(String.class), ATTRIBUTE_VALUE);

  /**
   * Names the read method's expressions start with, which a local of the same name would hide
   * (JLS 6.5.2): the classes, and the first part of their packages.
   */
  private static final List<String> REFERENCED =
      List.of("ItemJson", "EnhancedJson", "Optional", "java", "dev", "software", "com");

  private final List<AnnotationSpec> generated;

  /** @param generated the annotations that mark mappers as generated */
  public MapperGenerator(List<AnnotationSpec> generated) {
    this.generated = generated;
  }

  /** The mapper class of {@code type}: {@code OrderStreamMapper} beside {@code Order}. */
  public static ClassName mapperName(TypeRef type) {
    return ClassName.get(type.packageName(), type.mapperSimpleName());
  }

  /** The Java class of {@code type}. */
  static ClassName className(TypeRef type) {
    List<String> names = type.simpleNames();
    return ClassName.get(type.packageName(), names.get(0),
        names.subList(1, names.size()).toArray(String[]::new));
  }

  /** The mapper's source file, for a type with no flattened properties. */
  public JavaFile generate(CompositeType composite) {
    return generate(composite, List.of(composite));
  }

  /**
   * The mapper's source file.
   *
   * @param known the types a flattened property of {@code composite} may name
   */
  public JavaFile generate(CompositeType composite, List<CompositeType> known) {
    Map<TypeRef, CompositeType> types = new LinkedHashMap<>();
    known.forEach(type -> types.putIfAbsent(type.type(), type));
    ClassName target = className(composite.type());
    ClassName mapper = mapperName(composite.type());
    boolean enhanced = composite.conventions() == CompositeType.Conventions.ENHANCED_CLIENT;
    Level level = new Level(composite, types, new int[1]);
    Map<TypeRef, MappedType.EnumOf> enums = new LinkedHashMap<>();
    Map<Object, String> converters = new LinkedHashMap<>();
    List<FieldSpec> converterFields = new ArrayList<>();
    level.collect(enums, converters, converterFields);
    Map<TypeRef, String> enumReaders = enumReaders(enums);

    TypeSpec.Builder type = TypeSpec.classBuilder(mapper)
        .addJavadoc("Maps DynamoDB items to {@link $T}, generated by Laconic from its declaration.\n",
            target)
        .addJavadoc("Do not edit: it is written anew on every build.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addFields(converterFields)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(fromImage(composite, target, mapper))
        .addMethod(fromNewImage(composite, target, mapper))
        .addMethod(toChange(composite, target, mapper, keys(composite) != null))
        .addMethod(fromAttributes(target, mapper))
        .addMethod(readValue(composite, target))
        .addMethod(read(composite, target, mapper));
    if (enhanced) {
      type.addMethod(MethodSpec.methodBuilder("readImage")
          .addJavadoc("Reads an item image, or the map of an M value, at the parser's current"
              + " token; JSON\n{@code null}, and an item none of whose attributes is present,"
              + " give null.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(target)
          .addParameter(JSON_PARSER, "parser")
          .addParameter(PATH, "path")
          .addException(IOException.class)
          .addStatement("return readImage(parser, path, false)")
          .build());
    }
    type.addMethod(readImage(level, target, mapper, enumReaders, converters, enhanced,
        "readImage"));
    CompositeType keys = keys(composite);
    if (keys != null) {
      type.addMethod(MethodSpec.methodBuilder("readKey")
          .addJavadoc("Reads a record's {@code Keys} at the parser's current token: an instance"
              + " with only its key\nproperties set; JSON {@code null} gives null.\n")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(target)
          .addParameter(JSON_PARSER, "parser")
          .addParameter(PATH, "path")
          .addException(IOException.class)
          .addStatement("return readKey(parser, path, false)")
          .build());
      type.addMethod(readImage(new Level(keys, types, new int[1]), target, mapper, enumReaders,
          converters, enhanced, "readKey"));
    }
    type.addAnnotations(generated);
    if (composite.origin().element() != null) {
      type.addOriginatingElement(composite.origin().element());
    }
    for (Map.Entry<TypeRef, String> reader : enumReaders.entrySet()) {
      type.addMethod(enumReader(enums.get(reader.getKey()), reader.getValue(),
          enhanced ? ENHANCED_JSON : ITEM_JSON, enhanced));
    }
    return JavaFile.builder(composite.type().packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  private static CodeBlock root(CompositeType composite) {
    return CodeBlock.of("$T.root($S)", PATH, composite.type().pathRoot());
  }

  private static MethodSpec fromImage(CompositeType composite, ClassName target,
      ClassName mapper) {
    return MethodSpec.methodBuilder("fromImage")
        .addJavadoc("Maps an item image, such as a stream record's {@code NewImage}; null gives"
            + " null.\n\n@throws $T when an attribute does not fit its Java type\n",
            MAPPING_EXCEPTION)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(target)
        .addParameter(IMAGE, "image")
        .addStatement("return $T.fromAttributes(image, $L, $T::readImage)", ITEM_JSON,
            root(composite), mapper)
        .build();
  }

  private static MethodSpec fromNewImage(CompositeType composite, ClassName target,
      ClassName mapper) {
    return MethodSpec.methodBuilder("fromNewImage")
        .addJavadoc("Maps the {@code NewImage} of a stream record; a record without one fails.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(target)
        .addParameter(RECORD, "record")
        .addStatement("return $T.newImage(record, $L, $T::readImage)", STREAM_RECORDS,
            root(composite), mapper)
        .build();
  }

  private static MethodSpec toChange(CompositeType composite, ClassName target,
      ClassName mapper, boolean keys) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toChange")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(STREAM_CHANGE, target))
        .addParameter(RECORD, "record");
    if (keys) {
      return method.addJavadoc("Maps a stream record, both images and its keys, to a {@link $T}.\n",
              STREAM_CHANGE)
          .addStatement("return $T.change(record, $L, $T::readImage, $T::readKey)",
              STREAM_RECORDS, root(composite), mapper, mapper)
          .build();
    }
    return method.addJavadoc("Maps a stream record, both images, to a {@link $T}.\n",
            STREAM_CHANGE)
        .addStatement("return $T.change(record, $L, $T::readImage)", STREAM_RECORDS,
            root(composite), mapper)
        .build();
  }

  /**
   * The key properties of an Enhanced Client type that declares them, as a type of its own
   * (what {@code readKey} reads); null for other types.
   */
  private static CompositeType keys(CompositeType composite) {
    if (composite.conventions() != CompositeType.Conventions.ENHANCED_CLIENT) {
      return null;
    }
    List<MappedProperty> keys = composite.properties().stream()
        .filter(p -> p.key() != MappedProperty.Key.NONE && !p.flattened() && !p.ignored())
        .toList();
    return keys.isEmpty() ? null : new CompositeType(composite.type(), composite.conventions(),
        composite.creation(), composite.builder(), composite.converterProviders(), keys,
        composite.declaresExceptions(), composite.origin());
  }

  private static MethodSpec fromAttributes(ClassName target, ClassName mapper) {
    return MethodSpec.methodBuilder("fromAttributes")
        .addJavadoc("Maps the attributes of an item or M value found at {@code path}.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(target)
        .addParameter(IMAGE, "attributes")
        .addParameter(PATH, "path")
        .addStatement("return $T.fromAttributes(attributes, path, $T::readImage)", ITEM_JSON,
            mapper)
        .build();
  }

  private static MethodSpec readValue(CompositeType composite, ClassName target) {
    return MethodSpec.methodBuilder("read")
        .addJavadoc("Maps an M attribute at {@code path}; a missing or NULL one gives null.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(target)
        .addParameter(ATTRIBUTE_VALUE, "value")
        .addParameter(PATH, "path")
        .addStatement("return fromAttributes($T.readItem(value, path, $S), path)", ATTRIBUTES,
            composite.type().displayName())
        .build();
  }

  private static MethodSpec read(CompositeType composite, ClassName target, ClassName mapper) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("read")
        .addJavadoc("Maps an M attribute at the parser's current token, found at {@code path}; a"
            + " missing or\nNULL one gives null. Leaves the parser on the value's last token.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(target)
        .addParameter(JSON_PARSER, "parser")
        .addParameter(PATH, "path")
        .addException(IOException.class);
    if (composite.conventions() == CompositeType.Conventions.ENHANCED_CLIENT) {
      // As the SDK's document converter: a value that is not an M maps as an empty map.
      return method.addStatement("return $T.readDocument(parser, path, $T::readImage)",
              ENHANCED_JSON, mapper)
          .build();
    }
    return method.addStatement("return $T.readItem(parser, path, $S, $T::readImage)", ITEM_JSON,
            composite.type().displayName(), mapper)
        .build();
  }

  // ---- the loop ------------------------------------------------------------------------------

  /**
   * One type whose attributes the loop reads: the mapped type, and the type of each flattened
   * property in it, whose attributes sit in the same item.
   */
  private static final class Level {
    final CompositeType type;
    final List<Slot> slots = new ArrayList<>();

    Level(CompositeType type, Map<TypeRef, CompositeType> types, int[] next) {
      this.type = type;
      for (MappedProperty property : type.properties()) {
        Slot slot = new Slot(property);
        if (!property.ignored()) {
          if (property.flattened()) {
            TypeRef flattened = ((MappedType.Composite) property.type()).type();
            CompositeType nested = types.get(flattened);
            if (nested == null) {
              throw new IllegalArgumentException("no model of flattened " + flattened);
            }
            slot.flattened = new Level(nested, types, next);
          } else {
            slot.index = next[0]++;
          }
        }
        slots.add(slot);
      }
    }

    /** Every slot read by the loop, this level's and its flattened levels', in order. */
    void read(List<Slot> into) {
      for (Slot slot : slots) {
        if (slot.flattened != null) {
          slot.flattened.read(into);
        } else if (!slot.property.ignored()) {
          into.add(slot);
        }
      }
    }

    boolean declaresExceptions() {
      boolean declares = type.declaresExceptions();
      for (Slot slot : slots) {
        declares |= slot.flattened != null && slot.flattened.declaresExceptions();
      }
      return declares;
    }

    void collect(Map<TypeRef, MappedType.EnumOf> enums, Map<Object, String> converters,
        List<FieldSpec> fields) {
      for (Slot slot : slots) {
        if (slot.flattened != null) {
          slot.flattened.collect(enums, converters, fields);
          continue;
        }
        if (slot.property.ignored()) {
          continue;
        }
        for (MappedType t = slot.property.type(); t != null; t = MappedType.inner(t)) {
          if (t instanceof MappedType.EnumOf e) {
            enums.putIfAbsent(e.type(), e);
          } else if (t instanceof MappedType.Converted converted
              && !converters.containsKey(converted)) {
            String name = unique(converters, "CONVERTER_"
                + String.join("_", converted.converter().simpleNames()).toUpperCase());
            converters.put(converted, name);
            ClassName converter = className(converted.converter());
            // Typed by the property, not the converter class: a generic converter class
            // (ListConverter<T> for List<String>) is created raw, and its values must still
            // come out as the property's type.
            fields.add(FieldSpec.builder(ParameterizedTypeName.get(ATTRIBUTE_CONVERTER,
                        typeName(converted.javaType()).box()), name, Modifier.PRIVATE,
                    Modifier.STATIC, Modifier.FINAL)
                .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "{$S, $S}", "rawtypes", "unchecked").build())
                .initializer("new $T()", converter)
                .build());
          } else if (t instanceof MappedType.ProviderConverted provided) {
            List<Object> key = List.of(provided, type.converterProviders());
            if (!converters.containsKey(key)) {
              String name = unique(converters, "CONVERTER_OF_"
                  + provided.javaType().replaceAll("[^A-Za-z0-9]+", "_").toUpperCase());
              converters.put(key, name);
              TypeName javaType = typeName(provided.javaType());
              // A generic type (a class naming its own providers, with a List<String>) is
              // asked for as the SDK asks: as the full type, captured by a type token.
              CodeBlock.Builder initializer = CodeBlock.builder().add(
                  javaType instanceof ParameterizedTypeName
                      ? "$T.providerConverter(new $T<$T>() {}" : "$T.providerConverter($T.of($T.class)",
                  ENHANCED_JSON, ENHANCED_TYPE, javaType);
              for (TypeRef provider : type.converterProviders()) {
                initializer.add(", new $T()", className(provider));
              }
              fields.add(FieldSpec.builder(
                      ParameterizedTypeName.get(ATTRIBUTE_CONVERTER, javaType.box()), name,
                      Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                  .initializer(initializer.add(")").build())
                  .build());
            }
          }
        }
      }
    }

    /** The converter field of a value of {@code this} level's type. */
    Object converterKey(MappedType type) {
      return type instanceof MappedType.ProviderConverted
          ? List.of(type, this.type.converterProviders()) : type;
    }
  }

  private static String unique(Map<Object, String> names, String name) {
    String unique = name;
    while (names.containsValue(unique)) {
      unique = unique + "_";
    }
    return unique;
  }

  /** One property of a level: read by the loop into a local, or a flattened level. */
  private static final class Slot {
    final MappedProperty property;
    int index = -1;
    Level flattened;
    String local;
    String has;

    Slot(MappedProperty property) {
      this.property = property;
    }
  }

  /**
   * The loop: a local per attribute (and a flag where its presence matters), set as its field
   * goes by, a failure kept per property until the item ends; then the failures in declaration
   * order; then the instance.
   */
  private static MethodSpec readImage(Level level, ClassName target, ClassName mapper,
      Map<TypeRef, String> enumReaders, Map<Object, String> converters, boolean enhanced,
      String name) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(name.equals("readKey") ? Modifier.PRIVATE : Modifier.PUBLIC,
            Modifier.STATIC)
        .returns(target)
        .addParameter(JSON_PARSER, "parser")
        .addParameter(PATH, "path");
    if (name.equals("readKey")) {
      method.addJavadoc("Reads the key properties only.\n")
          .addParameter(TypeName.BOOLEAN, "preserveEmpty");
    } else if (enhanced) {
      method.addJavadoc("Reads an item image, or the map of an M value, at the parser's current"
              + " token; JSON\n{@code null} gives null, and so does an item none of whose"
              + " attributes is present,\nunless {@code preserveEmpty}. Leaves the parser on the"
              + " item's last token.\n\n@throws $T when an attribute does not fit its Java type\n",
              MAPPING_EXCEPTION)
          .addParameter(TypeName.BOOLEAN, "preserveEmpty");
    } else {
      method.addJavadoc("Reads an item image, or the map of an M value, at the parser's current"
          + " token;\nJSON {@code null} gives null. Leaves the parser on the item's last"
          + " token.\n\n@throws $T when an attribute does not fit its Java type\n",
          MAPPING_EXCEPTION);
    }
    method.addException(IOException.class)
        .beginControlFlow("if (!$T.startItem(parser))", ITEM_JSON)
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T item = parser.getParsingContext()", JSON_CONTEXT);

    List<Slot> read = new ArrayList<>();
    level.read(read);
    NameAllocator names = names(level, read);
    boolean constructor = level.type.creation() == CompositeType.Creation.CONSTRUCTOR;
    for (Slot slot : read) {
      MappedType type = localType(slot.property.type(), enhanced);
      slot.local = names.newName(slot.property.javaName(), slot);
      method.addStatement("$T $L = $L", typeName(type), slot.local, initialValue(type));
      if (enhanced || !constructor || isPrimitive(type)) {
        slot.has = names.newName("has" + capitalize(slot.property.javaName()), List.of(slot));
        method.addStatement("boolean $L = false", slot.has);
      }
    }
    method.addStatement("$T[] failures = null", MAPPING_EXCEPTION);
    if (enhanced && read.stream().anyMatch(slot -> !slot.property.ignored()
        && slot.property.type() instanceof MappedType.Composite)) {
      method.addStatement("boolean[] present = new boolean[1]");
    }

    method.beginControlFlow(
            "for (String field = parser.nextFieldName(); field != null;"
                + " field = parser.nextFieldName())")
        .addStatement("parser.nextToken()")
        .addStatement("int at = -1")
        .beginControlFlow("try")
        .beginControlFlow("switch (field)");
    Map<String, Slot> byName = new LinkedHashMap<>();
    for (Slot slot : read) {
      // Two properties of one name (a flattened one's and its parent's): the SDK refuses such
      // a schema; the first is read.
      byName.putIfAbsent(slot.property.attributeName(), slot);
    }
    for (Slot slot : byName.values()) {
      MappedProperty property = slot.property;
      Level owner = owner(level, slot);
      ValueReads reads = new ValueReads(enhanced ? ENHANCED_JSON : ITEM_JSON, mapper,
          MapperGenerator::mapperName, "parser", enumReaders,
          type -> converters.get(owner.converterKey(type)));
      CodeBlock path = CodeBlock.of("path.child($S)", property.attributeName());
      method.beginControlFlow("case $S ->", property.attributeName())
          .addStatement("at = $L", slot.index);
      if (enhanced && !(property.type() instanceof MappedType.Composite)) {
        // As the SDK: a NULL attribute is skipped before any converter sees it (some would
        // fail on it) and is not present; any other value is, whatever it converts to.
        method.addStatement("$T attribute = $T.attribute(parser, $L)", JSON_PARSER,
                ENHANCED_JSON, path)
            .addStatement("$L = attribute != null", slot.has)
            .beginControlFlow("if ($L)", slot.has)
            .addStatement("$L = $L", slot.local, reads.read(localType(property.type(), enhanced),
                CodeBlock.of("attribute"), path))
            .endControlFlow();
      } else if (enhanced) {
        // A nested item is present unless NULL, whatever it maps to, as in the SDK.
        MappedType.Composite nested = (MappedType.Composite) property.type();
        method.addStatement("$L = $T.readDocument(parser, $L, $L, present)", slot.local,
                ENHANCED_JSON, path, property.preserveEmptyObject()
                    ? CodeBlock.of("(document, documentPath) -> $T.readImage(document,"
                        + " documentPath, true)", mapperName(nested.type()))
                    : CodeBlock.of("$T::readImage", mapperName(nested.type())))
            .addStatement("$L = present[0]", slot.has);
      } else {
        if (slot.has != null) {
          // Present even when its value fails: a missing primitive is another failure.
          method.addStatement("$L = true", slot.has);
        }
        method.addStatement("$L = $L", slot.local,
            reads.read(property.type(), CodeBlock.of("parser"), path));
      }
      method.endControlFlow();
    }
    if (enhanced) {
      // The events transformer converts the whole image first: what it cannot convert fails
      // the record even where no property reads it.
      method.addStatement("default -> $T.skip(parser, path.child(field))", ENHANCED_JSON);
    } else {
      method.addStatement("default -> parser.skipChildren()");
    }
    method
        .endControlFlow()
        .beginControlFlow("if (failures != null && at >= 0)")
        .addComment("A later value of the attribute replaces one that failed.")
        .addStatement("failures[at] = null")
        .endControlFlow()
        .nextControlFlow("catch ($T e)", MAPPING_EXCEPTION)
        .addStatement("failures = $T.failed(parser, item, failures, $L, at, e)", ITEM_JSON,
            read.size())
        .endControlFlow()
        .endControlFlow();

    if (!enhanced && constructor) {
      for (Slot slot : read) {
        if (isPrimitive(slot.property.type())) {
          method.beginControlFlow("if (!$L)", slot.has)
              .addStatement("failures = $T.missing(failures, $L, $L, path.child($S), $S)",
                  ITEM_JSON, read.size(), slot.index, slot.property.attributeName(),
                  ((MappedType.Scalar) slot.property.type()).kind().javaType())
              .endControlFlow();
        }
      }
    }
    method.addStatement("$T.throwFirstFailure(failures)", ITEM_JSON);

    CodeBlock.Builder build = CodeBlock.builder();
    if (enhanced) {
      String result = create(build, level, names, true);
      build.addStatement("return $L", result);
    } else if (constructor) {
      List<CodeBlock> arguments = new ArrayList<>();
      for (Slot slot : level.slots) {
        arguments.add(slot.property.ignored()
            ? CodeBlock.of("$L", slot.property.defaultValue())
            : CodeBlock.of("$L", slot.local));
      }
      build.addStatement("return new $T(\n$L)", target, CodeBlock.join(arguments, ",\n"));
    } else {
      build.addStatement("$T result = new $T()", target, target);
      for (Slot slot : level.slots) {
        if (!slot.property.ignored()) {
          // A missing attribute leaves the property at its initial value, as JSON mappers do.
          build.beginControlFlow("if ($L)", slot.has)
              .addStatement("result.$L($L)", slot.property.setter(), slot.local)
              .endControlFlow();
        }
      }
      build.addStatement("return result");
    }
    if (level.declaresExceptions()) {
      // Only the constructor, setter and builder calls sit in the try: every value is read by
      // then, so an exception caught here is the type's own, never the parser's.
      method.beginControlFlow("try")
          .addCode(build.build())
          .nextControlFlow("catch ($T e)", RuntimeException.class)
          .addStatement("throw e")
          .nextControlFlow("catch ($T e)", Exception.class)
          .addStatement("throw new $T(path, $S + e, e)", MAPPING_EXCEPTION,
              "creating " + level.type.type().displayName() + " failed: ")
          .endControlFlow();
    } else {
      method.addCode(build.build());
    }
    return method.build();
  }

  /**
   * Creates the instance of an Enhanced Client level from the locals: its flattened levels first
   * (each only when one of its attributes is present), then the level itself, with a setter or
   * builder call per attribute present. Returns the expression holding the instance.
   */
  private static String create(CodeBlock.Builder code, Level level, NameAllocator names,
      boolean top) {
    List<String> present = new ArrayList<>();
    Map<Slot, String> flattened = new LinkedHashMap<>();
    for (Slot slot : level.slots) {
      if (slot.flattened != null) {
        List<Slot> inner = new ArrayList<>();
        slot.flattened.read(inner);
        String local = names.newName(slot.property.javaName(), List.of("flat", slot));
        ClassName type = className(slot.flattened.type.type());
        code.addStatement("$T $L = null", type, local);
        code.beginControlFlow("if ($L)", anyPresent(inner));
        String created = create(code, slot.flattened, names, false);
        code.addStatement("$L = $L", local, created);
        code.endControlFlow();
        flattened.put(slot, local);
        present.add(local + " != null");
      } else if (!slot.property.ignored()) {
        present.add(slot.has);
      }
    }
    if (top) {
      code.beginControlFlow("if (!preserveEmpty && !($L))",
          present.isEmpty() ? "false" : String.join(" || ", present))
          .add("// As the SDK's TableSchema: an item with no attribute present is no item.\n")
          .addStatement("return null")
          .endControlFlow();
    }
    CompositeType type = level.type;
    ClassName target = className(type.type());
    String instance = names.newName(type.type().pathRoot() + (top ? "" : "Flat"),
        List.of("instance", level));
    String builder = null;
    if (type.creation() == CompositeType.Creation.BUILDER) {
      CompositeType.Builder spec = type.builder();
      ClassName builderType = className(spec.type());
      builder = names.newName(instance + "Builder", List.of("builder", level));
      if (spec.factory() != null) {
        code.addStatement("$T $L = $T.$L()", builderType, builder, target, spec.factory());
      } else {
        code.addStatement("$T $L = new $T()", builderType, builder, builderType);
      }
    } else {
      code.addStatement("$T $L = new $T()", target, instance, target);
    }
    String receiver = builder != null ? builder : instance;
    for (Slot slot : level.slots) {
      if (slot.flattened != null) {
        String local = flattened.get(slot);
        code.beginControlFlow("if ($L != null)", local)
            .addStatement("$L.$L($L)", receiver, slot.property.setter(), local)
            .endControlFlow();
      } else if (!slot.property.ignored()) {
        // The SDK calls the setter for a present value that converts to something: a nested
        // item with nothing present keeps the property's own value.
        code.beginControlFlow("if ($L != null)", slot.local)
            .addStatement("$L.$L($L)", receiver, slot.property.setter(), slot.local)
            .endControlFlow();
      }
    }
    if (builder != null) {
      code.addStatement("$T $L = $L.$L()", target, instance, builder,
          type.builder().buildMethod());
    }
    return instance;
  }

  private static String anyPresent(List<Slot> slots) {
    if (slots.isEmpty()) {
      return "false";
    }
    List<String> flags = new ArrayList<>();
    slots.forEach(slot -> flags.add(slot.has));
    return String.join(" || ", flags);
  }

  /** The level that declares {@code slot}. */
  private static Level owner(Level level, Slot slot) {
    for (Slot s : level.slots) {
      if (s == slot) {
        return level;
      }
      if (s.flattened != null) {
        Level owner = owner(s.flattened, slot);
        if (owner != null) {
          return owner;
        }
      }
    }
    return null;
  }

  /**
   * The type a local holds: the property's, but for an Enhanced Client primitive its box, since
   * a NULL or missing attribute leaves the property alone rather than failing.
   */
  private static MappedType localType(MappedType type, boolean enhanced) {
    if (enhanced && type instanceof MappedType.Scalar scalar && scalar.kind().primitive()) {
      return new MappedType.Scalar(switch (scalar.kind()) {
        case BOOLEAN -> ScalarKind.BOOLEAN_BOX;
        case INT -> ScalarKind.INT_BOX;
        case LONG -> ScalarKind.LONG_BOX;
        case SHORT -> ScalarKind.SHORT_BOX;
        case BYTE -> ScalarKind.BYTE_BOX;
        case DOUBLE -> ScalarKind.DOUBLE_BOX;
        case FLOAT -> ScalarKind.FLOAT_BOX;
        default -> scalar.kind();
      });
    }
    return type;
  }

  /**
   * The names of the loop's locals, allocated so that none hides a parameter, the loop's
   * variables, a lambda's parameter, or a class the code names.
   */
  private static NameAllocator names(Level level, List<Slot> read) {
    Set<String> reserved = new LinkedHashSet<>(List.of("parser", "path", "preserveEmpty",
        "field", "item", "at", "failures", "result", "e", "attribute", "present", "document",
        "documentPath"));
    reserved.addAll(REFERENCED);
    reserveTypes(reserved, level);
    int depth = 0;
    for (Slot slot : read) {
      depth = Math.max(depth, depth(slot.property.type()));
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

  private static void reserveTypes(Set<String> reserved, Level level) {
    reserve(reserved, level.type.type());
    if (level.type.builder() != null) {
      reserve(reserved, level.type.builder().type());
    }
    level.type.converterProviders().forEach(provider -> reserve(reserved, provider));
    for (Slot slot : level.slots) {
      if (slot.flattened != null) {
        reserveTypes(reserved, slot.flattened);
      } else if (!slot.property.ignored()) {
        for (MappedType t = slot.property.type(); t != null; t = MappedType.inner(t)) {
          if (t instanceof MappedType.EnumOf e) {
            reserve(reserved, e.type());
          } else if (t instanceof MappedType.Composite nested) {
            reserve(reserved, nested.type());
          } else if (t instanceof MappedType.Converted converted) {
            reserve(reserved, converted.converter());
            reserveSource(reserved, converted.javaType());
          } else if (t instanceof MappedType.ProviderConverted provided) {
            reserveSource(reserved, provided.javaType());
          }
        }
      }
    }
  }

  /** Reserves the outermost class, its mapper, and the first part of its package. */
  private static void reserve(Set<String> reserved, TypeRef type) {
    reserved.add(type.simpleNames().get(0));
    reserved.add(type.mapperSimpleName());
    if (!type.packageName().isEmpty()) {
      reserved.add(type.packageName().split("\\.", 2)[0]);
    }
  }

  /** Reserves every name in a type written in source, such as {@code java.util.List<a.B>}. */
  private static void reserveSource(Set<String> reserved, String javaType) {
    for (String part : javaType.split("[^A-Za-z0-9_$]+")) {
      if (!part.isEmpty()) {
        reserved.add(part);
      }
    }
  }

  private static int depth(MappedType type) {
    int depth = 0;
    for (MappedType t = MappedType.inner(type); t != null; t = MappedType.inner(t)) {
      depth++;
    }
    return depth;
  }

  private static String capitalize(String name) {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  private static boolean isPrimitive(MappedType type) {
    return type instanceof MappedType.Scalar scalar && scalar.kind().primitive();
  }

  /** The Java type of a local holding {@code type}. */
  static TypeName typeName(MappedType type) {
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
      return className(e.type());
    } else if (type instanceof MappedType.Composite composite) {
      return className(composite.type());
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
    } else if (type instanceof MappedType.Converted converted) {
      return typeName(converted.javaType()).box();
    } else if (type instanceof MappedType.ProviderConverted provided) {
      return typeName(provided.javaType()).box();
    }
    throw new IllegalArgumentException("unknown mapped type " + type);
  }

  /**
   * A type as written in source, such as {@code java.util.Map<java.lang.String, a.B[]>} or
   * {@code int}: qualified names, type arguments, wildcards and arrays.
   */
  static TypeName typeName(String source) {
    int[] at = {0};
    TypeName type = parseType(source.replace(" ", ""), at);
    if (at[0] != source.replace(" ", "").length()) {
      throw new IllegalArgumentException("not a type: " + source);
    }
    return type;
  }

  private static TypeName parseType(String text, int[] at) {
    if (text.startsWith("?", at[0])) {
      at[0]++;
      if (text.startsWith("extends", at[0])) {
        at[0] += "extends".length();
        return WildcardTypeName.subtypeOf(parseType(text, at));
      }
      if (text.startsWith("super", at[0])) {
        at[0] += "super".length();
        return WildcardTypeName.supertypeOf(parseType(text, at));
      }
      return WildcardTypeName.subtypeOf(Object.class);
    }
    int start = at[0];
    while (at[0] < text.length()
        && (Character.isJavaIdentifierPart(text.charAt(at[0])) || text.charAt(at[0]) == '.')) {
      at[0]++;
    }
    String name = text.substring(start, at[0]);
    TypeName type = switch (name) {
      case "boolean" -> TypeName.BOOLEAN;
      case "byte" -> TypeName.BYTE;
      case "short" -> TypeName.SHORT;
      case "int" -> TypeName.INT;
      case "long" -> TypeName.LONG;
      case "char" -> TypeName.CHAR;
      case "float" -> TypeName.FLOAT;
      case "double" -> TypeName.DOUBLE;
      default -> ClassName.bestGuess(name);
    };
    if (text.startsWith("<", at[0])) {
      at[0]++;
      List<TypeName> arguments = new ArrayList<>();
      do {
        arguments.add(parseType(text, at));
      } while (text.startsWith(",", at[0]) && ++at[0] > 0);
      if (!text.startsWith(">", at[0])) {
        throw new IllegalArgumentException("not a type: " + text);
      }
      at[0]++;
      type = ParameterizedTypeName.get((ClassName) type, arguments.toArray(TypeName[]::new));
    }
    while (text.startsWith("[]", at[0])) {
      at[0] += 2;
      type = ArrayTypeName.of(type);
    }
    return type;
  }

  /** What a local holds before its attribute is read: the value of a missing attribute. */
  private static CodeBlock initialValue(MappedType type) {
    if (type instanceof MappedType.Scalar scalar && scalar.kind().primitive()) {
      return CodeBlock.of(scalar.kind() == ScalarKind.BOOLEAN ? "false" : "0");
    } else if (type instanceof MappedType.OptionalOf) {
      // Only the constructor of a Laconic type sees it unread: a missing Optional is empty.
      return CodeBlock.of("$T.empty()", Optional.class);
    }
    return CodeBlock.of("null");
  }

  // ---- enums ---------------------------------------------------------------------------------

  /** One private reader per enum type the type uses, named after the enum. */
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

  /**
   * The reader of one enum: by constant name for a Laconic type; by {@code toString()} for an
   * Enhanced Client type, as the SDK's {@code EnumAttributeConverter} reads it.
   */
  private static MethodSpec enumReader(MappedType.EnumOf enumOf, String name, ClassName readers,
      boolean byToString) {
    TypeRef type = enumOf.type();
    ClassName enumClass = className(type);
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(enumClass)
        .addParameter(JSON_PARSER, "parser")
        .addParameter(PATH, "path")
        .addException(IOException.class);
    if (byToString) {
      // The SDK's EnumAttributeConverter finds the constant by toString(); the reader gives an
      // enum this reader only when toString() is the constant's name (else the SDK's own
      // converter reads it, as ProviderConverted), so a switch on the names finds it.
      CodeBlock.Builder cases = CodeBlock.builder()
          .addStatement("String name = $T.readEnumString(parser, path)", readers)
          .add("return switch (name) {\n").indent();
      for (String constant : enumOf.constants()) {
        cases.addStatement("case $S -> $T.$L", constant, enumClass, constant);
      }
      cases.addStatement("default -> throw $T.unknownEnumString(path, name, $T.class)", readers,
              enumClass)
          .unindent()
          .add("};\n");
      return method.addCode(cases.build()).build();
    }
    method.addStatement("String name = $T.readEnumName(parser, path, $S)", readers,
            type.displayName())
        .beginControlFlow("if (name == null)")
        .addStatement("return null")
        .endControlFlow();
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (name) {\n").indent();
    for (String constant : enumOf.constants()) {
      cases.addStatement("case $S -> $T.$L", constant, enumClass, constant);
    }
    cases.addStatement("default -> throw $T.unknownConstant(path, $S, $S, name)", readers,
            type.displayName(), String.join(", ", enumOf.constants()))
        .unindent()
        .add("};\n");
    return method.addCode(cases.build()).build();
  }
}
