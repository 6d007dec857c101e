package dev.laconic.local.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A function's log format and levels, VPC, layers, ephemeral storage and KMS key, in a plain
 * template and in a SAM one that sets most of them in its {@code Globals}: each written as a
 * list of ids or ARNs, a parameter, or the template's own subnets, groups, layers and keys.
 */
class FunctionSettingsTest {

  private static final String PARAMETERS = """
      "Parameters": {
        "PrivateSubnetIds": {"Type": "List<AWS::EC2::Subnet::Id>",
          "Description": "The subnets of the orders VPC"},
        "DatabaseSecurityGroupIds": {"Type": "List<AWS::EC2::SecurityGroup::Id>"},
        "OtelLayerArn": {"Type": "String"},
        "EnvironmentKeyArn": {"Type": "String"}},
      """;

  private static final String PLAIN = "{" + PARAMETERS + """
       "Resources": {
        "SubnetA": {"Type": "AWS::EC2::Subnet", "Properties": {
          "VpcId": "vpc-0a1b2c3d4e5f60718", "CidrBlock": "10.0.1.0/24"}},
        "SubnetB": {"Type": "AWS::EC2::Subnet", "Properties": {
          "VpcId": "vpc-0a1b2c3d4e5f60718", "CidrBlock": "10.0.2.0/24"}},
        "FunctionGroup": {"Type": "AWS::EC2::SecurityGroup", "Properties": {
          "GroupDescription": "Orders functions", "VpcId": "vpc-0a1b2c3d4e5f60718"}},
        "SharedLayer": {"Type": "AWS::Lambda::LayerVersion", "Properties": {
          "Content": {"S3Bucket": "shop-artifacts", "S3Key": "shared.zip"}}},
        "EnvironmentKey": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {
          "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
            "Action": "kms:*", "Resource": "*"}]}}},
        "AuditFunction": {"Type": "AWS::Lambda::Function", "Properties": {
          "Handler": "shop.Laconic_Orders_audit::handleRequest", "Runtime": "java21",
          "EphemeralStorage": {"Size": 2048},
          "Layers": [{"Ref": "SharedLayer"}, {"Ref": "OtelLayerArn"},
            "arn:aws:lambda:eu-west-1:123456789012:layer:tools:3"],
          "LoggingConfig": {"LogFormat": "JSON", "ApplicationLogLevel": "DEBUG"},
          "VpcConfig": {"SubnetIds": [{"Ref": "SubnetA"}, {"Ref": "SubnetB"}],
            "SecurityGroupIds": [{"Fn::GetAtt": ["FunctionGroup", "GroupId"]},
              "sg-0123456789abcdef0"]},
          "KmsKeyArn": {"Fn::GetAtt": ["EnvironmentKey", "Arn"]}}},
        "ReportFunction": {"Type": "AWS::Lambda::Function", "Properties": {
          "Handler": "shop.Laconic_Orders_report::handleRequest", "Runtime": "java21",
          "LoggingConfig": {"LogFormat": "Text", "ApplicationLogLevel": "DEBUG"},
          "VpcConfig": {"SubnetIds": {"Ref": "PrivateSubnetIds"},
            "SecurityGroupIds": {"Ref": "DatabaseSecurityGroupIds"}},
          "KmsKeyArn":
            "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"}},
        "PlainFunction": {"Type": "AWS::Lambda::Function", "Properties": {
          "Handler": "shop.Laconic_Orders_plain::handleRequest", "Runtime": "java21"}}
       }}""";

  /** Most of the same in {@code Globals}, which each function adds to or overrides. */
  private static final String SAM = "{\"Transform\": \"AWS::Serverless-2016-10-31\","
      + PARAMETERS + """
       "Globals": {"Function": {"Runtime": "java21",
         "Layers": [{"Ref": "SharedLayer"}],
         "LoggingConfig": {"LogFormat": "JSON", "SystemLogLevel": "WARN"},
         "VpcConfig": {"SubnetIds": {"Ref": "PrivateSubnetIds"},
           "SecurityGroupIds": [{"Fn::GetAtt": ["FunctionGroup", "GroupId"]}]},
         "KmsKeyArn": {"Ref": "EnvironmentKeyArn"}}},
       "Resources": {
        "FunctionGroup": {"Type": "AWS::EC2::SecurityGroup", "Properties": {
          "GroupDescription": "Orders functions", "VpcId": "vpc-0a1b2c3d4e5f60718"}},
        "SharedLayer": {"Type": "AWS::Serverless::LayerVersion", "Properties": {
          "ContentUri": "layers/shared"}},
        "AuditFunction": {"Type": "AWS::Serverless::Function", "Properties": {
          "Handler": "shop.Laconic_Orders_audit::handleRequest",
          "EphemeralStorage": {"Size": 10240}}},
        "ReportFunction": {"Type": "AWS::Serverless::Function", "Properties": {
          "Handler": "shop.Laconic_Orders_report::handleRequest",
          "LoggingConfig": {"LogFormat": "Text"},
          "VpcConfig": {"SubnetIds": ["subnet-0123456789abcdef0"],
            "SecurityGroupIds": ["sg-0123456789abcdef0"], "Ipv6AllowedForDualStack": true}}}
       }}""";

  private final Description plain = Description.of(Templates.parse(PLAIN));
  private final Description sam = Description.of(Templates.parse(SAM));

  @Test
  void everySettingOfAFunctionThatSetsThemAllNextToWhatItWasAlreadyShown() {
    assertEquals(List.of(
        new Setting("Handler method", "Orders.audit"),
        new Setting("Runtime", "java21"),
        new Setting("Memory", "128 MB (default)"),
        new Setting("Ephemeral storage", "2048 MB"),
        new Setting("Timeout", "3 s (default)"),
        new Setting("Architecture", "x86_64 (default)"),
        new Setting("Layers", "SharedLayer, !Ref OtelLayerArn,"
            + " arn:aws:lambda:eu-west-1:123456789012:layer:tools:3"),
        new Setting("Log group", "/aws/lambda/<function name> (default), kept forever"),
        new Setting("Log format", "JSON"),
        new Setting("Application log level", "DEBUG"),
        new Setting("System log level", "INFO (default)"),
        new Setting("Subnets", "SubnetA, SubnetB"),
        new Setting("Security groups", "FunctionGroup, sg-0123456789abcdef0"),
        new Setting("KMS key", "EnvironmentKey"),
        new Setting("Role", "made by SAM"),
        new Setting("Handler", "shop.Laconic_Orders_audit::handleRequest")),
        plain.functions().get(0).settings());
  }

  @Test
  void listParametersAnArnAndTextLogsWithoutLevels() {
    Map<String, String> report = settings(plain, "ReportFunction");
    assertEquals("!Ref PrivateSubnetIds", report.get("Subnets"));
    assertEquals("!Ref DatabaseSecurityGroupIds", report.get("Security groups"));
    assertEquals("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        report.get("KMS key"));
    assertEquals("Text", report.get("Log format"));
    assertFalse(report.containsKey("Application log level"), "Lambda filters JSON logs only");
    assertFalse(report.containsKey("System log level"));
  }

  @Test
  void aFunctionThatSetsNoneOfThemSaysOnlyItsLogFormat() {
    Map<String, String> defaults = settings(plain, "PlainFunction");
    assertEquals("Text (default)", defaults.get("Log format"));
    for (String name : List.of("Application log level", "System log level", "Ephemeral storage",
        "Layers", "Subnets", "Security groups", "KMS key")) {
      assertFalse(defaults.containsKey(name), name);
    }
  }

  @Test
  void samGlobalsUnderEachFunction() {
    Map<String, String> audit = settings(sam, "AuditFunction");
    assertEquals("10240 MB", audit.get("Ephemeral storage"));
    assertEquals("SharedLayer", audit.get("Layers"));
    assertEquals("JSON", audit.get("Log format"));
    assertEquals("INFO (default)", audit.get("Application log level"));
    assertEquals("WARN", audit.get("System log level"));
    assertEquals("!Ref PrivateSubnetIds", audit.get("Subnets"));
    assertEquals("FunctionGroup", audit.get("Security groups"));
    assertEquals("!Ref EnvironmentKeyArn", audit.get("KMS key"));
    Map<String, String> report = settings(sam, "ReportFunction");
    assertEquals("Text", report.get("Log format"));
    assertFalse(report.containsKey("System log level"));
    assertEquals("subnet-0123456789abcdef0", report.get("Subnets"));
    // SAM puts a list of the globals before the function's own; an intrinsic (the global
    // subnets' Ref) is a value the function's own list replaces.
    assertEquals("FunctionGroup, sg-0123456789abcdef0", report.get("Security groups"));
    assertEquals("yes", report.get("IPv6 (dual stack)"));
    assertEquals("SharedLayer", report.get("Layers"));
  }

  /**
   * Subnets, security groups, layers and keys are no source or destination: the picture draws
   * what feeds the functions, and names the rest only in their settings.
   */
  @Test
  void nothingNewIsDrawn() {
    for (Description description : List.of(plain, sam)) {
      assertEquals(List.of(), description.resources());
      assertEquals(List.of(), description.links());
    }
  }

  @Test
  void theTextSummary() {
    assertEquals(List.of(
        "3 functions, 0 mappings, 0 sources and destinations",
        "AuditFunction (Orders.audit): java21, 128 MB, 2048 MB /tmp, 3 s, x86_64,"
            + " layers SharedLayer, !Ref OtelLayerArn,"
            + " arn:aws:lambda:eu-west-1:123456789012:layer:tools:3, JSON logs, VPC,"
            + " KMS key EnvironmentKey",
        "ReportFunction (Orders.report): java21, 128 MB, 3 s, x86_64, VPC,"
            + " KMS key arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "PlainFunction (Orders.plain): java21, 128 MB, 3 s, x86_64"), TextSummary.of(plain));
    assertEquals(List.of(
        "2 functions, 0 mappings, 0 sources and destinations",
        "AuditFunction (Orders.audit): java21, 128 MB, 10240 MB /tmp, 3 s, x86_64,"
            + " layers SharedLayer, JSON logs, VPC, KMS key !Ref EnvironmentKeyArn",
        "ReportFunction (Orders.report): java21, 128 MB, 3 s, x86_64, layers SharedLayer, VPC,"
            + " KMS key !Ref EnvironmentKeyArn"), TextSummary.of(sam));
  }

  @Test
  void thePageShowsThemInTheFunctionsTableAndItsBoxsTooltip() {
    String page = DescribePage.html(plain, "orders");
    String audit = section(page, "AuditFunction");
    for (String row : List.of(
        "<tr><th>Ephemeral storage</th><td>2048 MB</td></tr>",
        "<tr><th>Layers</th><td>SharedLayer, !Ref OtelLayerArn,"
            + " arn:aws:lambda:eu-west-1:123456789012:layer:tools:3</td></tr>",
        "<tr><th>Log format</th><td>JSON</td></tr>",
        "<tr><th>Application log level</th><td>DEBUG</td></tr>",
        "<tr><th>System log level</th><td>INFO (default)</td></tr>",
        "<tr><th>Subnets</th><td>SubnetA, SubnetB</td></tr>",
        "<tr><th>Security groups</th><td>FunctionGroup, sg-0123456789abcdef0</td></tr>",
        "<tr><th>KMS key</th><td>EnvironmentKey</td></tr>")) {
      assertTrue(audit.contains(row), row);
    }
    String report = section(page, "ReportFunction");
    assertTrue(report.contains("<tr><th>Subnets</th><td>!Ref PrivateSubnetIds</td></tr>"));
    assertFalse(report.contains("log level"));
    assertTrue(page.contains("\nSubnets: SubnetA, SubnetB\n"), "the box's tooltip");
    assertTrue(page.contains(">Log format: JSON</text>"), "a short setting in the box itself");
    assertFalse(page.contains(">Subnets: "), "a list only in the tooltip and the text");
    String samPage = DescribePage.html(sam, "orders");
    assertTrue(section(samPage, "ReportFunction")
        .contains("<tr><th>IPv6 (dual stack)</th><td>yes</td></tr>"));
    assertTrue(section(samPage, "AuditFunction")
        .contains("<tr><th>KMS key</th><td>!Ref EnvironmentKeyArn</td></tr>"));
  }

  private static Map<String, String> settings(Description description, String function) {
    return description.node(function).orElseThrow().settings().stream()
        .collect(Collectors.toMap(Setting::name, Setting::value));
  }

  /** The function's section of the text below the picture. */
  private static String section(String page, String function) {
    int from = page.indexOf("<section class=\"function\" id=\"function-" + function + "\"");
    assertTrue(from >= 0, function);
    return page.substring(from, page.indexOf("</section>", from));
  }
}
