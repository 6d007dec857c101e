package dev.laconic.processor.parse;

import dev.laconic.annotations.Effect;
import dev.laconic.annotations.IamPolicies;
import dev.laconic.annotations.IamPolicy;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.PolicyModel;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/** Reads the {@code @IamPolicy} statements of a method or class, in source order. */
final class PolicyReader {

  static final String ANNOTATION = IamPolicy.class.getCanonicalName();
  static final String CONTAINER = IamPolicies.class.getCanonicalName();

  private final Elements elements;

  private final java.util.function.Function<String, ArnRef.Resource> baseResources;

  PolicyReader(Elements elements, java.util.function.Function<String, ArnRef.Resource> baseResources) {
    this.elements = elements;
    this.baseResources = baseResources;
  }

  List<PolicyModel> read(Element element) {
    List<PolicyModel> policies = new ArrayList<>();
    for (Annotations.Found found :
        Annotations.repeated(elements, element, ANNOTATION, CONTAINER)) {
      AnnotationReader a =
          new AnnotationReader(elements, element, found.mirror(), found.repeated());
      policies.add(new PolicyModel(
          a.enumConstant("effect", Effect.class, Effect.ALLOW),
          a.strings("actions"),
          a.strings("resources").stream().map(r -> ArnRef.parse(r, baseResources)).toList(),
          a.origin()));
    }
    return policies;
  }
}
