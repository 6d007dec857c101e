package dev.laconic.processor.validate;

import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionSettings;
import dev.laconic.processor.model.VpcSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks what a function's settings name outside it: its VPC's subnets and security groups, its
 * layers and its KMS key, as Lambda and CloudFormation would at deploy time: the shapes of literal
 * ids and ARNs, the types of the base template's resources, and Lambda's limits.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_VpcConfig.html">VpcConfig</a>
 */
final class FunctionReferences {

  /** Lambda's limits: subnets and security groups of one function, layers of one function. */
  static final int MAX_SUBNETS = 16;
  static final int MAX_SECURITY_GROUPS = 5;
  static final int MAX_LAYERS = 5;
  /** CloudFormation's longest layer ARN, as the template's parameter of one says too. */
  private static final int MAX_LAYER_ARN_LENGTH = ArnKind.LAYER_VERSION.maxLength();

  private FunctionReferences() {}

  static ValidationReport validate(FunctionSettings settings) {
    ValidationReport.Builder report = ValidationReport.builder();
    validateVpc(settings.vpc(), settings.origin(), report);
    validateLayers(settings.layers(), settings.origin(), report);
    settings.kmsKey().ifPresent(key -> validateKmsKey(key, settings, report));
    return report.build();
  }

  private static void validateVpc(VpcSettings vpc, Origin origin,
      ValidationReport.Builder report) {
    validateIds(vpc.subnetIds(), "subnetIds", ArnKind.SUBNET_IDS, MAX_SUBNETS,
        "AWS::EC2::Subnet", Diagnostic.SUBNET_ID_INVALID, origin, report);
    validateIds(vpc.securityGroupIds(), "securityGroupIds", ArnKind.SECURITY_GROUP_IDS,
        MAX_SECURITY_GROUPS, "AWS::EC2::SecurityGroup", Diagnostic.SECURITY_GROUP_ID_INVALID,
        origin, report);
    // Lambda refuses one list without the other, at deploy time.
    if (!vpc.subnetIds().isEmpty() && vpc.securityGroupIds().isEmpty()) {
      report.report(Diagnostic.VPC_INCOMPLETE, origin.at("subnetIds"), "subnetIds",
          "securityGroupIds");
    } else if (vpc.subnetIds().isEmpty() && !vpc.securityGroupIds().isEmpty()) {
      report.report(Diagnostic.VPC_INCOMPLETE, origin.at("securityGroupIds"), "securityGroupIds",
          "subnetIds");
    }
    if (vpc.ipv6AllowedForDualStack() && vpc.subnetIds().isEmpty()) {
      report.report(Diagnostic.IPV6_WITHOUT_VPC, origin.at("ipv6AllowedForDualStack"));
    }
  }

  private static void validateIds(List<ArnRef> ids, String attribute, ArnKind kind, int max,
      String resourceType, Diagnostic invalid, Origin origin, ValidationReport.Builder report) {
    if (ids.size() > max) {
      report.report(Diagnostic.VPC_LIST_TOO_LONG, origin.at(attribute), attribute, ids.size(),
          max);
    }
    for (int i = 0; i < ids.size(); i++) {
      Origin.Location at = origin.at(attribute, i);
      ArnRef id = ids.get(i);
      if (id instanceof ArnRef.Literal literal && !kind.matches(literal.arn())) {
        report.report(invalid, at, i, literal.arn());
      } else if (id instanceof ArnRef.Parameter && ids.size() > 1) {
        report.report(Diagnostic.VPC_LIST_PARAMETER_NOT_ALONE, at, attribute, i, id.source(),
            kind.parameterType(), attribute);
      } else if (id instanceof ArnRef.Resource resource) {
        validateResource(resource, attribute, resourceType, at, report);
      }
    }
  }

  private static void validateLayers(List<ArnRef> layers, Origin origin,
      ValidationReport.Builder report) {
    if (layers.size() > MAX_LAYERS) {
      report.report(Diagnostic.TOO_MANY_LAYERS, origin.at("layers"), layers.size());
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < layers.size(); i++) {
      Origin.Location at = origin.at("layers", i);
      ArnRef layer = layers.get(i);
      String identity = layer.source();
      if (layer instanceof ArnRef.Literal literal) {
        String arn = literal.arn();
        if (!ArnKind.LAYER_VERSION.matches(arn) || arn.length() > MAX_LAYER_ARN_LENGTH) {
          report.report(Diagnostic.LAYER_ARN_INVALID, at, i, arn, layerHint(arn));
          continue;
        }
        identity = arn.substring(0, arn.lastIndexOf(':'));
      } else if (layer instanceof ArnRef.Resource resource) {
        validateResource(resource, "layers", "AWS::Lambda::LayerVersion", at, report);
      }
      Integer earlier = seen.putIfAbsent(identity, i);
      if (earlier != null) {
        report.report(Diagnostic.LAYER_TWICE, at, i, layer.source(), identity, earlier);
      }
    }
  }

  private static String layerHint(String arn) {
    if (arn.matches("arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:[0-9]{12}:layer:[a-zA-Z0-9_-]+")) {
      return " It names the layer, not a version: add the version, such as " + arn + ":1.";
    }
    if (arn.length() > MAX_LAYER_ARN_LENGTH) {
      return " It has " + arn.length() + " characters, above CloudFormation's "
          + MAX_LAYER_ARN_LENGTH + ".";
    }
    return "";
  }

  private static void validateKmsKey(ArnRef key, FunctionSettings settings,
      ValidationReport.Builder report) {
    Origin.Location at = settings.origin().at("kmsKey");
    boolean valid = true;
    if (key instanceof ArnRef.Literal literal && !ArnKind.KMS_KEY.matches(literal.arn())) {
      report.report(Diagnostic.KMS_KEY_INVALID, at, literal.arn(), kmsHint(literal.arn()));
      valid = false;
    } else if (key instanceof ArnRef.Resource resource) {
      valid = validateResource(resource, "kmsKey", "AWS::KMS::Key", at, report);
    }
    // One diagnostic a value: whether what is not a key encrypts anything is moot.
    if (valid && settings.variables().isEmpty() && !settings.snapStart()) {
      report.report(Diagnostic.KMS_KEY_UNUSED, at, key.source());
    }
  }

  private static String kmsHint(String value) {
    if (value.contains(":alias/") || value.startsWith("alias/")) {
      return " An alias does not do: Lambda needs the key's own ARN (key/<key id>).";
    }
    if (value.matches("([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
        + "|mrk-[0-9a-f]{32})")) {
      return " A key id alone does not do: give the key's ARN.";
    }
    return "";
  }

  /** Reports a resource the base template lacks or has of another type; false if it did. */
  private static boolean validateResource(ArnRef.Resource resource, String attribute,
      String type, Origin.Location at, ValidationReport.Builder report) {
    if (resource.type() == null) {
      report.report(Diagnostic.RESOURCE_NOT_FOUND, at, attribute, resource.source(),
          resource.logicalId());
      return false;
    }
    if (!resource.type().equals(type)) {
      report.report(Diagnostic.RESOURCE_WRONG_TYPE, at, attribute, resource.source(),
          resource.type(), "an " + type);
      return false;
    }
    return true;
  }
}
