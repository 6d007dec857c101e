package dev.laconic.processor.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kinesis handler shape {@code void m(T data[, Context])}, driven with real Kinesis events
 * through both adapter flavors: each record's data is read into the user's own type by its
 * generated JSON reader, the handlers see equal values in the same order, and a record whose data
 * does not fit the type fails like any handler failure, as the first failure, by its sequence
 * number, with no record after it handled.
 */
class KinesisJsonAdaptersTest {

  /** Two records whose data is a product as JSON. */
  static final String PRODUCTS = "powertools-java__kinesis_event.json";

  /** What the handlers get from {@link #PRODUCTS}, in record order. */
  static final List<String> PRODUCTS_READ = List.of(
      "Product[id=1234, name=product, price=42]", "Product[id=12345, name=product5, price=45]");

  /**
   * The Kinesis events whose data is plain text, not JSON: "Hello World", "Hello, this is a
   * test 123.", "Hello, this is a test.".
   */
  static final List<String> PLAIN_TEXT = List.of("go__kinesis-event.json",
      "java__kinesis_event.json", "powertools-python__kinesisStreamEvent.json");

  /**
   * What the reader says of their first record's data: the path (the document's root, named
   * after the type) and the token the parser does not know, located at its start.
   */
  static final String NOT_JSON = "product: not valid JSON (line 1, column 1): Unrecognized"
      + " token 'Hello': was expecting (JSON String, Number, Array, Object or token 'null',"
      + " 'true' or 'false')";

  /**
   * What the reader says of a DynamoDB change record's data (see {@link #withMisfit}): the path
   * and what is missing.
   */
  static final String MISFIT = "product.id: expected a value (long), found no field";

  static final List<String> FUNCTIONS = List.of("Catalog_product", "Catalog_productWithContext");

  @TempDir static Path directory;
  static BothPaths paths;

  @BeforeAll
  static void deploy() throws IOException {
    paths = BothPaths.deploy(directory);
  }

  @AfterAll
  static void undeploy() throws IOException {
    paths.close();
  }

  /**
   * {@link #PRODUCTS} with the data of record {@code index} replaced by the data of the first
   * record of powertools-ts__dynamodb-stream.json: real JSON written by Kinesis Data Streams for
   * DynamoDB, a table's change record, which has no {@code id} and so is no {@code Product}. No
   * event file has a record whose data does not fit, so the test builds one.
   */
  static byte[] withMisfit(int index) {
    return Events.kinesisWithData(PRODUCTS, index,
        Events.kinesisData("powertools-ts__dynamodb-stream.json").get(0));
  }

  static Stream<String> functions() {
    return FUNCTIONS.stream();
  }

  static Stream<Arguments> eachRecord() {
    return FUNCTIONS.stream().flatMap(f -> IntStream.range(0, 2).mapToObj(i -> Arguments.of(f, i)));
  }

  static Stream<Arguments> plainText() {
    return FUNCTIONS.stream().flatMap(f -> PLAIN_TEXT.stream().map(e -> Arguments.of(f, e)));
  }

  private static List<String> strings(List<Object> inputs) {
    return inputs.stream().map(String::valueOf).collect(Collectors.toList());
  }

  // ---------------------------------------------------------------------------------------------
  // void m(T data[, Context])

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void eachRecordsDataIsReadIntoTheUsersTypeInRecordOrder(String function) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(PRODUCTS), Set.of());
    assertEquals("{\"batchItemFailures\":[]}", run.response());
    assertEquals(PRODUCTS_READ, strings(run.inputs()));
    for (Object product : run.inputs()) {
      assertEquals("relay.Product", product.getClass().getName());
    }
  }

  @ParameterizedTest(name = "{0} poison record {1}")
  @MethodSource("eachRecord")
  void aProductTheHandlerFailsOnIsReportedByItsSequenceNumber(String function, int poisoned) {
    String name = poisoned == 0 ? "product" : "product5";
    BothPaths.Run run = paths.invoke(function, Events.bytes(PRODUCTS), Set.of(name));
    List<String> sequenceNumbers = Events.sequenceNumbers(PRODUCTS);
    assertEquals(List.of(sequenceNumbers.get(poisoned)), run.failedIds());
    assertEquals(PRODUCTS_READ.subList(0, poisoned + 1), strings(run.inputs()));
  }

  @ParameterizedTest(name = "{0} misfit in record {1}")
  @MethodSource("eachRecord")
  void dataThatDoesNotFitIsTheFirstFailureAndNothingAfterItRuns(String function, int misfit) {
    BothPaths.Run run = paths.invoke(function, withMisfit(misfit), Set.of());
    String sequenceNumber = Events.sequenceNumbers(PRODUCTS).get(misfit);
    assertEquals(List.of(sequenceNumber), run.failedIds());
    assertEquals(PRODUCTS_READ.subList(0, misfit), strings(run.inputs()),
        "the records before the misfit, not it, none after it");
    String log = run.invocation().log();
    assertTrue(log.contains("Catalog." + function.substring("Catalog_".length())
        + " failed on record with sequence number " + sequenceNumber), log);
    assertTrue(log.contains("dev.laconic.stream.MappingException: " + MISFIT), log);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void aFailureBeforeTheMisfitIsReportedAloneAndTheMisfitIsNotRead(String function) {
    BothPaths.Run run = paths.invoke(function, withMisfit(1), Set.of("product"));
    assertEquals(List.of(Events.sequenceNumbers(PRODUCTS).get(0)), run.failedIds());
    assertEquals(PRODUCTS_READ.subList(0, 1), strings(run.inputs()));
    assertFalse(run.invocation().log().contains("MappingException"), run.invocation().log());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("plainText")
  void plainTextFailsTheFirstRecordBeforeTheHandlerRuns(String function, String event) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of());
    String first = Events.sequenceNumbers(event).get(0);
    assertEquals(List.of(first), run.failedIds());
    assertEquals(List.of(), run.inputs());
    String log = run.invocation().log();
    assertTrue(log.contains("failed on record with sequence number " + first), log);
    assertTrue(log.contains("dev.laconic.stream.MappingException: " + NOT_JSON), log);
  }

  // ---------------------------------------------------------------------------------------------
  // The adapters

  @Test
  void theShapeHasAnAdapterOfEachFlavorAndOneReaderOfTheType() throws IOException {
    for (String function : FUNCTIONS) {
      assertTrue(RequestStreamHandler.class.isAssignableFrom(paths.stream.adapter(function)),
          function);
      Type[] types = Deployment.requestHandlerTypes(paths.requestHandler.adapter(function));
      assertEquals(KinesisEvent.class, types[0], function);
      assertEquals(StreamsEventResponse.class, types[1], function);
    }
    for (Deployment deployment : List.of(paths.stream, paths.requestHandler)) {
      List<String> generated = deployment.generatedSources();
      assertTrue(generated.contains("relay/ProductJsonReader.java"), generated.toString());
      for (String function : FUNCTIONS) {
        assertTrue(generated.contains("relay/Laconic_" + function + ".java"),
            deployment + " " + generated);
      }
    }
  }

  @Test
  void theMappingsAskForPartialFailures() throws IOException {
    for (Deployment deployment : List.of(paths.stream, paths.requestHandler)) {
      Map<String, Boolean> reports = deployment.reportsBatchItemFailures();
      for (String function : FUNCTIONS) {
        assertEquals(true, reports.get(function), deployment + " " + function);
      }
    }
  }
}
