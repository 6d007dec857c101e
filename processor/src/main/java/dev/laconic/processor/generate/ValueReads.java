package dev.laconic.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.laconic.processor.model.MappedType;
import dev.laconic.processor.model.TypeRef;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The expression that reads one mapped value, for the attribute mappers and the JSON readers
 * alike: a scalar with its run-time reader ({@code ItemJson}, {@code EnhancedJson} or
 * {@code JsonValues}, which name their methods after {@code ScalarKind.reader()}), an enum with
 * the generated class's own enum reader, an Enhanced Client converted value with the readers'
 * {@code converted} and the generated class's converter field, a nested type with its own
 * generated class, a collection with the run-time reader and an element reader, an
 * {@code Optional} around the value read.
 */
final class ValueReads {

  private final ClassName readers;
  private final ClassName generated;
  private final Function<TypeRef, ClassName> nested;
  private final String valueName;
  private final Map<TypeRef, String> enumReaders;
  private final Function<MappedType, String> converters;

  /**
   * @param readers the run-time class with the scalar and collection readers
   * @param generated the class being generated, which holds the enum readers
   * @param nested the generated class that reads a nested type
   * @param valueName the name of the read value's parameter in element lambdas
   * @param enumReaders the generated enum reader of each enum type, by type
   */
  ValueReads(ClassName readers, ClassName generated, Function<TypeRef, ClassName> nested,
      String valueName, Map<TypeRef, String> enumReaders) {
    this(readers, generated, nested, valueName, enumReaders, type -> {
      throw new IllegalArgumentException("no converter for " + type);
    });
  }

  /**
   * @param converters the generated class's field holding the converter of a
   *     {@code Converted} or {@code ProviderConverted} value, which the readers' {@code converted}
   *     method applies
   */
  ValueReads(ClassName readers, ClassName generated, Function<TypeRef, ClassName> nested,
      String valueName, Map<TypeRef, String> enumReaders,
      Function<MappedType, String> converters) {
    this.readers = readers;
    this.generated = generated;
    this.nested = nested;
    this.valueName = valueName;
    this.enumReaders = enumReaders;
    this.converters = converters;
  }

  /** Reads {@code value} of {@code type}, found at {@code path}. */
  CodeBlock read(MappedType type, CodeBlock value, CodeBlock path) {
    return read(type, value, path, 1);
  }

  private CodeBlock read(MappedType type, CodeBlock value, CodeBlock path, int depth) {
    if (type instanceof MappedType.Scalar scalar) {
      return CodeBlock.of("$T.$L($L, $L)", readers, scalar.kind().reader(), value, path);
    } else if (type instanceof MappedType.EnumOf e) {
      return CodeBlock.of("$L($L, $L)", enumReaders.get(e.type()), value, path);
    } else if (type instanceof MappedType.Composite composite) {
      return CodeBlock.of("$T.read($L, $L)", nested.apply(composite.type()), value, path);
    } else if (type instanceof MappedType.ListOf list) {
      return CodeBlock.of("$T.readList($L, $L, $L)", readers, value, path,
          reader(list.element(), depth));
    } else if (type instanceof MappedType.SetOf set) {
      return CodeBlock.of("$T.readSet($L, $L, $L)", readers, value, path,
          reader(set.element(), depth));
    } else if (type instanceof MappedType.MapOf map) {
      return CodeBlock.of("$T.readMap($L, $L, $L)", readers, value, path,
          reader(map.value(), depth));
    } else if (type instanceof MappedType.OptionalOf optional) {
      return CodeBlock.of("$T.ofNullable($L)", Optional.class,
          read(optional.value(), value, path, depth));
    } else if (type instanceof MappedType.Converted
        || type instanceof MappedType.ProviderConverted) {
      return CodeBlock.of("$T.converted($L, $L, $L)", readers, value, path,
          converters.apply(type));
    }
    throw new IllegalArgumentException("unknown mapped type " + type);
  }

  /** A reader for collection elements: a method reference where one exists, else a lambda. */
  private CodeBlock reader(MappedType type, int depth) {
    if (type instanceof MappedType.Scalar scalar) {
      return CodeBlock.of("$T::$L", readers, scalar.kind().reader());
    } else if (type instanceof MappedType.EnumOf e) {
      return CodeBlock.of("$T::$L", generated, enumReaders.get(e.type()));
    } else if (type instanceof MappedType.Composite composite) {
      return CodeBlock.of("$T::read", nested.apply(composite.type()));
    }
    // Nested lambdas cannot reuse their parameters' names (nor the locals around them), hence
    // the depth in them.
    String value = valueName + depth;
    String path = "path" + depth;
    return CodeBlock.of("($L, $L) -> $L", value, path,
        read(type, CodeBlock.of("$L", value), CodeBlock.of("$L", path), depth + 1));
  }
}
