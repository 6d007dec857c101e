package dev.laconic.processor.parse;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.MappedProperty;
import dev.laconic.processor.model.MappedType;
import dev.laconic.processor.model.ScalarKind;
import dev.laconic.processor.model.TypeRef;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The models {@link MappedTypeReader} reads for classes annotated for the AWS SDK Enhanced Client,
 * checked against what {@code TableSchema.fromBean} / {@code fromImmutableClass} make of them.
 */
class EnhancedClientTypeReaderTest {

  private static final String PRELUDE = """
      package test;

      import java.time.LocalDate;
      import java.util.*;
      import software.amazon.awssdk.enhanced.dynamodb.*;
      import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;
      import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

      """;

  private static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("test." + name, PRELUDE + body);
  }

  /** Reads the named types in one round, as item images or as JSON payloads. */
  private static final class Reading extends AbstractProcessor {
    private final String root;
    private final boolean itemImages;
    List<CompositeType> read;
    ValidationReport problems;

    Reading(String root, boolean itemImages) {
      this.root = root;
      this.itemImages = itemImages;
    }

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
      if (read != null || problems != null) {
        return false;
      }
      TypeElement type = processingEnv.getElementUtils().getTypeElement(root);
      MappedTypeReader reader = new MappedTypeReader(processingEnv.getElementUtils(),
          processingEnv.getTypeUtils(), new HashMap<>(), itemImages);
      ValidationReport.Builder found = ValidationReport.builder();
      read = reader.read(type, "test", type, found);
      problems = found.build();
      return false;
    }
  }

  private static Map<String, CompositeType> read(String root, boolean itemImages,
      JavaFileObject... sources) {
    Reading reading = new Reading(root, itemImages);
    Compilation compilation = Compiler.javac().withOptions("--release", "17")
        .withProcessors(reading).compile(sources);
    assertThat(compilation).succeeded();
    assertTrue(reading.problems.isClean(), () -> reading.problems.items().toString());
    assertNotNull(reading.read);
    Map<String, CompositeType> byName = new LinkedHashMap<>();
    reading.read.forEach(c -> byName.put(c.type().displayName(), c));
    return byName;
  }

  private static Map<String, MappedProperty> properties(CompositeType composite) {
    Map<String, MappedProperty> byName = new LinkedHashMap<>();
    composite.properties().forEach(p -> byName.put(p.javaName(), p));
    return byName;
  }

  private static MappedType scalar(ScalarKind kind) {
    return new MappedType.Scalar(kind);
  }

  private static MappedType composite(String simpleName) {
    return new MappedType.Composite(new TypeRef("test", List.of(simpleName)));
  }

  private static final JavaFileObject ADDRESS = source("Address", """
      @DynamoDbBean
      public class Address {
        private String city;
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
      }
      """);

  private static final JavaFileObject MONEY = source("Money", """
      public class Money {
        public static class Converter implements AttributeConverter<Money> {
          public AttributeValue transformFrom(Money m) { return null; }
          public Money transformTo(AttributeValue v) { return null; }
          public EnhancedType<Money> type() { return EnhancedType.of(Money.class); }
          public AttributeValueType attributeValueType() { return AttributeValueType.N; }
        }
      }
      """);

  @Test
  void beanPropertiesAsTheIntrospectorFindsThem() {
    JavaFileObject base = source("Base", """
        public class Base {
          public String getRegion() { return null; }
          public void setRegion(String region) {}
        }
        """);
    JavaFileObject status = source("Status", "public enum Status { OPEN, CLOSED }\n");
    JavaFileObject fancy = source("Fancy", """
        public enum Fancy {
          LOUD;
          @Override public String toString() { return "loud"; }
        }
        """);
    JavaFileObject customer = source("Customer", """
        @DynamoDbBean
        public class Customer extends Base {
          @DynamoDbPartitionKey @DynamoDbAttribute("pk")
          public String getId() { return null; }
          public void setId(String id) {}
          public boolean isActive() { return false; }
          public boolean getActive() { return false; }
          public void setActive(boolean active) {}
          @DynamoDbSortKey public long getCreated() { return 0; }
          public void setCreated(long created) {}
          @DynamoDbIgnore public String getSecret() { return null; }
          public void setSecret(String secret) {}
          public String getReadOnly() { return null; }
          public String getNickname() { return null; }
          public Customer setNickname(String nickname) { return this; }
          public LocalDate getBorn() { return null; }
          public void setBorn(LocalDate born) {}
          public Status getStatus() { return null; }
          public void setStatus(Status status) {}
          public Fancy getFancy() { return null; }
          public void setFancy(Fancy fancy) {}
          public List<Address> getAddresses() { return null; }
          public void setAddresses(List<Address> addresses) {}
          @DynamoDbPreserveEmptyObject public Address getHome() { return null; }
          public void setHome(Address home) {}
          @DynamoDbConvertedBy(Money.Converter.class) public Money getBalance() { return null; }
          public void setBalance(Money balance) {}
          public Map<String, Integer> getCounts() { return null; }
          public void setCounts(Map<String, Integer> counts) {}
          public Set<String> getTags() { return null; }
          public void setTags(Set<String> tags) {}
          public char getInitial() { return 'a'; }
          public void setInitial(char initial) {}
          public byte[] getPhoto() { return null; }
          public void setPhoto(byte[] photo) {}
        }
        """);
    Map<String, CompositeType> read = read("test.Customer", true, customer, base, status, fancy,
        ADDRESS, MONEY);
    assertEquals(List.of("Customer", "Address"), List.copyOf(read.keySet()));
    CompositeType bean = read.get("Customer");
    assertEquals(CompositeType.Conventions.ENHANCED_CLIENT, bean.conventions());
    assertEquals(CompositeType.Creation.SETTERS, bean.creation());
    assertNull(bean.builder());
    assertEquals(List.of(), bean.converterProviders());
    Map<String, MappedProperty> p = properties(bean);
    // Property-name order, as the Introspector sorts; no readOnly (no setter), class.
    assertEquals(List.of("active", "addresses", "balance", "born", "counts", "created", "fancy",
        "home", "id", "initial", "nickname", "photo", "region", "secret", "status", "tags"),
        List.copyOf(p.keySet()));
    assertEquals("pk", p.get("id").attributeName());
    assertEquals(MappedProperty.Key.PARTITION, p.get("id").key());
    assertEquals(MappedProperty.Key.SORT, p.get("created").key());
    assertEquals(scalar(ScalarKind.LONG), p.get("created").type());
    assertEquals("setActive", p.get("active").setter());
    assertEquals(scalar(ScalarKind.BOOLEAN), p.get("active").type());
    assertTrue(p.get("secret").ignored());
    assertNull(p.get("secret").type());
    assertEquals("setNickname", p.get("nickname").setter());
    assertEquals(new MappedType.ProviderConverted("java.time.LocalDate"), p.get("born").type());
    assertEquals(new MappedType.EnumOf(new TypeRef("test", List.of("Status")),
        List.of("OPEN", "CLOSED")), p.get("status").type());
    assertEquals(new MappedType.ProviderConverted("test.Fancy"), p.get("fancy").type());
    assertEquals(new MappedType.ListOf(composite("Address")), p.get("addresses").type());
    assertEquals(composite("Address"), p.get("home").type());
    assertTrue(p.get("home").preserveEmptyObject());
    assertEquals(new MappedType.Converted(new TypeRef("test", List.of("Money", "Converter")),
        "test.Money"), p.get("balance").type());
    assertEquals(new MappedType.MapOf(scalar(ScalarKind.INT_BOX)), p.get("counts").type());
    assertEquals(new MappedType.SetOf(scalar(ScalarKind.STRING)), p.get("tags").type());
    assertEquals(new MappedType.ProviderConverted("char"), p.get("initial").type());
    assertEquals(scalar(ScalarKind.BYTES), p.get("photo").type());
    assertEquals("region", p.get("region").attributeName());
    assertEquals("setRegion", p.get("region").setter());
  }

  @Test
  void immutableWithStaticBuilderFluentGettersAndFlattenedBean() {
    JavaFileObject audit = source("Audit", """
        @DynamoDbBean
        public class Audit {
          public String getCreatedBy() { return null; }
          public void setCreatedBy(String createdBy) {}
        }
        """);
    JavaFileObject order = source("Order", """
        @DynamoDbImmutable(builder = Order.Builder.class)
        public final class Order {
          private Order() {}
          @DynamoDbPartitionKey public String id() { return null; }
          public boolean isPaid() { return false; }
          public Integer getQuantity() { return null; }
          @DynamoDbFlatten public Audit audit() { return null; }
          @DynamoDbIgnore public String summary() { return null; }
          public Builder toBuilder() { return null; }
          @Override public String toString() { return "order"; }
          public static Builder builder() { return new Builder(); }
          public static final class Builder {
            private Builder() {}
            public Builder id(String id) { return this; }
            public Builder paid(boolean paid) { return this; }
            public void setQuantity(Integer quantity) {}
            public Builder audit(Audit audit) { return this; }
            public Order build() { return null; }
          }
        }
        """);
    Map<String, CompositeType> read = read("test.Order", true, order, audit);
    assertEquals(List.of("Order", "Audit"), List.copyOf(read.keySet()));
    CompositeType immutable = read.get("Order");
    assertEquals(CompositeType.Creation.BUILDER, immutable.creation());
    assertEquals(new CompositeType.Builder(new TypeRef("test", List.of("Order", "Builder")),
        "builder", "build"), immutable.builder());
    Map<String, MappedProperty> p = properties(immutable);
    assertEquals(List.of("id", "paid", "quantity", "audit"), List.copyOf(p.keySet()));
    assertEquals("id", p.get("id").setter());
    assertEquals(MappedProperty.Key.PARTITION, p.get("id").key());
    assertEquals(scalar(ScalarKind.BOOLEAN), p.get("paid").type());
    assertEquals("setQuantity", p.get("quantity").setter());
    assertEquals(scalar(ScalarKind.INT_BOX), p.get("quantity").type());
    assertTrue(p.get("audit").flattened());
    assertEquals(composite("Audit"), p.get("audit").type());
    assertEquals(CompositeType.Conventions.ENHANCED_CLIENT, read.get("Audit").conventions());
  }

  @Test
  void immutableWhoseBuilderIsCreatedByItsConstructor() {
    JavaFileObject point = source("Point", """
        @DynamoDbImmutable(builder = PointBuilder.class)
        public class Point {
          public int getX() { return 0; }
          public Optional<String> label() { return null; }
        }
        """);
    JavaFileObject builder = source("PointBuilder", """
        public class PointBuilder {
          public void setX(int x) {}
          @DynamoDbIgnore public void label(Optional<String> label) {}
          public Point build() { return null; }
        }
        """);
    JavaFileObject labelled = source("Labelled", """
        @DynamoDbImmutable(builder = Labelled.B.class)
        public class Labelled {
          public int getX() { return 0; }
          public static class B {
            public B setX(int x) { return this; }
            public Labelled build() { return null; }
          }
        }
        """);
    CompositeType read = read("test.Labelled", true, labelled).get("Labelled");
    assertEquals(new CompositeType.Builder(new TypeRef("test", List.of("Labelled", "B")), null,
        "build"), read.builder());
    assertEquals("setX", read.properties().get(0).setter());
    // Point's label() has no builder method the SDK would use: the reader says so.
    Reading reading = new Reading("test.Point", true);
    Compilation compilation = Compiler.javac().withOptions("--release", "17")
        .withProcessors(reading).compile(point, builder);
    assertThat(compilation).succeeded();
    assertNull(reading.read);
    assertEquals("LACONIC-625",
        reading.problems.items().get(0).diagnostic().id());
  }

  @Test
  void ownConverterProvidersConvertEveryAttributeButNestedDocuments() {
    JavaFileObject provider = source("Provider", """
        public class Provider implements AttributeConverterProvider {
          public <T> AttributeConverter<T> converterFor(EnhancedType<T> type) { return null; }
        }
        """);
    JavaFileObject item = source("Item", """
        @DynamoDbBean(converterProviders = {Provider.class, DefaultAttributeConverterProvider.class})
        public class Item {
          public List<String> getNames() { return null; }
          public void setNames(List<String> names) {}
          public String getId() { return null; }
          public void setId(String id) {}
          public Address getAddress() { return null; }
          public void setAddress(Address address) {}
        }
        """);
    Map<String, CompositeType> read = read("test.Item", true, item, provider, ADDRESS);
    CompositeType bean = read.get("Item");
    assertEquals(List.of(new TypeRef("test", List.of("Provider")), new TypeRef(
        "software.amazon.awssdk.enhanced.dynamodb",
        List.of("DefaultAttributeConverterProvider"))), bean.converterProviders());
    Map<String, MappedProperty> p = properties(bean);
    assertEquals(new MappedType.ProviderConverted("java.util.List<java.lang.String>"),
        p.get("names").type());
    assertEquals(new MappedType.ProviderConverted("java.lang.String"), p.get("id").type());
    assertEquals(composite("Address"), p.get("address").type());
  }

  @Test
  void theDefaultProviderNamedAloneIsTheDefault() {
    JavaFileObject item = source("Item", """
        @DynamoDbBean(converterProviders = DefaultAttributeConverterProvider.class)
        public class Item {
          public String getId() { return null; }
          public void setId(String id) {}
        }
        """);
    CompositeType bean = read("test.Item", true, item).get("Item");
    assertEquals(List.of(), bean.converterProviders());
    assertEquals(scalar(ScalarKind.STRING), bean.properties().get(0).type());
  }

  @Test
  void asJsonPayloadAnEnhancedClientBeanKeepsLaconicRules() {
    JavaFileObject item = source("Item", """
        @DynamoDbBean
        public class Item {
          @DynamoDbAttribute("pk") public String getId() { return null; }
          public void setId(String id) {}
          public LocalDate getBorn() { return null; }
          public void setBorn(LocalDate born) {}
        }
        """);
    Reading reading = new Reading("test.Item", false);
    Compilation compilation = Compiler.javac().withOptions("--release", "17")
        .withProcessors(reading).compile(item);
    assertThat(compilation).succeeded();
    // LocalDate is no Laconic type: reported as for any class, not read by the SDK's rules.
    assertNull(reading.read);
    assertEquals("LACONIC-601", reading.problems.items().get(0).diagnostic().id());

    JavaFileObject plain = source("Plain", """
        @DynamoDbBean
        public class Plain {
          @DynamoDbAttribute("pk") public String getId() { return null; }
          public void setId(String id) {}
        }
        """);
    CompositeType json = read("test.Plain", false, plain).get("Plain");
    assertEquals(CompositeType.Conventions.LACONIC, json.conventions());
    assertEquals("id", json.properties().get(0).attributeName());
  }

  @Test
  void aLaconicClassWithAnEnhancedClientMemberAnnotationMixesTheSets() {
    JavaFileObject item = source("Item", """
        public record Item(@dev.laconic.annotations.DynamoAttribute("pk") String id,
            @DynamoDbAttribute("n") String name) {}
        """);
    Reading reading = new Reading("test.Item", true);
    Compilation compilation = Compiler.javac().withOptions("--release", "17")
        .withProcessors(reading).compile(item);
    assertThat(compilation).succeeded();
    assertNull(reading.read);
    assertEquals("LACONIC-620", reading.problems.items().get(0).diagnostic().id());
    assertTrue(reading.problems.items().get(0).message().contains(
        "has @DynamoDbAttribute, but Item also uses Laconic's @DynamoAttribute or @DynamoIgnore"),
        reading.problems.items().get(0).message());
  }
}
