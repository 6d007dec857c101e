package dev.laconic.local.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.app.MappingDefinition;
import dev.laconic.local.describe.ResourceNode.Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the page shows of a template: every node, setting and arrow, read as Lambda reads it. */
class DescriptionReaderTest {

  private final Description orders = Description.of(Templates.parse(Templates.ORDERS));

  @Test
  void sourcesAndDestinationsInTemplateOrderThenWhatLiesOutside() {
    assertEquals(List.of("Orders", "Changes", "Failures", "Dead", "!Ref PaymentsStreamArn"),
        orders.resources().stream().map(ResourceNode::id).toList());
    ResourceNode payments = orders.resources().get(4);
    assertTrue(payments.external());
    assertEquals(Service.DYNAMODB, payments.service(), "told by the parameter's pattern");
    assertEquals("DynamoDB stream", payments.kindLabel());
    assertEquals(List.of(new Setting("Parameter", "PaymentsStreamArn"),
        new Setting("Description", "The payments table's stream")), payments.settings());
  }

  @Test
  void aTableWithItsKeyStreamAndKinesisDestination() {
    assertEquals(List.of(
        new Setting("Partition key", "pk (S)"),
        new Setting("Sort key", "sk (N)"),
        new Setting("Stream", "NEW_AND_OLD_IMAGES"),
        new Setting("Billing", "PAY_PER_REQUEST"),
        new Setting("Changes also to", "Changes")), settings("Orders"));
    assertEquals(List.of(new Setting("Shards", "2"), new Setting("Retention", "24 h (default)")),
        settings("Changes"));
    assertEquals(List.of(
        new Setting("Visibility timeout", "180 s"),
        new Setting("Retention", "4 days (default)"),
        new Setting("Dead letters", "Dead after 3 receives")), settings("Failures"));
    assertEquals(List.of(new Setting("Visibility timeout", "30 s (default)"),
        new Setting("Retention", "14 days")), settings("Dead"));
  }

  @Test
  void aStreamMappingWithEverySettingItsFilterAndDestination() {
    MappingNode audit = mapping("AuditStreamMapping");
    assertEquals("AuditFunction", audit.function(), "the alias's function");
    assertEquals("Orders", audit.source());
    assertEquals(Optional.of("Failures"), audit.onFailure());
    assertEquals(List.of("{\"eventName\": [\"REMOVE\"]}"), audit.filters());
    assertEquals(List.of(
        new Setting("Batch size", "25"),
        new Setting("Batching window", "5 s"),
        new Setting("Starting position", "TRIM_HORIZON"),
        new Setting("Retries", "10"),
        new Setting("Record age limit", "1 h"),
        new Setting("Split batch on error", "true"),
        new Setting("Parallelization", "2"),
        new Setting("Reports item failures", "yes"),
        new Setting("Invokes", "alias live")), audit.settings());
  }

  @Test
  void aQueueMappingHasTheQueueDefaultsAndNoStreamSettings() {
    assertEquals(List.of(
        new Setting("Batch size", "10 (default)"),
        new Setting("Batching window", "0 s (default)"),
        new Setting("Maximum concurrency", "4"),
        new Setting("Reports item failures", "no")),
        mapping("ReportQueueMapping").settings());
  }

  @Test
  void aDisabledMappingSaysSoFirstAndLimitsDefaultToUnlimited() {
    List<Setting> settings = mapping("PaymentsMapping").settings();
    assertEquals(new Setting("Enabled", "no: it reads nothing"), settings.get(0));
    assertTrue(settings.contains(new Setting("Retries", "unlimited (default)")));
    assertTrue(settings.contains(new Setting("Record age limit", "unlimited (default)")));
    assertEquals("!Ref PaymentsStreamArn", mapping("PaymentsMapping").source());
  }

  @Test
  void aFunctionWithWhatRunsItWhereItLogsAndWhatItMayDo() {
    FunctionNode audit = orders.functions().get(0);
    assertEquals("Orders.audit", audit.displayName());
    assertTrue(audit.generated());
    assertEquals(List.of(
        new Setting("Handler method", "Orders.audit"),
        new Setting("Runtime", "java21"),
        new Setting("Memory", "512 MB"),
        new Setting("Timeout", "60 s"),
        new Setting("Architecture", "arm64"),
        new Setting("SnapStart", "PublishedVersions"),
        new Setting("Reserved concurrency", "5"),
        new Setting("Log group", "!Sub /aws/lambda/${AWS::StackName}/Audit, 30 days"),
        new Setting("Log format", "Text (default)"),
        new Setting("Role", "AuditRole"),
        new Setting("Handler", "shop.Laconic_Orders_audit::handleRequest")), audit.settings());
    assertEquals(List.of("API_KEY"), audit.environment(), "names only");
    assertEquals(List.of(
        new PolicyStatement("Audit", "ReadStream", "Allow",
            List.of("dynamodb:GetRecords", "dynamodb:GetShardIterator"),
            List.of("!GetAtt Orders.StreamArn"), ""),
        new PolicyStatement("Inline", "", "Deny", List.of("not s3:*"), List.of("*"), ""),
        new PolicyStatement("arn:aws:iam::aws:policy/ReadOnlyAccess", "", "", List.of(),
            List.of(), "")), audit.statements());
  }

  @Test
  void aFunctionLeftWithLambdasDefaults() {
    Map<String, String> report = orders.functions().get(1).settings().stream()
        .collect(Collectors.toMap(Setting::name, Setting::value));
    assertEquals("128 MB (default)", report.get("Memory"));
    assertEquals("3 s (default)", report.get("Timeout"));
    assertEquals("x86_64 (default)", report.get("Architecture"));
    assertEquals("/aws/lambda/<function name> (default), kept forever", report.get("Log group"));
    assertEquals("made by SAM", report.get("Role"));
    assertFalse(report.containsKey("SnapStart"));
  }

  @Test
  void everyArrow() {
    assertEquals(List.of(
        new Link("Orders", "Changes", Link.Kind.CHANGES),
        new Link("Failures", "Dead", Link.Kind.DEAD_LETTERS),
        new Link("Orders", "AuditStreamMapping", Link.Kind.READS),
        new Link("AuditStreamMapping", "AuditFunction", Link.Kind.INVOKES),
        new Link("AuditStreamMapping", "Failures", Link.Kind.ON_FAILURE),
        new Link("Failures", "ReportQueueMapping", Link.Kind.READS),
        new Link("ReportQueueMapping", "ReportFunction", Link.Kind.INVOKES),
        new Link("!Ref PaymentsStreamArn", "PaymentsMapping", Link.Kind.READS),
        new Link("PaymentsMapping", "ReportFunction", Link.Kind.INVOKES)), orders.links());
  }

  /**
   * Laconic's two forms of one application, the plain template and the SAM variant, describe the
   * same functions, fed by the same sources through mappings of the same settings; a SAM
   * function also says its alias.
   */
  @Test
  void theSamVariantDescribesTheSameApplication() {
    Description plain = Description.of(Templates.resource("shop-template.json"));
    Description sam = Description.of(Templates.resource("shop-sam-template.json"));
    assertEquals(15, plain.functions().size());
    assertEquals(plain.functions().stream().map(FunctionNode::id).toList(),
        sam.functions().stream().map(FunctionNode::id).toList());
    for (FunctionNode function : plain.functions()) {
      FunctionNode samFunction = sam.functions().stream()
          .filter(f -> f.id().equals(function.id())).findFirst().orElseThrow();
      assertEquals(function.settings(), samFunction.settings().stream()
          .filter(s -> !s.name().equals("Alias")).toList(), function.id());
      assertEquals(function.statements(), samFunction.statements(), function.id());
      assertEquals(withoutIds(plain.mappingsOf(function.id())),
          withoutIds(sam.mappingsOf(function.id())), function.id());
    }
    assertEquals(plain.resources(), sam.resources());
  }

  /** The page shows each function with the mappings the local runner runs for it. */
  @Test
  void theMappingsOfEachFunctionAreThoseTheRunnerReads() {
    for (JsonNode template : List.of(Templates.parse(Templates.ORDERS),
        Templates.resource("shop-template.json"), Templates.resource("shop-sam-template.json"))) {
      Description description = Description.of(template);
      for (FunctionDefinition function : Application.parse(template).functions()) {
        assertEquals(function.mappings().stream().map(MappingDefinition::logicalId).toList(),
            description.mappingsOf(function.logicalId()).stream().map(MappingNode::id).toList());
      }
    }
  }

  private static List<MappingNode> withoutIds(List<MappingNode> mappings) {
    return mappings.stream().map(m -> new MappingNode("", m.function(), m.source(), m.settings(),
        m.filters(), m.onFailure())).toList();
  }

  private List<Setting> settings(String id) {
    return orders.node(id).orElseThrow().settings();
  }

  private MappingNode mapping(String id) {
    return (MappingNode) orders.node(id).orElseThrow();
  }
}
