package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.laconic.processor.Compilations.source;
import static dev.laconic.processor.DiagnosticsTest.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.laconic.processor.cfn.CfnSchemaValidator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The bugs {@link FuzzTest} found, each as the smallest source that shows it, checked for what
 * the fuzz test checks of every source: every error is a Laconic diagnostic with a line, and a
 * failed build writes nothing. A test of a bug not fixed yet is disabled, with the bug in its
 * reason, so that it can be run by hand and enabled with the fix.
 */
class FuzzFindingsTest {

  /**
   * {@code StreamFailure} is the record a stream mapping sends to its on-failure queue: a
   * signature of SQS handlers only. On another source it was taken for the user's own type T,
   * and its components, unmappable, were reported on its class file, without a line (fuzz seed
   * -9203069549979311884).
   */
  @Test
  void aStreamFailureHandlerOfAnotherSourceIsABadSignature() {
    for (String trigger : List.of(
        "@KinesisTrigger(streamArn = \"arn:aws:kinesis:us-east-1:123456789012:stream/orders\")",
        DiagnosticsTest.TRIGGER)) {
      Compilation compilation = Compilations.compile(
          handler(trigger, "public void handle(dev.laconic.sqs.StreamFailure failure) {}"));
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining("[LACONIC-109] void handle(StreamFailure"
          + " failure) is not an accepted handler signature.")
          .inFile(compilation.sourceFiles().get(0)).onLineContaining("public void handle");
    }
  }

  /**
   * What the StreamFailure case showed of any type from the class path: a problem of one of its
   * components (LACONIC-601, unmappable) is reported on the component, which has no source, so
   * javac prints it without file and line. It belongs where the handler uses the type, where
   * LACONIC-602 is reported. (DiagnosticsTest expects LACONIC-608 of a class-path type without a
   * position too.)
   */
  @Test
  @Disabled("open: MappedTypeReader reports a component's problem on the component's element"
      + " even when it comes from a class file")
  void aProblemOfATypeFromTheClassPathIsReportedWhereTheHandlerUsesIt() throws IOException {
    try (StandardJavaFileManager files = FuzzTest.fileManager()) {
      List<java.io.File> path = new java.util.ArrayList<>(Compilations.classPathWithout("\0"));
      path.add(Compilations.precompiled("Point", "public record Point(char grade) {}\n"));
      files.setLocation(javax.tools.StandardLocation.CLASS_PATH, path);
      JavaFileObject handler =
          handler(DiagnosticsTest.TRIGGER, "public void handle(Point point) {}");
      FuzzTest.check(handler.getCharContent(true).toString(), files, List.of(handler),
          List.of(Compilations.CODE), new FuzzTest.Stats());
    }
  }

  /**
   * An on-failure destination of the base template whose type names no service, such as
   * {@code Type: Thing}, crashed the validator (LACONIC-001: ArrayIndexOutOfBoundsException in
   * FailureDestination.resolvedKind, which took the service from the type's second part) instead
   * of being reported as a resource of the wrong type (fuzz seed -5713785364362677078).
   */
  @Test
  void anOnFailureResourceWhoseTypeNamesNoServiceIsOfTheWrongType() {
    String[] options = SourceDiagnosticCases.withBase("  Odd:\n    Type: Thing\n");
    for (List<String> handler : List.of(
        List.of("@DynamoStreamTrigger(streamArn = \"${OrdersStream}\",\nonFailure = \"@Odd\")",
            "public void handle(DynamodbEvent event) {}"),
        List.of("@KinesisTrigger(streamArn = \"" + SourceDiagnosticCases.STREAM + "\",\n"
            + "onFailure = \"@Odd\", onFailureKind = DestinationKind.SQS)",
            "public void handle(KinesisEvent event) {}"))) {
      Compilation compilation = Compilations.laconic(options)
          .compile(handler(handler.get(0), handler.get(1)));
      assertThat(compilation).hadErrorCount(1);
      assertThat(compilation).hadErrorContaining("[LACONIC-508] onFailure = \"@Odd\" is a Thing."
          + " It must be an AWS::SQS::Queue, an AWS::SNS::Topic or an AWS::S3::Bucket.")
          .inFile(compilation.sourceFiles().get(0)).onLineContaining("onFailure");
    }
  }

  /**
   * A filter pattern given twice was written twice, and CloudFormation refuses the mapping: its
   * schema wants the filters unique (fuzz seed 5070990937009141083, found by validating good
   * builds' templates against the schemas).
   */
  @Test
  void aFilterGivenTwiceIsWrittenOnce() {
    String twice = "filters = {\"{\\\"body\\\": [\\\"a\\\"]}\", \"{\\\"data\\\": [\\\"a\\\"]}\","
        + " \"{\\\"body\\\": [\\\"a\\\"]}\"}";
    Compilation compilation = Compilations.compile(source("Handler", "public class Handler {\n"
        + "@DynamoStreamTrigger(streamArn = \"" + FuzzTest.DYNAMO_STREAM + "\", " + twice + ")\n"
        + "public void stream(DynamodbEvent event) {}\n"
        + "@KinesisTrigger(streamArn = \"" + FuzzTest.KINESIS_STREAM + "\", " + twice + ")\n"
        + "public void kinesis(KinesisEvent event) {}\n"
        + "@SqsTrigger(queueArn = \"" + FuzzTest.QUEUE + "\", " + twice + ")\n"
        + "public void queue(SQSEvent event) {}\n}\n"));
    JsonNode template = CfnSchemaValidator.readTemplate(
        Compilations.resource(compilation, "laconic/template.yaml"));
    assertEquals(List.of(), CfnSchemaValidator.validate(template, Map.of()));
    for (String mapping : List.of("HandlerStreamStreamMapping", "HandlerKinesisKinesisMapping",
        "HandlerQueueQueueMapping")) {
      assertEquals("[{\"Pattern\":\"{\\\"body\\\": [\\\"a\\\"]}\"},"
          + "{\"Pattern\":\"{\\\"data\\\": [\\\"a\\\"]}\"}]", template.path("Resources")
          .path(mapping).path("Properties").path("FilterCriteria").path("Filters").toString());
    }
  }

  /**
   * A handler that declares {@code throws Throwable} gets an adapter that catches
   * {@code Exception} only, so the adapter does not compile: "unreported exception
   * java.lang.Throwable; must be caught or declared to be thrown" (fuzz seed
   * 303913984083822378). So does a mapper or JSON reader of a class whose constructor or setter
   * declares it. The parser keeps only whether something is declared
   * ({@code HandlerShape.declaresExceptions}, {@code CompositeType.declaresExceptions}), and the
   * generators catch {@code Exception}: AdapterGenerator's batch try and per-record loop,
   * SqsAdapter's message loop, MapperGenerator and JsonReaderGenerator. Such declarations are
   * now refused with an id, on the method (LACONIC-113) or on the constructor or setter
   * (LACONIC-611), before anything is generated.
   */
  @Test
  void aHandlerThatThrowsThrowableIsRefusedOrCompiles() throws IOException {
    String kinesis =
        "@KinesisTrigger(streamArn = \"arn:aws:kinesis:us-east-1:123456789012:stream/orders\")";
    String sqs = "@SqsTrigger(queueArn = \"arn:aws:sqs:us-east-1:123456789012:orders\")";
    String bean = "public static class Bean {\n  public Bean() throws Throwable {}\n"
        + "  public void setName(String name) {}\n}\n";
    String setter = "public static class Bean {\n  public Bean() {}\n"
        + "  public void setName(String name) throws Throwable {}\n}\n";
    String constructor = "public static class Bean {\n"
        + "  public Bean(String name) throws Throwable {}\n}\n";
    for (List<String> handler : List.of(
        List.of(DiagnosticsTest.TRIGGER,
            "public void handle(DynamodbEvent event) throws Throwable {}"),
        List.of(DiagnosticsTest.TRIGGER, "public StreamsEventResponse handle(DynamodbEvent event)"
            + " throws Throwable { return null; }"),
        List.of(kinesis, "public void handle(KinesisEvent.KinesisEventRecord record) throws"
            + " Throwable {}"),
        List.of(sqs, "public void handle(SQSEvent.SQSMessage message) throws Throwable {}"),
        List.of(sqs, "public void handle(Bean bean) {}\n" + bean),
        List.of(sqs, "public void handle(Bean bean) {}\n" + setter),
        List.of(kinesis, "public void handle(Bean bean) {}\n" + constructor),
        List.of(DiagnosticsTest.TRIGGER, "public void handle(Bean bean) {}\n" + bean),
        List.of(DiagnosticsTest.TRIGGER, "public void handle(Bean bean) {}\n" + setter),
        List.of(DiagnosticsTest.TRIGGER, "public void handle(Bean bean) {}\n" + constructor))) {
      check(handler(handler.get(0), handler.get(1)));
    }
  }

  /**
   * A class of the user's named as an adapter, {@code Laconic_Handler_second}, makes writing that
   * adapter fail (LACONIC-505), but only after the adapter of the handler before it, and the
   * mappers, were written: a failed build leaves generated sources (fuzz seed
   * -4489251204078632213).
   */
  @Test
  @Disabled("open: LaconicProcessor.generate writes each function's files as it goes, so a"
      + " later LACONIC-505 comes after earlier files were written; the adapter's name is not"
      + " checked before, as mapper names are (LACONIC-609)")
  void aClassWithAnAdaptersNameFailsTheBuildBeforeAnythingIsWritten() throws IOException {
    check(source("Handler", "public class Handler {\n"
        + DiagnosticsTest.TRIGGER + "\npublic void first(DynamodbEvent event) {}\n"
        + DiagnosticsTest.TRIGGER + "\npublic void second(DynamodbEvent event) {}\n}\n"
        + "class Laconic_Handler_second {}\n"));
  }

  /** Compiles {@code sources} with Laconic, and checks what the fuzz test checks. */
  private static void check(JavaFileObject... sources) throws IOException {
    try (StandardJavaFileManager files = FuzzTest.fileManager()) {
      StringBuilder context = new StringBuilder();
      for (JavaFileObject source : sources) {
        context.append(source.getCharContent(true)).append('\n');
      }
      FuzzTest.check(context.toString(), files, List.of(sources),
          List.of(Compilations.CODE), new FuzzTest.Stats());
    }
  }
}
