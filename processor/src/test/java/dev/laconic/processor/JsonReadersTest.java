package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.laconic.json.JsonValues;
import dev.laconic.kinesis.KinesisEventJson;
import dev.laconic.processor.model.ScalarKind;
import dev.laconic.processor.parse.JsonReaderProcessor;
import dev.laconic.sqs.SqsEventJson;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.MappingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON readers generated for the user's own types, as Kinesis and SQS handlers will take
 * them: generated from the models the processor reads, compared with goldens, then compiled with
 * the types and run on the bodies and data of real events, on every kind of value, and on values
 * that do not fit, with the exact messages.
 */
class JsonReadersTest {

  /** Types whose shapes the shop's {@code Parcel} does not show, read from JSON below. */
  static final List<JavaFileObject> TYPES = List.of(
      JavaFileObjects.forResource("handlers/shop/Parcel.java"),
      Compilations.source("Product", """
          import java.math.BigDecimal;

          /** The product in the bodies of AWS's and Powertools' SQS events and Kinesis data. */
          public record Product(long id, String name, BigDecimal price) {}
          """),
      Compilations.source("Settings", """
          /** A JavaBean with initial values, a rename, an ignored setter and keyword names. */
          public class Settings {
            private int retries = 3;
            private String mode = "fast";
            private Boolean verbose = Boolean.TRUE;
            private String kind;
            private int fallback;
            private int calls;

            public void setRetries(int retries) { this.retries = retries; calls++; }
            @DynamoAttribute("m") public void setMode(String mode) { this.mode = mode; }
            public void setVerbose(Boolean verbose) { this.verbose = verbose; }
            @DynamoIgnore public void setCache(String cache) { throw new IllegalStateException(); }
            public void setClass(String kind) { this.kind = kind; }
            public void setDefault(int fallback) { this.fallback = fallback; }

            @Override public String toString() {
              return "Settings[retries=" + retries + ", mode=" + mode + ", verbose=" + verbose
                  + ", class=" + kind + ", default=" + fallback + ", calls=" + calls + "]";
            }
          }
          """),
      Compilations.source("Awkward", """
          /** Components named like what the reader's code uses. */
          public record Awkward(String parser, int path, String field, String e, String result,
              String JsonValues, Optional<String> Optional, String java, String dev, boolean x,
              boolean hasX, List<List<String>> parser1, @DynamoIgnore int ignored) {}
          """),
      Compilations.source("Money", """
          /** One public constructor that declares a checked exception. */
          public class Money {
            private final long cents;

            public Money(long cents) throws Exception {
              if (cents < 0) {
                throw new Exception("negative: " + cents);
              }
              if (cents > 1_000_000) {
                throw new IllegalArgumentException("too much: " + cents);
              }
              this.cents = cents;
            }

            @Override public String toString() { return cents + " cents"; }
          }
          """),
      Compilations.source("Account", """
          /** A JavaBean whose setter declares a checked exception, an IOException at that. */
          public class Account {
            private String owner;
            private Money balance;

            public void setOwner(String owner) throws java.io.IOException {
              if (owner == null) {
                throw new java.io.IOException("no owner");
              }
              this.owner = owner;
            }

            public void setBalance(Money balance) { this.balance = balance; }

            @Override public String toString() { return owner + ": " + balance; }
          }
          """),
      Compilations.source("Node", """
          /** A type that holds itself. */
          public record Node(String name, List<Node> children, Optional<Node> parent) {}
          """));

  /** The types to write readers for; {@code Money} is nested in {@code Account}. */
  static final List<String> ROOTS = List.of("shop.Parcel", "test.Product", "test.Settings",
      "test.Awkward", "test.Account", "test.Node");

  /** The types above compiled once with their readers, which every test runs. */
  private static final class Compiled {
    static final CompiledClasses CLASSES = new CompiledClasses(compile(ROOTS, TYPES));
  }

  static Compilation compile(List<String> types, List<JavaFileObject> sources) {
    Compilation compilation = Compilations.javac()
        .withProcessors(new JsonReaderProcessor(types.toArray(String[]::new)))
        .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  /** What the reader of {@code type} (qualified, with the reader's name) reads from {@code json}. */
  static Object fromJson(String reader, String json) throws Exception {
    return CompiledClasses.call(Compiled.CLASSES.type(reader), "fromJson",
        new Class<?>[] {String.class}, json);
  }

  static String failure(String reader, String json) {
    return assertThrows(MappingException.class, () -> fromJson(reader, json), json)
        .getMessage();
  }

  /** The value at the end of a chain of accessors, such as {@code recipient().name()}. */
  static Object get(Object target, String... accessors) throws Exception {
    Object value = target;
    for (String accessor : accessors) {
      Method method = value.getClass().getMethod(accessor);
      value = method.invoke(value);
    }
    return value;
  }

  static byte[] event(String name) {
    try (InputStream in = JsonReadersTest.class.getResourceAsStream("/events/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- goldens -------------------------------------------------------------------------------

  @Test
  void readersMatchGoldens() {
    Compilation compilation = compile(List.of("shop.Parcel"),
        List.of(JavaFileObjects.forResource("handlers/shop/Parcel.java")));
    Goldens.assertMatches("ParcelJsonReader.java", source(compilation, "shop.ParcelJsonReader"));
    Goldens.assertMatches("Parcel_AddressJsonReader.java",
        source(compilation, "shop.Parcel_AddressJsonReader"));
  }

  @Test
  void everyTypeTheReaderNeedsGetsOneNamedAfterIt() {
    Compilation compilation = compile(List.of("shop.Parcel"),
        List.of(JavaFileObjects.forResource("handlers/shop/Parcel.java")));
    assertEquals(List.of("ParcelJsonReader.java", "Parcel_AddressJsonReader.java",
        "Parcel_LineJsonReader.java", "Parcel_RecipientJsonReader.java"),
        TypedRecordsTest.generatedSources(compilation));
  }

  @Test
  void sameSourcesGiveSameReadersInAnyOrder() {
    List<JavaFileObject> reversed = new ArrayList<>(TYPES);
    Collections.reverse(reversed);
    Map<String, String> forward = readers(compile(ROOTS, TYPES));
    assertEquals(List.of("ParcelJsonReader.java", "Parcel_AddressJsonReader.java",
        "Parcel_LineJsonReader.java", "Parcel_RecipientJsonReader.java",
        "AccountJsonReader.java", "AwkwardJsonReader.java", "MoneyJsonReader.java",
        "NodeJsonReader.java", "ProductJsonReader.java", "SettingsJsonReader.java"),
        forward.keySet().stream().map(name -> name.replaceAll(".*/", "")).toList());
    assertEquals(forward, readers(compile(ROOTS, reversed)));
  }

  /** Every generated source by name, with its content. */
  static Map<String, String> readers(Compilation compilation) {
    Map<String, String> readers = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      try {
        readers.put(file.getName(), file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return readers;
  }

  /** The generator calls {@code JsonValues} by the names of the attribute readers. */
  @Test
  void everyScalarHasAJsonReaderOfItsName() throws Exception {
    for (ScalarKind kind : ScalarKind.values()) {
      Method reader = JsonValues.class.getMethod(kind.reader(), JsonParser.class,
          AttributePath.class);
      String type = reader.getReturnType().getCanonicalName();
      assertEquals(kind.javaType(), type, kind.name());
    }
  }

  // ---- real events ---------------------------------------------------------------------------

  @Test
  void theBodiesOfRealSqsMessages() throws Exception {
    List<String> products = new ArrayList<>();
    for (String name : List.of("java__sqs_event_product.json",
        "powertools-java__sqs_fifo_event.json")) {
      for (SQSEvent.SQSMessage message : SqsEventJson.read(
          new ByteArrayInputStream(event(name))).getRecords()) {
        products.add(fromJson("test.ProductJsonReader", message.getBody()).toString());
      }
    }
    assertEquals(List.of("Product[id=1234, name=Product1234, price=450]",
        "Product[id=1234, name=product, price=42]",
        "Product[id=12345, name=product5, price=45]",
        "Product[id=123456, name=product6, price=46]"), products);
  }

  @Test
  void theDataOfRealKinesisRecordsWithTheBufferLeftAsItWas() throws Exception {
    List<String> products = new ArrayList<>();
    for (KinesisEvent.KinesisEventRecord record : KinesisEventJson.read(
        new ByteArrayInputStream(event("powertools-java__kinesis_event.json")))
        .getRecords()) {
      ByteBuffer data = record.getKinesis().getData();
      int position = data.position();
      products.add(CompiledClasses.call(Compiled.CLASSES.type("test.ProductJsonReader"),
          "fromJson", new Class<?>[] {ByteBuffer.class}, data).toString());
      assertEquals(position, data.position());
    }
    assertEquals(List.of("Product[id=1234, name=product, price=42]",
        "Product[id=12345, name=product5, price=45]"), products);
  }

  @Test
  void theRemainingBytesOfABufferAreTheDocument() throws Exception {
    byte[] bytes = "xx{\"id\": 7}yy".getBytes(StandardCharsets.UTF_8);
    for (ByteBuffer buffer : List.of(ByteBuffer.wrap(bytes, 2, 9),
        ByteBuffer.allocateDirect(bytes.length).put(bytes).position(2).limit(11),
        ByteBuffer.wrap(bytes, 2, 9).asReadOnlyBuffer())) {
      assertEquals("Product[id=7, name=null, price=null]", CompiledClasses.call(
          Compiled.CLASSES.type("test.ProductJsonReader"), "fromJson",
          new Class<?>[] {ByteBuffer.class}, buffer).toString());
      assertEquals(2, buffer.position());
      assertEquals(11, buffer.limit());
    }
    assertNull(CompiledClasses.call(Compiled.CLASSES.type("test.ProductJsonReader"), "fromJson",
        new Class<?>[] {ByteBuffer.class}, (Object) null));
    assertNull(fromJson("test.ProductJsonReader", null));
  }

  // ---- every kind of value -------------------------------------------------------------------

  static final String PARCEL = """
      {
        "pk": "P-1",
        "trackingId": "5b2c4a3e-8f0d-4c8e-9b7a-2f1e0d3c4b5a",
        "status": "SHIPPED",
        "pieces": 2,
        "weightGrams": 1200,
        "declaredValue": 19.990,
        "volume": 0.25,
        "fragile": true,
        "label": "aGVsbG8=",
        "signature": "AAEC",
        "shippedAt": "2024-05-01T12:00:00Z",
        "note": "leave at the door",
        "recipient": {"name": "Ada", "address": {"street": "1 Main St", "zip": "12345",
            "unknown": [1, {"deep": null}]}},
        "lines": [{"sku": "A-1", "quantity": 1, "status": "LABELLED"}, null,
            {"sku": "B-2", "quantity": 3.0}],
        "tags": ["red", "blue", "red"],
        "bins": [3, 1, null],
        "history": {"2024-05-01": ["LABELLED", "SHIPPED"], "2024-05-02": null},
        "scans": ["2024-05-01T12:00:00Z", null, 1714564800.5],
        "cache": {"ignored": true},
        "extra": [[], {}, "x", 1, false, null]
      }
      """;

  @Test
  void everyKindOfValue() throws Exception {
    Object parcel = fromJson("shop.ParcelJsonReader", PARCEL);
    assertEquals("P-1", get(parcel, "id"));
    assertEquals(UUID.fromString("5b2c4a3e-8f0d-4c8e-9b7a-2f1e0d3c4b5a"),
        get(parcel, "trackingId"));
    assertEquals("SHIPPED", get(parcel, "status").toString());
    assertEquals(2, get(parcel, "pieces"));
    assertEquals(1200L, get(parcel, "weightGrams"));
    assertEquals(new BigDecimal("19.990"), get(parcel, "declaredValue"));
    assertEquals(0.25, get(parcel, "volume"));
    assertEquals(true, get(parcel, "fragile"));
    assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), (byte[]) get(parcel, "label"));
    assertEquals(ByteBuffer.wrap(new byte[] {0, 1, 2}), get(parcel, "signature"));
    assertEquals(Instant.parse("2024-05-01T12:00:00Z"), get(parcel, "shippedAt"));
    assertEquals(Optional.of("leave at the door"), get(parcel, "note"));
    assertEquals("Ada", get(parcel, "recipient", "name"));
    assertEquals("1 Main St", get(parcel, "recipient", "address", "street"));
    assertEquals("12345", get(parcel, "recipient", "address", "postalCode"));
    assertEquals("[Line[sku=A-1, quantity=1, status=LABELLED], null,"
        + " Line[sku=B-2, quantity=3, status=null]]", get(parcel, "lines").toString());
    assertEquals(Set.of("red", "blue"), get(parcel, "tags"));
    assertEquals("[3, 1, null]", get(parcel, "bins").toString());
    assertEquals("{2024-05-01=[LABELLED, SHIPPED], 2024-05-02=null}",
        get(parcel, "history").toString());
    assertEquals(List.of(Optional.of(Instant.parse("2024-05-01T12:00:00Z")), Optional.empty(),
        Optional.of(Instant.parse("2024-05-01T12:00:00.5Z"))), get(parcel, "scans"));
    assertNull(get(parcel, "cache"));
  }

  @Test
  void missingFieldsAndNullAreNullOrEmpty() throws Exception {
    Object parcel = fromJson("shop.ParcelJsonReader",
        "{\"pieces\": 1, \"volume\": 0, \"fragile\": false, \"pk\": null, \"note\": null,"
            + " \"recipient\": null, \"lines\": null, \"history\": {}}");
    for (String absent : List.of("id", "trackingId", "status", "weightGrams", "declaredValue",
        "label", "signature", "shippedAt", "recipient", "lines", "tags", "bins", "scans",
        "cache")) {
      assertNull(get(parcel, absent), absent);
    }
    assertEquals(Optional.empty(), get(parcel, "note"));
    assertEquals(Map.of(), get(parcel, "history"));
    assertNull(fromJson("shop.ParcelJsonReader", "null"));
  }

  @Test
  void ofARepeatedFieldTheLastCounts() throws Exception {
    Object parcel = fromJson("shop.ParcelJsonReader", "{\"pieces\": 1, \"volume\": 0,"
        + " \"fragile\": false, \"pk\": \"first\", \"pieces\": 2, \"pk\": null,"
        + " \"note\": \"first\", \"note\": \"last\"}");
    assertEquals(2, get(parcel, "pieces"));
    assertNull(get(parcel, "id"));
    assertEquals(Optional.of("last"), get(parcel, "note"));
  }

  @Test
  void javaBeansGetASetterCallForEachFieldPresent() throws Exception {
    String reader = "test.SettingsJsonReader";
    assertEquals("Settings[retries=3, mode=fast, verbose=true, class=null, default=0, calls=0]",
        fromJson(reader, "{}").toString());
    assertEquals("Settings[retries=5, mode=slow, verbose=null, class=k, default=9, calls=1]",
        fromJson(reader, "{\"retries\": 5, \"m\": \"slow\", \"verbose\": null, \"cache\": \"c\","
            + " \"mode\": \"a field of no property\", \"class\": \"k\", \"default\": 9}")
            .toString());
    assertEquals("Settings[retries=2, mode=fast, verbose=true, class=null, default=0, calls=1]",
        fromJson(reader, "{\"retries\": 1, \"retries\": 2}").toString());
    assertEquals("settings.retries: expected a number (int), found null",
        failure(reader, "{\"retries\": null}"));
  }

  @Test
  void namesTheReaderUsesItselfAreLeftToTheType() throws Exception {
    assertEquals("Awkward[parser=a, path=1, field=f, e=e, result=r, JsonValues=j,"
        + " Optional=Optional[o], java=v, dev=d, x=true, hasX=false, parser1=[[p]], ignored=0]",
        fromJson("test.AwkwardJsonReader", "{\"parser\": \"a\", \"path\": 1, \"field\": \"f\","
            + " \"e\": \"e\", \"result\": \"r\", \"JsonValues\": \"j\", \"Optional\": \"o\","
            + " \"java\": \"v\", \"dev\": \"d\", \"x\": true, \"hasX\": false,"
            + " \"parser1\": [[\"p\"]], \"ignored\": 5}").toString());
    assertEquals("awkward.hasX: expected a value (boolean), found no field",
        failure("test.AwkwardJsonReader", "{\"path\": 1, \"x\": true}"));
  }

  @Test
  void recursiveTypesReadThroughTheirOwnReader() throws Exception {
    assertEquals("Node[name=root, children=[Node[name=leaf, children=null,"
        + " parent=Optional.empty]], parent=Optional[Node[name=up, children=[],"
        + " parent=Optional.empty]]]",
        fromJson("test.NodeJsonReader", "{\"name\": \"root\", \"children\": [{\"name\":"
            + " \"leaf\"}], \"parent\": {\"name\": \"up\", \"children\": []}}").toString());
    assertEquals("node.children[0].children[1].name: expected a string (String), found true",
        failure("test.NodeJsonReader",
            "{\"children\": [{\"children\": [{}, {\"name\": true}]}]}"));
  }

  @Test
  void checkedExceptionsOfConstructorsAndSettersAreWrapped() throws Exception {
    String reader = "test.AccountJsonReader";
    assertEquals("ada: 12 cents",
        fromJson(reader, "{\"owner\": \"ada\", \"balance\": {\"cents\": 12}}").toString());
    MappingException negative = assertThrows(MappingException.class,
        () -> fromJson(reader, "{\"balance\": {\"cents\": -1}}"));
    assertEquals("account.balance: creating Money failed: java.lang.Exception: negative: -1",
        negative.getMessage());
    assertEquals("negative: -1", negative.getCause().getMessage());
    assertEquals("account: creating Account failed: java.io.IOException: no owner",
        failure(reader, "{\"owner\": null}"));
    IllegalArgumentException unchecked = assertThrows(IllegalArgumentException.class,
        () -> fromJson(reader, "{\"balance\": {\"cents\": 1000001}}"));
    assertEquals("too much: 1000001", unchecked.getMessage());
  }

  // ---- values that do not fit ----------------------------------------------------------------

  static final String REQUIRED = "\"pieces\": 1, \"volume\": 0.5, \"fragile\": false";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "wrong JSON type | {\"pieces\": \"two\", \"volume\": 1, \"fragile\": true}"
          + " | parcel.pieces: expected a number (int), found string \"two\"",
      "out of range | {\"pieces\": 3000000000, \"volume\": 1, \"fragile\": true}"
          + " | parcel.pieces: expected a whole number in the range of int, found number"
          + " 3000000000",
      "a fraction | {\"pieces\": 1.5, \"volume\": 1, \"fragile\": true}"
          + " | parcel.pieces: expected a whole number in the range of int, found number 1.5",
      "missing primitive | {\"volume\": 1, \"fragile\": true}"
          + " | parcel.pieces: expected a value (int), found no field",
      "null primitive | {\"pieces\": null, \"volume\": 1, \"fragile\": true}"
          + " | parcel.pieces: expected a number (int), found null",
      "boolean as text | {\"pieces\": 1, \"volume\": 1, \"fragile\": \"true\"}"
          + " | parcel.fragile: expected true or false (boolean), found string \"true\"",
      "unknown constant | {" + REQUIRED + ", \"status\": \"LOST\"}"
          + " | parcel.status: expected a string naming a constant of Parcel.Status"
          + " (LABELLED, SHIPPED, DELIVERED), found string \"LOST\"",
      "constant in a map | {" + REQUIRED + ", \"history\": {\"a.b\": [\"SHIPPED\", \"lost\"]}}"
          + " | parcel.history[\"a.b\"][1]: expected a string naming a constant of"
          + " Parcel.Status (LABELLED, SHIPPED, DELIVERED), found string \"lost\"",
      "not an object | [1] | parcel: expected an object (Parcel), found an array",
      "nested out of range | {" + REQUIRED + ", \"lines\": [{\"quantity\": 1},"
          + " {\"sku\": \"B\", \"quantity\": 70000}]}"
          + " | parcel.lines[1].quantity: expected a whole number in the range of short,"
          + " found number 70000",
      "nested missing primitive | {" + REQUIRED + ", \"lines\": [{\"sku\": \"A\"}]}"
          + " | parcel.lines[0].quantity: expected a value (short), found no field",
      "nested object | {" + REQUIRED + ", \"lines\": [\"A\"]}"
          + " | parcel.lines[0]: expected an object (Parcel.Line), found string \"A\"",
      "bean field | {" + REQUIRED + ", \"recipient\": {\"address\": {\"zip\": 12345}}}"
          + " | parcel.recipient.address.zip: expected a string (String), found number 12345",
      "collection | {" + REQUIRED + ", \"tags\": \"red\"}"
          + " | parcel.tags: expected an array (Set), found string \"red\"",
      "set element | {" + REQUIRED + ", \"bins\": [1, \"2\"]}"
          + " | parcel.bins[1]: expected a number (Integer), found string \"2\"",
      "optional | {" + REQUIRED + ", \"scans\": [\"yesterday\"]}"
          + " | parcel.scans[0]: expected a string holding an ISO-8601 instant, found string"
          + " \"yesterday\"",
      "uuid | {" + REQUIRED + ", \"trackingId\": \"1-2-3-4-5\"}"
          + " | parcel.trackingId: expected a string holding a UUID, found string \"1-2-3-4-5\"",
      "base64 | {" + REQUIRED + ", \"label\": \"not base64!\"}"
          + " | parcel.label: expected base64 text (byte[]), found string \"not base64!\"",
      "malformed JSON | {\"pieces\": 1,"
          + " | parcel: not valid JSON (line 1, column 14): Unexpected end-of-input"
          + " within/between Object entries",
      "more after the value | {" + REQUIRED + "} {}"
          + " | parcel: expected one JSON value, found more after it (line 1, column 48)",
      "no text | ' ' | parcel: expected a JSON value, found no text"})
  void valuesThatDoNotFitAreNamedByTheirPath(String what, String json, String message) {
    assertEquals(message, failure("shop.ParcelJsonReader", json));
  }

  @Test
  void aFailureCanBePlacedInItsMessage() {
    MappingException failure = assertThrows(MappingException.class,
        () -> fromJson("test.ProductJsonReader", "{\"id\": \"7\"}"));
    MappingException placed = failure.inMessage("body", "d9144555-9a4f-4ec3-99a0-34ce359b4b54");
    assertEquals("Cannot map the body of the message with id"
        + " d9144555-9a4f-4ec3-99a0-34ce359b4b54: product.id: expected a number (long), found"
        + " string \"7\"", placed.getMessage());
    assertEquals("product.id", placed.path());
    assertSame(failure, placed.getCause());
  }

  static String source(Compilation compilation, String qualifiedName) {
    try {
      return compilation.generatedSourceFile(qualifiedName)
          .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName))
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
