package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.testing.compile.Compilation;
import dev.laconic.processor.cfn.CfnSchemaValidator;
import dev.laconic.processor.cfn.ResourceDependencies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SAM variant ({@code -Alaconic.template=sam}) of the shop's template: after SAM's transform
 * it is the same stack as the plain template, resource for resource and property for property,
 * but for the logical ids SAM chooses, the tag SAM puts on functions, and the two things only the
 * plain form needs for SnapStart (the version's {@code CodeSha256} and its
 * {@code UpdateReplacePolicy}, where SAM names each version after its code instead).
 *
 * <p>The transform is AWS's own translator (aws-sam-translator, what cfn-lint and the SAM CLI
 * run), through {@code src/test/python/sam_translate.py}. Where it is not installed, the test
 * compares with its translation recorded in {@code goldens/sam/translated.json} (valid because
 * the SAM template must equal {@code goldens/sam/template.yaml}, the template that was
 * translated) and says so; where it is, the recording must still be what it prints.
 */
class SamTemplateTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Where {@code aws cloudformation package} would upload the jar: a bucket, its MD5 as key. */
  private static final String BUCKET = "laconic-artifacts";
  private static final String KEY = "d41d8cd98f00b204e9800998ecf8427e";
  private static final Path TRANSLATOR = Path.of("src/test/python/sam_translate.py");
  private static final Path RECORDED = Path.of("src/test/resources/goldens/sam/translated.json");

  static JsonNode plain;
  static String plainYaml;
  static JsonNode sam;
  static String samYaml;

  @BeforeAll
  static void compileBothVariants() throws IOException {
    Compilation plainCompilation = GeneratedOutputTest.compileShop(GeneratedOutputTest.HANDLERS);
    plain = JSON.readTree(Compilations.resource(plainCompilation, "laconic/template.json"));
    plainYaml = Compilations.resource(plainCompilation, "laconic/template.yaml");
    Compilation compilation = Compilations.laconic(Compilations.CODE, "-Alaconic.template=sam")
        .compile(GeneratedOutputTest.sources(GeneratedOutputTest.HANDLERS));
    assertThat(compilation).succeededWithoutWarnings();
    sam = JSON.readTree(Compilations.resource(compilation, "laconic/template.json"));
    samYaml = Compilations.resource(compilation, "laconic/template.yaml");
  }

  @Test
  void samTemplateMatchesGolden() {
    Goldens.assertMatches("sam/template.yaml", samYaml);
  }

  @Test
  void theYamlHoldsTheSameTemplate() {
    assertEquals(sam, CfnSchemaValidator.readTemplate(samYaml));
  }

  @Test
  void afterSamsTransformItIsThePlainTemplate() throws Exception {
    JsonNode translated = translated();
    ObjectNode expected = packaged(plain);
    ((ObjectNode) expected.get("Parameters")).remove("LaconicCodeSha256");
    for (JsonNode resource : expected.get("Resources")) {
      if (resource.get("Type").asText().equals("AWS::Lambda::Version")) {
        ((ObjectNode) resource).remove("UpdateReplacePolicy");
        ((ObjectNode) resource.get("Properties")).remove("CodeSha256");
      }
    }
    JsonNode actual = withPlainIds(translated);
    // The one difference in order: SAM's events cannot wait for the policy themselves, so the
    // function does. Either way, what runs the function comes after its policy.
    for (JsonNode template : List.of(expected, actual)) {
      ResourceDependencies dependencies = ResourceDependencies.of(template);
      template.get("Resources").fields().forEachRemaining(entry -> {
        String type = entry.getValue().get("Type").asText();
        if (type.equals("AWS::Lambda::EventSourceMapping")
            || type.equals("AWS::Lambda::Version")) {
          String stem = entry.getKey().replaceFirst("(Stream|Kinesis|Queue)Mapping[0-9]*$|"
              + "Version$", "");
          assertTrue(dependencies.waitsFor(entry.getKey(), stem + "Policy"), entry.getKey());
        }
      });
      template.get("Resources").forEach(resource -> ((ObjectNode) resource).remove("DependsOn"));
    }
    assertEquals(sorted(expected.get("Resources")), sorted(actual.get("Resources")));
    assertEquals(expected.get("Outputs"), actual.get("Outputs"));
    assertEquals(expected.get("Parameters"), actual.get("Parameters"));
  }

  @Test
  void theTranslatedTemplateSatisfiesTheSchemas() throws Exception {
    Map<String, String> parameters = new HashMap<>(GeneratedOutputTest.PARAMETERS);
    parameters.remove("LaconicCodeSha256"); // SAM's versions need no digest of the code
    assertEquals(List.of(), CfnSchemaValidator.validate(translated(), parameters));
  }

  @Test
  void snapStartIsAnAutoPublishedAliasThatTheMappingsInvoke() throws Exception {
    JsonNode function = sam.at("/Resources/AuditChangesRecordFunction");
    assertEquals("AWS::Serverless::Function", function.get("Type").asText());
    assertEquals("live", function.at("/Properties/AutoPublishAlias").asText());
    assertTrue(function.at("/Properties/AutoPublishAliasAllProperties").asBoolean());
    JsonNode translated = translated().get("Resources");
    List<String> versions = new ArrayList<>();
    translated.fields().forEachRemaining(entry -> {
      if (entry.getValue().get("Type").asText().equals("AWS::Lambda::Version")) {
        versions.add(entry.getKey());
      }
    });
    assertEquals(1, versions.size(), "one version: " + versions);
    assertEquals("Retain", translated.get(versions.get(0)).get("DeletionPolicy").asText());
    assertEquals("AuditChangesRecordFunctionAliaslive", translated
        .at("/AuditChangesRecordFunctionStreamMapping/Properties/FunctionName/Ref").asText());
  }

  /**
   * The ids only SAM generates (its alias, its events' mappings) are taken in the SAM variant,
   * not in the plain one.
   */
  @Test
  void theLogicalIdsABaseTemplateMustLeaveFreeAreTheVariantsOwn() {
    String base = DiagnosticsTest.baseTemplate("""
        Parameters:
          LaconicCodeSha256:
            Type: String
        Resources:
          AuditChangesRecordFunctionAliaslive:
            Type: AWS::SQS::Queue
        """);
    Compilation samCompilation = Compilations.laconic(Compilations.CODE, "-Alaconic.template=sam",
        "-Alaconic.baseTemplate=" + base).compile(GeneratedOutputTest.sources(
            GeneratedOutputTest.HANDLERS));
    assertThat(samCompilation).hadErrorContaining("generates the logical id"
        + " AuditChangesRecordFunctionAliaslive, which the base template");
    assertEquals(1, samCompilation.errors().size(), samCompilation.errors().toString());
    Compilation plainCompilation = Compilations.laconic(Compilations.CODE,
        "-Alaconic.baseTemplate=" + base).compile(GeneratedOutputTest.sources(
            GeneratedOutputTest.HANDLERS));
    assertThat(plainCompilation).succeeded(); // the parameter, declared, is reused
  }

  /**
   * cfn-lint, which runs SAM's translator on a SAM template, accepts both variants: no error, no
   * warning but W3002 (a local code path, which {@code package} uploads), and no informational
   * finding but I2530, its advice to consider SnapStart for a Java function that does not ask
   * for it (the shop's other functions, which show the default).
   */
  @Test
  void cfnLintAcceptsBothVariants() throws Exception {
    Path cfnLint = onPath("cfn-lint");
    Assumptions.assumeTrue(cfnLint != null,
        "cfn-lint is not installed (pip install cfn-lint): neither variant was linted");
    for (Map.Entry<String, String> variant : Map.of("plain", plainYaml,
        "sam", samYaml).entrySet()) {
      Path file = Files.createTempFile("laconic-" + variant.getKey(), ".yaml");
      Files.writeString(file, variant.getValue());
      Run run = run(List.of(cfnLint.toString(), "--include-checks", "I",
          "--ignore-checks", "W3002", "I2530", "--", file.toString()), Map.of());
      assertEquals(0, run.exit(), variant.getKey() + " template:\n" + run.output());
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static JsonNode translatedOnce;

  /** SAM's translation of {@link #sam}: live if the translator is installed, else recorded. */
  private static synchronized JsonNode translated() throws Exception {
    if (translatedOnce != null) {
      return translatedOnce;
    }
    JsonNode recorded = JSON.readTree(Files.readString(RECORDED));
    Path python = onPath("python3");
    Run probe = python == null ? null
        : run(List.of(python.toString(), "-c", "import samtranslator"), Map.of());
    if (probe == null || probe.exit() != 0) {
      System.err.println("SamTemplateTest: AWS's SAM translator (python3 with aws-sam-translator)"
          + " is not installed; compared with its translation recorded in " + RECORDED);
      translatedOnce = recorded;
      return recorded;
    }
    Path input = Files.createTempFile("laconic-sam", ".json");
    Files.writeString(input, packaged(sam).toString());
    Run run = run(List.of(python.toString(), TRANSLATOR.toString(), input.toString()),
        Map.of("AWS_DEFAULT_REGION", "eu-west-1"));
    assertEquals(0, run.exit(), "SAM's translator refused the template:\n" + run.output());
    JsonNode live = JSON.readTree(run.stdout());
    assertEquals(recorded, live, "the recorded translation is out of date: write the"
        + " translator's output to " + RECORDED);
    translatedOnce = live;
    return live;
  }

  /**
   * {@code template} as {@code aws cloudformation package} leaves it: each function's code the
   * uploaded jar. SAM's translator takes only S3 locations, as CloudFormation would.
   */
  private static ObjectNode packaged(JsonNode template) {
    ObjectNode copy = template.deepCopy();
    for (JsonNode resource : copy.get("Resources")) {
      ObjectNode properties = (ObjectNode) resource.get("Properties");
      if (properties != null && properties.has("CodeUri")) {
        properties.put("CodeUri", "s3://" + BUCKET + "/" + KEY);
      } else if (properties != null && properties.has("Code")) {
        properties.putObject("Code").put("S3Bucket", BUCKET).put("S3Key", KEY);
      }
    }
    return copy;
  }

  private static final Pattern VERSION = Pattern.compile("(.+)FunctionVersion[0-9a-f]{10}");
  private static final Pattern ALIAS = Pattern.compile("(.+)FunctionAliaslive");
  private static final Pattern EVENT = Pattern.compile(
      "(.+)Function((?:Stream|Kinesis|Queue)Mapping[0-9]*)");

  /**
   * The translated template with the logical ids SAM chose renamed to the plain template's, in
   * the resources and in every reference, and without the tag SAM puts on each function.
   */
  private static JsonNode withPlainIds(JsonNode translated) {
    Map<String, String> renamed = new HashMap<>();
    translated.get("Resources").fieldNames().forEachRemaining(id -> {
      for (Pattern pattern : List.of(VERSION, ALIAS, EVENT)) {
        Matcher m = pattern.matcher(id);
        if (m.matches()) {
          renamed.put(id, m.group(1) + (pattern == VERSION ? "Version"
              : pattern == ALIAS ? "Alias" : m.group(2)));
        }
      }
    });
    ObjectNode copy = (ObjectNode) rename(translated, renamed);
    ObjectNode resources = JSON.createObjectNode();
    copy.get("Resources").fields().forEachRemaining(entry -> resources.set(
        renamed.getOrDefault(entry.getKey(), entry.getKey()), entry.getValue()));
    for (JsonNode resource : resources) {
      JsonNode tags = resource.at("/Properties/Tags");
      if (tags.isArray()) {
        for (Iterator<JsonNode> it = tags.elements(); it.hasNext(); ) {
          if (it.next().path("Key").asText().equals("lambda:createdBy")) {
            it.remove();
          }
        }
        if (tags.isEmpty()) {
          ((ObjectNode) resource.get("Properties")).remove("Tags");
        }
      }
    }
    copy.set("Resources", resources);
    return copy;
  }

  /** {@code node} with every reference (Ref, GetAtt, DependsOn) to a renamed id renamed. */
  private static JsonNode rename(JsonNode node, Map<String, String> renamed) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      node.fields().forEachRemaining(entry -> {
        JsonNode value = entry.getValue();
        String key = entry.getKey();
        if ((key.equals("Ref") || key.equals("DependsOn")) && value.isTextual()) {
          copy.set(key, TextNode.valueOf(renamed.getOrDefault(value.asText(), value.asText())));
        } else if (key.equals("Fn::GetAtt") && value.isArray()) {
          ArrayNode getAtt = copy.putArray(key);
          getAtt.add(renamed.getOrDefault(value.get(0).asText(), value.get(0).asText()));
          getAtt.add(value.get(1));
        } else {
          copy.set(key, rename(value, renamed));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(rename(element, renamed)));
      return copy;
    }
    return node;
  }

  /** Resources by logical id, in id order: SAM writes them in an order of its own. */
  private static Map<String, JsonNode> sorted(JsonNode resources) {
    Map<String, JsonNode> sorted = new java.util.TreeMap<>();
    resources.fields().forEachRemaining(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return sorted;
  }

  private record Run(int exit, String stdout, String output) {}

  private static Run run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment);
    Path out = Files.createTempFile("laconic-run", ".out");
    Path err = Files.createTempFile("laconic-run", ".err");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish in 120 s");
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    return new Run(process.exitValue(), stdout,
        stdout + Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The executable {@code name} on the PATH, or null. */
  private static Path onPath(String name) {
    for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(directory, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
