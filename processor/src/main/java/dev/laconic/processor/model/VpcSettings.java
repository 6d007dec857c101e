package dev.laconic.processor.model;

import java.util.List;

/**
 * The network a function runs in ({@code VpcConfig}). Each list holds literal ids, resources of
 * the base template ({@code @Name}) or one template parameter of a list type ({@code ${Name}}).
 *
 * @param ipv6AllowedForDualStack whether the function may send IPv6 traffic in dual-stack subnets
 */
public record VpcSettings(List<ArnRef> subnetIds, List<ArnRef> securityGroupIds,
    boolean ipv6AllowedForDualStack) {

  /** Outside any VPC. */
  public static final VpcSettings NONE = new VpcSettings(List.of(), List.of(), false);

  public VpcSettings {
    subnetIds = List.copyOf(subnetIds);
    securityGroupIds = List.copyOf(securityGroupIds);
  }

  /** Whether the function is given a VPC at all: either list, valid or not. */
  public boolean isSet() {
    return !subnetIds.isEmpty() || !securityGroupIds.isEmpty();
  }
}
