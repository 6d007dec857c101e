package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.generate.MapperGenerator;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.MappedProperty;
import dev.laconic.processor.model.MappedType;
import dev.laconic.processor.model.ScalarKind;
import dev.laconic.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mappers of Enhanced Client types, generated from models built by hand (no parser involved),
 * compiled against the SDK's converter API and run: a bean with setters, an immutable with a
 * builder, a flattened bean, a nested item with and without preserved empty objects, an enum read
 * by {@code toString()}, a converted value and a value converted by the default provider.
 * The mappers call the run-time readers of {@code dev.laconic.enhanced.EnhancedJson}; what is
 * tested here is the generated code: which reader it calls, when it calls a setter or the
 * builder, when it gives null. The readers themselves are tested against the SDK in the runtime.
 */
class EnhancedMappersTest {

  private static final TypeRef CUSTOMER = new TypeRef("shop", List.of("Customer"));
  private static final TypeRef ADDRESS = new TypeRef("shop", List.of("Address"));
  private static final TypeRef AUDIT = new TypeRef("shop", List.of("Audit"));

  private static CompiledClasses classes;
  private static String customerMapper;

  static MappedProperty property(String name, MappedType type, String setter) {
    return property(name, type, setter, false, false, MappedProperty.Key.NONE);
  }

  static MappedProperty property(String name, MappedType type, String setter, boolean flattened,
      boolean preserveEmpty, MappedProperty.Key key) {
    return new MappedProperty(name, name, type, false, null, setter, Origin.NONE, flattened,
        preserveEmpty, key);
  }

  static List<CompositeType> models() {
    CompositeType customer = new CompositeType(CUSTOMER,
        CompositeType.Conventions.ENHANCED_CLIENT, CompositeType.Creation.SETTERS, null,
        List.of(), List.of(
            property("id", new MappedType.Scalar(ScalarKind.STRING), "setId", false, false,
                MappedProperty.Key.PARTITION),
            property("visits", new MappedType.Scalar(ScalarKind.INT), "setVisits"),
            // An enum whose toString() differs from its names: the SDK's converter reads it.
            property("tier", new MappedType.ProviderConverted("shop.Tier"), "setTier"),
            property("address", new MappedType.Composite(ADDRESS), "setAddress"),
            property("billing", new MappedType.Composite(ADDRESS), "setBilling", false, true,
                MappedProperty.Key.NONE),
            property("audit", new MappedType.Composite(AUDIT), "setAudit", true, false,
                MappedProperty.Key.NONE),
            property("balance", new MappedType.Converted(
                new TypeRef("shop", List.of("MoneyConverter")), "shop.Money"), "setBalance"),
            property("since", new MappedType.ProviderConverted("java.time.LocalDate"),
                "setSince"),
            property("tags", new MappedType.ListOf(new MappedType.Scalar(ScalarKind.STRING)),
                "setTags")),
        false, Origin.NONE);
    CompositeType address = new CompositeType(ADDRESS,
        CompositeType.Conventions.ENHANCED_CLIENT, CompositeType.Creation.BUILDER,
        new CompositeType.Builder(new TypeRef("shop", List.of("Address", "Builder")), "builder",
            "build"),
        List.of(), List.of(
            property("street", new MappedType.Scalar(ScalarKind.STRING), "street"),
            property("city", new MappedType.Scalar(ScalarKind.STRING), "city")),
        false, Origin.NONE);
    CompositeType audit = new CompositeType(AUDIT,
        CompositeType.Conventions.ENHANCED_CLIENT, CompositeType.Creation.SETTERS, null,
        List.of(), List.of(
            property("createdBy", new MappedType.Scalar(ScalarKind.STRING), "setCreatedBy"),
            property("version", new MappedType.Scalar(ScalarKind.LONG), "setVersion")),
        false, Origin.NONE);
    return List.of(customer, address, audit);
  }

  @BeforeAll
  static void compile() {
    List<CompositeType> models = models();
    MapperGenerator generator = new MapperGenerator(List.of(
        AnnotationSpec.builder(dev.laconic.annotations.LaconicGenerated.class).build()));
    List<JavaFileObject> sources = new ArrayList<>(userTypes());
    for (CompositeType model : models.subList(0, 2)) {
      JavaFile file = generator.generate(model, models);
      if (model.type().equals(CUSTOMER)) {
        customerMapper = file.toString();
      }
      sources.add(file.toJavaFileObject());
    }
    Compilation compilation = Compilations.javac().compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    classes = new CompiledClasses(compilation);
  }

  private static Object customer(String json) throws Exception {
    return CompiledClasses.call(classes.type("shop.Probe"), "customer",
        new Class<?>[] {String.class}, json);
  }

  @Test
  void anItemWithNoAttributePresentIsNull() throws Exception {
    assertNull(customer("{}"));
    assertNull(customer("{\"id\": {\"NULL\": true}, \"other\": {\"S\": \"x\"}}"));
  }

  @Test
  void whatTheEventsTransformerCannotConvertFailsEvenUnmapped() {
    // The chain converts the whole image to the SDK's AttributeValues before mapping.
    for (String image : List.of("{\"visits\": null}", "{\"other\": null}",
        "{\"other\": {\"L\": [null]}}", "{\"id\": {}}")) {
      Exception e = assertThrows(Exception.class, () -> customer(image), image);
      assertTrue(String.valueOf(e.getMessage()).contains("transformer")
          || String.valueOf(e.getCause()).contains("transformer"), image + ": " + e);
    }
  }

  @Test
  void everyAttributeIsReadAsTheSdkReadsIt() throws Exception {
    // Tier.GOLD's toString() is "gold", the name the SDK writes and reads.
    assertEquals("Customer[id=c1, visits=3, tier=gold, address=Address[street=Main, city=null],"
            + " billing=null, audit=null, balance=Money[cents=250], since=2024-05-01,"
            + " tags=[a, b]]",
        customer("{\"id\": {\"S\": \"c1\"}, \"visits\": {\"N\": \"3\"},"
            + " \"tier\": {\"S\": \"gold\"}, \"address\": {\"M\": {\"street\": {\"S\": \"Main\"}}},"
            + " \"balance\": {\"N\": \"250\"}, \"since\": {\"S\": \"2024-05-01\"},"
            + " \"tags\": {\"L\": [{\"S\": \"a\"}, {\"S\": \"b\"}]}}").toString());
  }

  @Test
  void nullAttributesCallNoSetter() throws Exception {
    // The bean's initial values stay: visits -1, tags ["initial"].
    assertEquals("Customer[id=c1, visits=-1, tier=null, address=null, billing=null, audit=null,"
            + " balance=null, since=null, tags=[initial]]",
        customer("{\"id\": {\"S\": \"c1\"}, \"visits\": {\"NULL\": true},"
            + " \"tags\": {\"NULL\": true}, \"tier\": {\"NULL\": true}}").toString());
  }

  @Test
  void aNestedItemWithNothingPresentIsNullUnlessPreserved() throws Exception {
    assertEquals("Customer[id=c1, visits=-1, tier=null, address=null,"
            + " billing=Address[street=null, city=null], audit=null, balance=null, since=null,"
            + " tags=[initial]]",
        customer("{\"id\": {\"S\": \"c1\"}, \"address\": {\"M\": {\"city\": {\"NULL\": true}}},"
            + " \"billing\": {\"M\": {}}}").toString());
  }

  @Test
  void aNestedItemThatMapsToNothingStillMakesItsParentPresent() throws Exception {
    // As BeanTableSchema: the nested M is present (not NULL), so the item is created; the
    // nested item maps to null, so its setter is not called.
    assertEquals("Customer[id=null, visits=-1, tier=null, address=null, billing=null,"
            + " audit=null, balance=null, since=null, tags=[initial]]",
        customer("{\"address\": {\"M\": {\"city\": {\"NULL\": true}}}}").toString());
    assertNull(customer("{\"address\": {\"NULL\": true}}"));
    Exception noType = assertThrows(Exception.class, () -> customer("{\"address\": {}}"));
    assertTrue(String.valueOf(noType.getMessage()).contains("no type"), noType.toString());
  }

  @Test
  void aFlattenedObjectIsCreatedOnlyWhenOneOfItsAttributesIsPresent() throws Exception {
    assertEquals("Customer[id=null, visits=-1, tier=null, address=null, billing=null,"
            + " audit=Audit[createdBy=null, version=7], balance=null, since=null,"
            + " tags=[initial]]",
        customer("{\"version\": {\"N\": \"7\"}, \"createdBy\": {\"NULL\": true}}").toString());
  }

  @Test
  void aChangeCarriesItsKeysMappedToTheType() throws Exception {
    assertEquals("Customer[id=c9, visits=-1, tier=null, address=null, billing=null, audit=null,"
        + " balance=null, since=null, tags=[initial]]", CompiledClasses.call(
            classes.type("shop.Probe"), "key", new Class<?>[] {String.class}, "c9").toString());
  }

  @Test
  void theMapperOfAnEnhancedBeanMatchesItsGolden() {
    Goldens.assertMatches("CustomerStreamMapper.java", customerMapper);
  }

  @Test
  void theGeneratedCodeUsesTheEnhancedReadersAndKeepsConvertersInFields() {
    assertTrue(customerMapper.contains(
        "private static final AttributeConverter<Money> CONVERTER_MONEYCONVERTER ="
            + " new MoneyConverter();"),
        customerMapper);
    assertTrue(customerMapper.contains("private static final AttributeConverter<LocalDate>"
        + " CONVERTER_OF_JAVA_TIME_LOCALDATE = EnhancedJson.providerConverter("
        + "EnhancedType.of(LocalDate.class));"),
        customerMapper);
    assertTrue(customerMapper.contains(
        "EnhancedJson.converted(attribute, path.child(\"balance\"), CONVERTER_MONEYCONVERTER)"),
        customerMapper);
    assertTrue(customerMapper.contains(
        "billing = EnhancedJson.readDocument(parser, path.child(\"billing\"), (document,"
            + " documentPath) -> AddressStreamMapper.readImage(document, documentPath, true),"
            + " present)"),
        customerMapper);
    assertTrue(customerMapper.contains("visits = EnhancedJson.readInteger(attribute,"),
        customerMapper);
    assertTrue(customerMapper.contains(
        "default -> EnhancedJson.skip(parser, path.child(field))"), customerMapper);
  }

  // ---- sources -------------------------------------------------------------------------------

  private static List<JavaFileObject> userTypes() {
    return List.of(
        JavaFileObjects.forSourceString("shop.Customer", """
            package shop;

            import java.time.LocalDate;
            import java.util.List;

            public class Customer {
              private String id;
              private int visits = -1;
              private Tier tier;
              private Address address;
              private Address billing;
              private Audit audit;
              private Money balance;
              private LocalDate since;
              private List<String> tags = List.of("initial");

              public void setId(String id) { this.id = id; }
              public void setVisits(int visits) { this.visits = visits; }
              public void setTier(Tier tier) { this.tier = tier; }
              public void setAddress(Address address) { this.address = address; }
              public void setBilling(Address billing) { this.billing = billing; }
              public void setAudit(Audit audit) { this.audit = audit; }
              public void setBalance(Money balance) { this.balance = balance; }
              public void setSince(LocalDate since) { this.since = since; }
              public void setTags(List<String> tags) { this.tags = tags; }

              @Override
              public String toString() {
                return "Customer[id=" + id + ", visits=" + visits + ", tier=" + tier
                    + ", address=" + address + ", billing=" + billing + ", audit=" + audit
                    + ", balance=" + balance + ", since=" + since + ", tags=" + tags + "]";
              }
            }
            """),
        JavaFileObjects.forSourceString("shop.Tier", """
            package shop;

            public enum Tier {
              GOLD, SILVER;

              @Override
              public String toString() {
                return name().toLowerCase(java.util.Locale.ROOT);
              }
            }
            """),
        JavaFileObjects.forSourceString("shop.Address", """
            package shop;

            public final class Address {
              private final String street;
              private final String city;

              private Address(Builder builder) {
                this.street = builder.street;
                this.city = builder.city;
              }

              public static Builder builder() {
                return new Builder();
              }

              public static final class Builder {
                private String street;
                private String city;

                public Builder street(String street) { this.street = street; return this; }
                public Builder city(String city) { this.city = city; return this; }
                public Address build() { return new Address(this); }
              }

              @Override
              public String toString() {
                return "Address[street=" + street + ", city=" + city + "]";
              }
            }
            """),
        JavaFileObjects.forSourceString("shop.Audit", """
            package shop;

            public class Audit {
              private String createdBy;
              private long version;

              public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
              public void setVersion(long version) { this.version = version; }

              @Override
              public String toString() {
                return "Audit[createdBy=" + createdBy + ", version=" + version + "]";
              }
            }
            """),
        JavaFileObjects.forSourceString("shop.Money", """
            package shop;

            public record Money(long cents) {}
            """),
        JavaFileObjects.forSourceString("shop.MoneyConverter", """
            package shop;

            import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
            import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
            import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

            public class MoneyConverter implements AttributeConverter<Money> {
              @Override
              public AttributeValue transformFrom(Money input) {
                return AttributeValue.builder().n(Long.toString(input.cents())).build();
              }

              @Override
              public Money transformTo(AttributeValue input) {
                return new Money(Long.parseLong(input.n()));
              }

              @Override
              public EnhancedType<Money> type() {
                return EnhancedType.of(Money.class);
              }

              @Override
              public AttributeValueType attributeValueType() {
                return AttributeValueType.N;
              }
            }
            """),
        JavaFileObjects.forSourceString("shop.Probe", """
            package shop;

            import dev.laconic.stream.AttributePath;
            import dev.laconic.stream.ItemJson;
            import java.nio.charset.StandardCharsets;

            import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
            import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
            import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
            import java.util.Map;

            public final class Probe {
              public static Object key(String id) {
                DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
                record.setEventName("REMOVE");
                record.setDynamodb(new StreamRecord().withSequenceNumber("1")
                    .withKeys(Map.of("id", new AttributeValue().withS(id))));
                return CustomerStreamMapper.toChange(record).key().orElseThrow();
              }

              public static Object customer(String json) {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                return ItemJson.read(bytes, 0, bytes.length, AttributePath.root("customer"),
                    CustomerStreamMapper::readImage);
              }
            }
            """));
  }
}
