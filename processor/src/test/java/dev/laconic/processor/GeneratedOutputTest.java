package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.laconic.processor.cfn.CfnSchemaValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What the processor writes for a small shop of handlers covering every shape and setting:
 * adapters and the template against goldens, the template against CloudFormation's resource
 * schemas, and the same bytes whatever the order of the sources.
 */
class GeneratedOutputTest {

  static final List<String> HANDLERS =
      List.of("OrderEvents", "Refunds", "Audit", "Parcel", "Shipping", "DailyTotals", "Clicks",
          "Inbox");

  /** Values a deployment would give the template's parameters. */
  static final Map<String, String> PARAMETERS = Map.of(
      "LaconicCodeSha256", CfnSchemaValidator.CODE_SHA256,
      "OrdersStreamArn",
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000",
      "CatalogTableArn", "arn:aws:dynamodb:eu-west-1:123456789012:table/Catalog",
      "AuditFailureArn", "arn:aws:sqs:eu-west-1:123456789012:audit-failures",
      "ParcelsStreamArn",
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Parcels/stream/2024-01-01T00:00:00.000",
      "ClicksFailureTopic", "arn:aws:sns:eu-west-1:123456789012:clicks-failures",
      "PrivateSubnets", "subnet-0a1b2c3d,subnet-1a2b3c4d",
      "LambdaSecurityGroups", "sg-0a1b2c3d",
      "SharedLayerArn", "arn:aws:lambda:eu-west-1:123456789012:layer:shared:7",
      "InboxKeyArn",
      "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab");

  static List<JavaFileObject> sources(List<String> names) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (String name : names) {
      sources.add(JavaFileObjects.forResource("handlers/shop/" + name + ".java"));
    }
    return sources;
  }

  static Compilation compileShop(List<String> names) {
    Compilation compilation = Compilations.laconic().compile(sources(names));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  @Test
  void adaptersMatchGoldens() {
    Compilation compilation = compileShop(HANDLERS);
    for (String adapter : List.of("Laconic_OrderEvents_echo", "Laconic_Refunds_refund",
        "Laconic_Audit_Changes_record", "Laconic_Shipping_track", "Laconic_DailyTotals_total",
        "Laconic_Clicks_count", "Laconic_Clicks_session", "Laconic_Clicks_follow",
        "Laconic_Clicks_perMinute", "Laconic_Inbox_receive", "Laconic_Inbox_settle",
        "Laconic_Inbox_redrive", "Laconic_Clicks_scan", "Laconic_Inbox_parcel",
        "ParcelJsonReader")) {
      Goldens.assertMatches(adapter + ".java", source(compilation, "shop." + adapter));
    }
  }

  @Test
  void requestHandlerFlavorMatchesGolden() {
    Compilation compilation = Compilations.laconic(Compilations.CODE,
        "-Alaconic.adapter=request-handler")
        .compile(sources(HANDLERS));
    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertMatches("request-handler/Laconic_Audit_Changes_record.java",
        source(compilation, "shop.Laconic_Audit_Changes_record"));
  }

  /**
   * Coverage tools read class files: JaCoCo leaves out a class with a CLASS- or RUNTIME-retention
   * annotation whose simple name contains "Generated", which the standard SOURCE-retention
   * {@code @Generated} is not.
   */
  @Test
  void generatedClassFilesCarryLaconicGenerated() throws IOException {
    Compilation compilation = compileShop(HANDLERS);
    for (String generated : List.of("Laconic_OrderEvents_echo", "ParcelStreamMapper",
        "ParcelJsonReader", "Laconic_Inbox_receive")) {
      byte[] bytes = compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
          "shop/" + generated + ".class").orElseThrow().openInputStream().readAllBytes();
      String constants = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
      assertTrue(constants.contains("RuntimeInvisibleAnnotations"), generated);
      assertTrue(constants.contains("Ldev/laconic/annotations/LaconicGenerated;"), generated);
    }
    byte[] handler = compilation.generatedFile(javax.tools.StandardLocation.CLASS_OUTPUT,
        "shop/OrderEvents.class").orElseThrow().openInputStream().readAllBytes();
    assertFalse(new String(handler, java.nio.charset.StandardCharsets.ISO_8859_1)
        .contains("LaconicGenerated"), "the user's own class is not marked");
  }

  @Test
  void mapperMatchesGolden() {
    Compilation compilation = compileShop(HANDLERS);
    Goldens.assertMatches("ParcelStreamMapper.java",
        source(compilation, "shop.ParcelStreamMapper"));
  }

  @Test
  void templateMatchesGolden() {
    Compilation compilation = compileShop(HANDLERS);
    Goldens.assertMatches("template.yaml",
        Compilations.resource(compilation, "laconic/template.yaml"));
  }

  @Test
  void yamlAndJsonTemplatesHoldTheSameTree() throws IOException {
    Compilation compilation = compileShop(HANDLERS);
    JsonNode yaml = CfnSchemaValidator.readTemplate(
        Compilations.resource(compilation, "laconic/template.yaml"));
    JsonNode json = new ObjectMapper().readTree(
        Compilations.resource(compilation, "laconic/template.json"));
    assertEquals(json, yaml);
  }

  @Test
  void everyResourceSatisfiesItsCloudFormationSchema() {
    Compilation compilation = compileShop(HANDLERS);
    JsonNode template = CfnSchemaValidator.readTemplate(
        Compilations.resource(compilation, "laconic/template.yaml"));
    assertEquals(List.of(), CfnSchemaValidator.validate(template, PARAMETERS));
  }

  @Test
  void sameSourcesGiveSameBytesInAnyOrder() {
    List<String> reversed = new ArrayList<>(HANDLERS);
    Collections.reverse(reversed);
    Map<String, String> forward = outputs(compileShop(HANDLERS));
    Map<String, String> backward = outputs(compileShop(reversed));
    assertFalse(forward.isEmpty());
    assertEquals(forward, backward);
    forward.values().forEach(text -> assertFalse(text.contains("\r"), "\\n line endings only"));
  }

  /** Every generated file by name, with its content. */
  private static Map<String, String> outputs(Compilation compilation) {
    Map<String, String> out = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        continue; // class files carry javac's own bytes; the sources they come from are compared
      }
      try {
        out.put(file.getName(), file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static String source(Compilation compilation, String qualifiedName) {
    try {
      return compilation.generatedSourceFile(qualifiedName)
          .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName))
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
