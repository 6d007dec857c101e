package dev.laconic.processor.cfn;

import static dev.laconic.processor.cfn.Intrinsics.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.annotations.LogFormat;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionSettings;
import dev.laconic.processor.model.LoggingSettings;
import dev.laconic.processor.model.VpcSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The function's properties written only when set (its KMS key, {@code /tmp} size, layers, VPC
 * and log format) and the permissions its role needs for them (network interfaces in the VPC,
 * decrypting with the key).
 */
final class OptionalProperties {

  /** An EC2 resource of the stack's account and Region, by type and id. */
  private static final String EC2_ARN = "arn:${AWS::Partition}:ec2:${AWS::Region}"
      + ":${AWS::AccountId}:";

  private OptionalProperties() {}

  /** Adds the key, storage, layers and VPC the settings give to the function's properties. */
  static void addTo(ObjectNode lambda, FunctionSettings settings) {
    settings.kmsKey().ifPresent(key -> lambda.set("KmsKeyArn", Intrinsics.arn(key)));
    if (settings.ephemeralStorage() != FunctionSettings.DEFAULT_EPHEMERAL_STORAGE) {
      lambda.putObject("EphemeralStorage").put("Size", settings.ephemeralStorage());
    }
    if (!settings.layers().isEmpty()) {
      ArrayNode layers = lambda.putArray("Layers");
      settings.layers().forEach(layer -> layers.add(Intrinsics.arn(layer)));
    }
    VpcSettings vpc = settings.vpc();
    if (vpc.isSet()) {
      ObjectNode config = lambda.putObject("VpcConfig");
      config.set("SubnetIds", ids(vpc.subnetIds(), false));
      config.set("SecurityGroupIds", ids(vpc.securityGroupIds(), true));
      if (vpc.ipv6AllowedForDualStack()) {
        config.put("Ipv6AllowedForDualStack", true);
      }
    }
  }

  /** Adds the format and levels to {@code LoggingConfig}, after its log group. */
  static void addTo(ObjectNode loggingConfig, LoggingSettings logging) {
    if (logging.format() == LogFormat.TEXT) {
      return;
    }
    loggingConfig.put("LogFormat", logging.format().identifier());
    if (!logging.applicationLevel().identifier().isEmpty()) {
      loggingConfig.put("ApplicationLogLevel", logging.applicationLevel().identifier());
    }
    if (!logging.systemLevel().identifier().isEmpty()) {
      loggingConfig.put("SystemLogLevel", logging.systemLevel().identifier());
    }
  }

  /**
   * A list of ids: a list parameter as itself, else each id, a subnet of the base template by
   * {@code Ref} (its id), a security group by its {@code GroupId}.
   */
  private static JsonNode ids(List<ArnRef> ids, boolean securityGroups) {
    if (ids.size() == 1 && ids.get(0) instanceof ArnRef.Parameter parameter) {
      return Intrinsics.ref(parameter.name());
    }
    ArrayNode array = NODES.arrayNode();
    for (ArnRef id : ids) {
      if (id instanceof ArnRef.Resource resource) {
        array.add(securityGroups ? Intrinsics.getAtt(resource.logicalId(), "GroupId")
            : Intrinsics.ref(resource.logicalId()));
      } else if (id instanceof ArnRef.Parameter parameter) {
        array.add(Intrinsics.ref(parameter.name()));
      } else {
        array.add(id.source());
      }
    }
    return array;
  }

  /**
   * The permissions the settings need: what AWS's managed policy {@code
   * AWSLambdaVPCAccessExecutionRole} grants for the network interfaces Lambda creates in the
   * function's subnets (but for logs, which the role has for its own group only), scoped as far
   * as EC2 allows; and {@code kms:Decrypt} on the function's key.
   */
  static void addPermissions(FunctionSettings settings, PolicyStatements statements) {
    VpcSettings vpc = settings.vpc();
    if (vpc.isSet()) {
      // EC2's Describe actions take no resource-level permissions. DescribeSubnets is not in
      // Lambda's list but is in AWS's managed policy: Lambda reads the subnets it places
      // interfaces in.
      statements.allow("DescribeVpcNetwork",
          List.of("ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets"),
          List.of(NODES.textNode("*")));
      // Creating an interface is authorized on the interface, its subnet and its security
      // groups: the role may create interfaces in these subnets with these groups only.
      List<JsonNode> createOn = new ArrayList<>();
      createOn.add(Intrinsics.sub(EC2_ARN + "network-interface/*"));
      vpc.subnetIds().forEach(id -> createOn.add(ec2Arn("subnet", id, "")));
      vpc.securityGroupIds().forEach(id -> createOn.add(ec2Arn("security-group", id,
          ".GroupId")));
      statements.allow("CreateVpcNetworkInterfaces", List.of("ec2:CreateNetworkInterface"),
          createOn);
      // Lambda's guide: without all interface ids for DeleteNetworkInterface the function
      // may lose its VPC access; the ids are Lambda's, not known before it creates them.
      statements.allow("ManageVpcNetworkInterfaces", List.of("ec2:DeleteNetworkInterface",
          "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"),
          List.of(Intrinsics.sub(EC2_ARN + "network-interface/*")));
    }
    settings.kmsKey().ifPresent(key -> statements.allow("DecryptWithFunctionKey",
        List.of("kms:Decrypt"), List.of(Intrinsics.arn(key))));
  }

  /**
   * The ARN of a subnet or security group: of a literal id or a base template's resource (its id
   * being its {@code Ref}, or {@code attribute}); of a list parameter, every one of that type in
   * the account and Region, as CloudFormation cannot make an ARN of each element of a list.
   */
  private static JsonNode ec2Arn(String type, ArnRef id, String attribute) {
    if (id instanceof ArnRef.Parameter) {
      return Intrinsics.sub(EC2_ARN + type + "/*");
    }
    if (id instanceof ArnRef.Resource resource) {
      return Intrinsics.sub(EC2_ARN + type + "/${" + resource.logicalId() + attribute + "}");
    }
    return Intrinsics.sub(EC2_ARN + type + "/" + id.source());
  }
}
