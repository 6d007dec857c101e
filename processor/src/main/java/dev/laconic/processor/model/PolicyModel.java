package dev.laconic.processor.model;

import dev.laconic.annotations.Effect;
import dev.laconic.processor.diag.Origin;
import java.util.List;

/** One {@code @IamPolicy} statement, from the method or its class. */
public record PolicyModel(Effect effect, List<String> actions, List<ArnRef> resources,
    Origin origin) {

  public PolicyModel {
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
  }
}
