package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.laconic.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A class annotated for the AWS SDK Enhanced Client, taken as a JSON payload (Kinesis data, an SQS
 * body), keeps Laconic's JSON rules: the build goes through to the generated JSON reader.
 */
class EnhancedClientPayloadTest {

  private static final JavaFileObject ITEM = source("Item", """
      import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;

      @DynamoDbBean
      public class Item {
        private String id;
        @DynamoDbPartitionKey @DynamoDbAttribute("pk")
        public String getId() { return id; }
        public void setId(String id) { this.id = id; }
        @DynamoDbFlatten public Audit getAudit() { return null; }
        public void setAudit(Audit audit) {}
        @DynamoDbBean
        public static class Audit {
          public String getBy() { return null; }
          public void setBy(String by) {}
        }
      }
      """);

  @Test
  void kinesisDataOfAnEnhancedClientBean() {
    Compilation compilation = Compilations.compile(ITEM, DiagnosticsTest.handler(
        SourceDiagnosticCases.KINESIS, "public void handle(Item item) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ItemJsonReader");
  }

  @Test
  void sqsBodyOfAnEnhancedClientBean() {
    Compilation compilation = Compilations.compile(ITEM, DiagnosticsTest.handler(
        "@SqsTrigger(queueArn = \"" + SourceDiagnosticCases.QUEUE + "\")",
        "public void handle(Item item) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.ItemJsonReader");
  }
}
