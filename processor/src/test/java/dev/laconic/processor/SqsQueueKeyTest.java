package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.testing.compile.Compilation;
import dev.laconic.processor.cfn.CfnSchemaValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code kms:Decrypt} grant for a queue of the user's template encrypted with a customer
 * managed key, for every way its {@code KmsMasterKeyId} can name the key; none for SQS's own
 * key, and a warning where no grant can be written.
 */
class SqsQueueKeyTest {

  static final String KEY_ARN =
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of(KEY_ARN, "\"" + KEY_ARN + "\"", false),
        Arguments.of("1234abcd-12ab-34cd-56ef-1234567890ab",
            "{\"Fn::Sub\":\"arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/"
                + "1234abcd-12ab-34cd-56ef-1234567890ab\"}", false),
        Arguments.of("!Ref Key",
            "{\"Fn::Sub\":\"arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/"
                + "${Key}\"}", false),
        Arguments.of("!GetAtt Key.Arn", "{\"Fn::GetAtt\":[\"Key\",\"Arn\"]}", false),
        Arguments.of("!GetAtt Key.KeyId",
            "{\"Fn::Sub\":\"arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/"
                + "${Key.KeyId}\"}", false),
        Arguments.of("alias/aws/sqs", null, false),
        Arguments.of("alias/orders", null, true),
        Arguments.of("!Ref KeyParameter", null, true),
        Arguments.of("!ImportValue SharedKey", null, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("keys")
  void theRoleMayDecryptWithTheQueuesKey(String keyId, String grant, boolean warned) {
    String base = "Parameters:\n  KeyParameter:\n    Type: String\n"
        + "Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Properties:\n"
        + "      KeyPolicy: {}\n"
        + "  Jobs:\n    Type: AWS::SQS::Queue\n    Properties:\n"
        + "      KmsMasterKeyId: " + keyId + "\n";
    Compilation compilation = Compilations.laconic(Compilations.CODE,
        "-Alaconic.baseTemplate=" + DiagnosticsTest.baseTemplate(base))
        .compile(DiagnosticsTest.handler("@SqsTrigger(queueArn = \"@Jobs\")",
            "public void handle(SQSEvent event) {}"));
    assertThat(compilation).succeeded();
    assertEquals(warned ? 1 : 0, compilation.warnings().stream()
        .filter(w -> w.getMessage(null).contains("[LACONIC-809]")).count(),
        () -> compilation.warnings().toString());
    JsonNode template = CfnSchemaValidator.readTemplate(
        Compilations.resource(compilation, "laconic/template.yaml"));
    List<String> decrypt = new ArrayList<>();
    template.at("/Resources/HandlerHandlePolicy/Properties/PolicyDocument/Statement")
        .forEach(statement -> {
          if (statement.get("Sid").asText().equals("DecryptQueueMessages")) {
            statement.get("Resource").forEach(resource -> decrypt.add(resource.toString()));
          }
        });
    assertEquals(grant == null ? List.of() : List.of(grant), decrypt);
  }
}
