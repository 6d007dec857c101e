package dev.laconic.processor.parse;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.MappedProperty;
import dev.laconic.processor.model.MappedType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.BeanTableSchemaParams;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.ImmutableTableSchemaParams;

/**
 * The reader against the SDK itself: each class is compiled, read by {@link MappedTypeReader}
 * and given to the SDK's {@code BeanTableSchema} / {@code ImmutableTableSchema}. Where the reader
 * finds no problem the SDK must build the schema, with the same attribute names (in the same
 * order for beans) and the same partition key; where the reader reports one, the SDK must refuse
 * the class.
 */
class EnhancedClientSchemaDifferentialTest {

  private static final String PRELUDE = """
      package test;

      import java.time.*;
      import java.util.*;
      import software.amazon.awssdk.core.SdkBytes;
      import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;

      """;

  record Case(String name, String body) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> accepted() {
    return Stream.of(
        new Case("bean", """
            @DynamoDbBean
            public class Item extends Base {
              @DynamoDbPartitionKey @DynamoDbAttribute("pk")
              public String getId() { return null; }
              public void setId(String id) {}
              public boolean isActive() { return false; }
              public void setActive(boolean active) {}
              public Boolean getVip() { return null; }
              public void setVip(Boolean vip) {}
              public String getURL() { return null; }
              public void setURL(String url) {}
              @DynamoDbIgnore public String getSecret() { return null; }
              public void setSecret(String secret) {}
              public String getReadOnly() { return null; }
              public String getNick() { return null; }
              public Item setNick(String nick) { return this; }
              public LocalDate getBorn() { return null; }
              public void setBorn(LocalDate born) {}
              public SdkBytes getBlob() { return null; }
              public void setBlob(SdkBytes blob) {}
              public List<Inner> getInners() { return null; }
              public void setInners(List<Inner> inners) {}
              public Map<String, Set<Long>> getCounts() { return null; }
              public void setCounts(Map<String, Set<Long>> counts) {}
              @DynamoDbFlatten public Flat getFlat() { return null; }
              public void setFlat(Flat flat) {}
              @DynamoDbBean
              public static class Inner {
                public int getN() { return 0; }
                public void setN(int n) {}
              }
              @DynamoDbBean
              public static class Flat {
                public String getA() { return null; }
                public void setA(String a) {}
                public String getB() { return null; }
                public void setB(String b) {}
              }
            }
            """),
        new Case("immutable", """
            @DynamoDbImmutable(builder = Item.Builder.class)
            public final class Item {
              @DynamoDbPartitionKey public String id() { return null; }
              public boolean isPaid() { return false; }
              public Integer getQuantity() { return null; }
              @DynamoDbIgnore public String summary() { return null; }
              public Builder toBuilder() { return null; }
              @Override public String toString() { return "item"; }
              @DynamoDbFlatten public Flat flat() { return null; }
              public static Builder builder() { return new Builder(); }
              public static final class Builder {
                public Builder id(String id) { return this; }
                public Builder paid(boolean paid) { return this; }
                public void setQuantity(Integer quantity) {}
                public Builder flat(Flat flat) { return this; }
                public Item build() { return null; }
              }
              @DynamoDbBean
              public static class Flat {
                public String getA() { return null; }
                public void setA(String a) {}
              }
            }
            """),
        new Case("immutable built through an interface", """
            @DynamoDbImmutable(builder = Item.Builder.class)
            public final class Item {
              @DynamoDbPartitionKey @DynamoDbAttribute("pk") public String getId() { return null; }
              public Boolean isOpen() { return null; }
              public List<String> tags() { return null; }
              public static Builder builder() { return new Impl(); }
              public interface Builder {
                Builder id(String id);
                Builder open(Boolean open);
                Builder setTags(List<String> tags);
                Item build();
              }
              private static final class Impl implements Builder {
                public Builder id(String id) { return this; }
                public Builder open(Boolean open) { return this; }
                public Builder setTags(List<String> tags) { return this; }
                public Item build() { return null; }
              }
            }
            """),
        new Case("bean skipping by setter, by Transient and by having no setter", """
            @DynamoDbBean
            public class Item {
              @DynamoDbPartitionKey public UUID getId() { return null; }
              public void setId(UUID id) {}
              public String getHidden() { return null; }
              @DynamoDbIgnore public void setHidden(String hidden) {}
              @java.beans.Transient public String getCached() { return null; }
              public void setCached(String cached) {}
              public int getSize() { return 0; }
              public void setSize(long size) {}
              public Instant getAt() { return null; }
              public void setAt(Instant at) {}
            }
            """),
        new Case("recursive bean", """
            @DynamoDbBean
            public class Item {
              @DynamoDbPartitionKey public String getId() { return null; }
              public void setId(String id) {}
              public List<Item> getChildren() { return null; }
              public void setChildren(List<Item> children) {}
              public Map<String, Item> getByName() { return null; }
              public void setByName(Map<String, Item> byName) {}
            }
            """));
  }

  static Stream<Case> refused() {
    return Stream.of(
        new Case("bean without no-argument constructor", """
            @DynamoDbBean
            public class Item {
              public Item(String id) {}
              public String getId() { return null; }
              public void setId(String id) {}
            }
            """),
        new Case("builder without build", """
            @DynamoDbImmutable(builder = Item.Builder.class)
            public final class Item {
              public String id() { return null; }
              public static final class Builder {
                public Builder id(String id) { return this; }
              }
            }
            """),
        new Case("immutable method that is no getter", """
            @DynamoDbImmutable(builder = Item.Builder.class)
            public final class Item {
              public String id() { return null; }
              public void touch() {}
              public static final class Builder {
                public Builder id(String id) { return this; }
                public Item build() { return null; }
              }
            }
            """),
        new Case("getter without builder method", """
            @DynamoDbImmutable(builder = Item.Builder.class)
            public final class Item {
              public int count() { return 0; }
              public static final class Builder {
                public Builder count(long count) { return this; }
                public Item build() { return null; }
              }
            }
            """),
        new Case("builder method without getter", """
            @DynamoDbImmutable(builder = Item.Builder.class)
            public final class Item {
              public String id() { return null; }
              public static final class Builder {
                public Builder id(String id) { return this; }
                public Builder color(String color) { return this; }
                public Item build() { return null; }
              }
            }
            """),
        new Case("type without converter", """
            @DynamoDbBean
            public class Item {
              public Date getCreated() { return null; }
              public void setCreated(Date created) {}
            }
            """),
        new Case("Optional", """
            @DynamoDbBean
            public class Item {
              public Optional<String> getName() { return null; }
              public void setName(Optional<String> name) {}
            }
            """),
        new Case("plain class nested", """
            @DynamoDbBean
            public class Item {
              public Plain getPlain() { return null; }
              public void setPlain(Plain plain) {}
              public static class Plain {
                public String getA() { return null; }
                public void setA(String a) {}
              }
            }
            """),
        new Case("set of beans", """
            @DynamoDbBean
            public class Item {
              public Set<Inner> getInners() { return null; }
              public void setInners(Set<Inner> inners) {}
              @DynamoDbBean
              public static class Inner {
                public int getN() { return 0; }
                public void setN(int n) {}
              }
            }
            """),
        new Case("two attributes of one name through flatten", """
            @DynamoDbBean
            public class Item {
              public String getA() { return null; }
              public void setA(String a) {}
              @DynamoDbFlatten public Flat getFlat() { return null; }
              public void setFlat(Flat flat) {}
              @DynamoDbBean
              public static class Flat {
                public String getA() { return null; }
                public void setA(String a) {}
              }
            }
            """),
        new Case("flatten of a plain class", """
            @DynamoDbBean
            public class Item {
              @DynamoDbFlatten public Plain getPlain() { return null; }
              public void setPlain(Plain plain) {}
              public static class Plain {
                public String getA() { return null; }
                public void setA(String a) {}
              }
            }
            """),
        new Case("boolean key", """
            @DynamoDbBean
            public class Item {
              @DynamoDbPartitionKey public boolean isDone() { return false; }
              public void setDone(boolean done) {}
            }
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void whatTheReaderAcceptsTheSdkMapsAlike(Case c) throws Exception {
    Reading reading = compile(c);
    assertTrue(reading.problems.isClean(), () -> reading.problems.items().toString());
    assertNotNull(reading.read);
    Map<String, CompositeType> byName = new HashMap<>();
    reading.read.forEach(t -> byName.put(t.type().qualifiedName(), t));
    CompositeType item = byName.get("test.Item");
    TableSchema<?> schema = schema(reading.loader.loadClass("test.Item"));
    List<String> names = new ArrayList<>();
    attributeNames(item, byName, names);
    if (item.creation() == CompositeType.Creation.SETTERS) {
      assertEquals(names, schema.attributeNames());
    } else {
      assertEquals(Set.copyOf(names), Set.copyOf(schema.attributeNames()));
    }
    String partitionKey = item.properties().stream()
        .filter(p -> p.key() == MappedProperty.Key.PARTITION)
        .map(MappedProperty::attributeName).findFirst().orElseThrow();
    assertEquals(schema.tableMetadata().primaryPartitionKey(), partitionKey);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void whatTheReaderRefusesTheSdkRefuses(Case c) throws Exception {
    Reading reading = compile(c);
    boolean validated = reading.read != null && reading.read.stream()
        .map(t -> validate(t, reading.read)).allMatch(ValidationReport::isClean);
    assertTrue(!reading.problems.isClean() || !validated, "the reader accepts " + c);
    Class<?> type = reading.loader.loadClass("test.Item");
    RuntimeException refusal = assertThrows(RuntimeException.class, () -> schema(type));
    // Refused for what the class is, not for how the test loads it.
    assertFalse(String.valueOf(refusal.getMessage()).contains("method handle"),
        refusal::toString);
  }

  private static ValidationReport validate(CompositeType type, List<CompositeType> all) {
    // The attribute-name check lives in validate; run it as the pipeline does.
    Map<String, CompositeType> byName = new HashMap<>();
    all.forEach(t -> byName.put(t.type().qualifiedName(), t));
    try {
      var method = Class.forName("dev.laconic.processor.validate.CompositeTypeValidator")
          .getDeclaredMethod("validate", CompositeType.class, Map.class);
      method.setAccessible(true);
      return (ValidationReport) method.invoke(null, type, byName);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The attribute names as the SDK lists them: the type's own, then its flattened members'. */
  private static void attributeNames(CompositeType type, Map<String, CompositeType> all,
      List<String> out) {
    for (MappedProperty property : type.properties()) {
      if (!property.ignored() && !property.flattened()) {
        out.add(property.attributeName());
      }
    }
    for (MappedProperty property : type.properties()) {
      if (property.flattened() && property.type() instanceof MappedType.Composite nested) {
        attributeNames(all.get(nested.type().qualifiedName()), all, out);
      }
    }
  }

  private static TableSchema<?> schema(Class<?> type) throws ReflectiveOperationException {
    MethodHandles.Lookup lookup = (MethodHandles.Lookup) type.getMethod("lookup").invoke(null);
    return type.getAnnotation(
        software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable.class)
        != null
        ? ImmutableTableSchema.create(ImmutableTableSchemaParams.builder(type).lookup(lookup)
            .build())
        : BeanTableSchema.create(BeanTableSchemaParams.builder(type).lookup(lookup).build());
  }

  /** A superclass for inherited properties. */
  private static final JavaFileObject BASE = JavaFileObjects.forSourceString("test.Base", """
      package test;

      public class Base {
        public String getRegion() { return null; }
        public void setRegion(String region) {}
      }
      """);

  private static Reading compile(Case c) {
    Reading reading = new Reading();
    // The SDK makes lambdas of the class's methods, which needs a lookup with full privileges in
    // the class's own loader: the class hands it out (a static method, which the SDK ignores).
    String body = c.body().replaceFirst("\\{", "{\n  public static java.lang.invoke.MethodHandles"
        + ".Lookup lookup() { return java.lang.invoke.MethodHandles.lookup(); }\n");
    JavaFileObject source = JavaFileObjects.forSourceString("test.Item", PRELUDE + body);
    Compilation compilation = Compiler.javac().withOptions("--release", "17")
        .withProcessors(reading).compile(source, BASE);
    assertThat(compilation).succeeded();
    reading.loader = new Loaded(compilation);
    return reading;
  }

  /** Reads test.Item as a DynamoDB item image. */
  private static final class Reading extends AbstractProcessor {
    List<CompositeType> read;
    ValidationReport problems;
    ClassLoader loader;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (problems == null) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement("test.Item");
        ValidationReport.Builder found = ValidationReport.builder();
        read = new MappedTypeReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
            new HashMap<>(), true).read(type, "test", type, found);
        problems = found.build();
      }
      return false;
    }
  }

  /** The class files of a compilation over the test class path, where the SDK is. */
  private static final class Loaded extends ClassLoader {
    private final Map<String, byte[]> classes = new HashMap<>();

    Loaded(Compilation compilation) {
      super(EnhancedClientSchemaDifferentialTest.class.getClassLoader());
      for (JavaFileObject file : compilation.generatedFiles()) {
        if (file.getKind() != JavaFileObject.Kind.CLASS) {
          continue;
        }
        String path = file.toUri().getPath();
        int at = path.indexOf("/CLASS_OUTPUT/");
        String name = path.substring(at + "/CLASS_OUTPUT/".length(),
            path.length() - ".class".length()).replace('/', '.');
        try (InputStream in = file.openInputStream()) {
          classes.put(name, in.readAllBytes());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
