package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A SnapStart function gets a new version when, and only when, its code or its configuration
 * changes. CloudFormation publishes a version when it creates an {@code AWS::Lambda::Version},
 * and replaces (so publishes anew) one whose create-only property changes; which properties are
 * create-only is read from the resource schema. The code's identity is the jar's SHA-256, given
 * as {@code LaconicCodeSha256}; the jars here are built as Maven builds them reproducibly (entries
 * in a fixed order with the fixed time of {@code project.build.outputTimestamp}).
 */
class SnapStartVersionTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final FileTime OUTPUT_TIMESTAMP =
      FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

  private static String handler(String settings, String body) {
    return """
        public class Orders {
          @LambdaFunction(snapStart = true%s)
          @DynamoStreamTrigger(streamArn = "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000")
          public void echo(DynamodbEvent event) {
            %s
          }
        }
        """.formatted(settings, body);
  }

  /** A build: its template and the SHA-256 of its jar (base64), as a deployment gets them. */
  private record Build(JsonNode template, String codeSha256) {

    static Build of(String source) {
      Compilation compilation = Compilations.compile(Compilations.source("Orders", source));
      assertThat(compilation).succeededWithoutWarnings();
      try {
        JsonNode template = JSON.readTree(Compilations.resource(compilation,
            "laconic/template.json"));
        return new Build(template, sha256(jar(compilation.generatedFiles())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The create-only properties of the version, resolved with this build's parameter. */
    Map<String, String> versionIdentity() {
      JsonNode version = template.at("/Resources/OrdersEchoVersion");
      assertEquals("AWS::Lambda::Version", version.path("Type").asText());
      assertEquals("Retain", version.path("UpdateReplacePolicy").asText());
      Map<String, String> identity = new TreeMap<>();
      for (String property : createOnlyProperties("AWS::Lambda::Version")) {
        JsonNode value = version.path("Properties").path(property);
        if (value.isMissingNode()) {
          continue;
        }
        String ref = value.path("Ref").asText(null);
        identity.put(property, ref == null ? value.toString()
            : ref.equals("LaconicCodeSha256") ? codeSha256 : "Ref " + ref);
      }
      return identity;
    }
  }

  @Test
  void anUnchangedBuildPublishesNothing() {
    Build first = Build.of(handler("", "System.out.println(event);"));
    Build again = Build.of(handler("", "System.out.println(event);"));
    assertEquals(first.codeSha256(), again.codeSha256(), "a reproducible jar");
    assertEquals(first.template(), again.template());
    assertEquals(first.versionIdentity(), again.versionIdentity(), "no replacement");
  }

  @Test
  void changedCodePublishesAVersion() {
    Build first = Build.of(handler("", "System.out.println(event);"));
    Build changed = Build.of(handler("", "System.err.println(event);"));
    assertEquals(first.template(), changed.template(),
        "the template cannot know the code: the parameter carries it");
    assertNotEquals(first.codeSha256(), changed.codeSha256());
    assertNotEquals(first.versionIdentity(), changed.versionIdentity(), "replaced: published");
  }

  @Test
  void changedConfigurationPublishesAVersion() {
    Build first = Build.of(handler("", "System.out.println(event);"));
    Build changed = Build.of(handler(", memorySize = 1024", "System.out.println(event);"));
    assertNotEquals(first.versionIdentity(), changed.versionIdentity(),
        "a version freezes the configuration too");
  }

  @Test
  void theMappingInvokesTheAliasOfThePublishedVersion() {
    JsonNode resources = Build.of(handler("", "")).template().get("Resources");
    assertEquals("OrdersEchoAlias",
        resources.at("/OrdersEchoStreamMapping/Properties/FunctionName/Ref").asText());
    assertEquals("OrdersEchoVersion",
        resources.at("/OrdersEchoAlias/Properties/FunctionVersion/Fn::GetAtt/0").asText());
    assertEquals("PublishedVersions",
        resources.at("/OrdersEchoFunction/Properties/SnapStart/ApplyOn").asText());
  }

  private static List<String> createOnlyProperties(String type) {
    try (InputStream schema = SnapStartVersionTest.class.getResourceAsStream(
        "/cfn-schemas/" + type.toLowerCase(java.util.Locale.ROOT).replace("::", "-") + ".json")) {
      List<String> properties = new ArrayList<>();
      JSON.readTree(schema).path("createOnlyProperties").forEach(pointer ->
          properties.add(pointer.asText().substring("/properties/".length())));
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The class files and template of a compilation as a jar, as Maven builds it reproducibly. */
  private static byte[] jar(List<JavaFileObject> files) throws IOException {
    List<JavaFileObject> sorted = new ArrayList<>(files);
    sorted.removeIf(f -> f.getKind() == JavaFileObject.Kind.SOURCE);
    sorted.sort(Comparator.comparing(f -> f.toUri().getPath()));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes)) {
      for (JavaFileObject file : sorted) {
        JarEntry entry = new JarEntry(file.toUri().getPath().replaceFirst("^/+[A-Z_]+/", ""));
        entry.setLastModifiedTime(OUTPUT_TIMESTAMP);
        jar.putNextEntry(entry);
        try (InputStream in = file.openInputStream()) {
          in.transferTo(jar);
        }
        jar.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static String sha256(byte[] bytes) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
