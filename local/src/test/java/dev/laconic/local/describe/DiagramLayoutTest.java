package dev.laconic.local.describe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Columns follow the flow, boxes never overlap, and an arrow never runs behind a box. */
class DiagramLayoutTest {

  @Test
  void eachNodeOneColumnAfterWhatFeedsIt() {
    Diagram diagram = DiagramLayout.of(Description.of(Templates.parse(Templates.ORDERS)));
    Map<String, Integer> columns = diagram.boxes().stream()
        .collect(Collectors.toMap(b -> b.node().id(), Diagram.Box::column));
    assertEquals(Map.of("Orders", 0, "!Ref PaymentsStreamArn", 0, "Changes", 1,
        "AuditStreamMapping", 1, "PaymentsMapping", 1, "AuditFunction", 2, "Failures", 2,
        "Dead", 3, "ReportQueueMapping", 3, "ReportFunction", 4), columns);
  }

  @Test
  void anArrowPastAColumnRunsAboveTheBoxesAndOneBackBelowThem() {
    // The report function's own failures go back to the queue it reads: a circle.
    String circle = Templates.ORDERS.replace("\"ScalingConfig\": {\"MaximumConcurrency\": 4}",
        "\"StartingPosition\": \"LATEST\", \"DestinationConfig\": {\"OnFailure\":"
            + " {\"Destination\": {\"Fn::GetAtt\": [\"Failures\", \"Arn\"]}}}");
    Diagram diagram = DiagramLayout.of(Description.of(Templates.parse(circle)));
    int top = diagram.boxes().stream().mapToInt(Diagram.Box::y).min().orElseThrow();
    int bottom = diagram.boxes().stream().mapToInt(b -> b.y() + b.height()).max().orElseThrow();
    Map<Link, Diagram.Arrow> arrows = diagram.arrows().stream()
        .collect(Collectors.toMap(Diagram.Arrow::link, a -> a));
    Diagram.Arrow back = arrows.get(
        new Link("ReportQueueMapping", "Failures", Link.Kind.ON_FAILURE));
    assertEquals(Diagram.Route.BELOW, back.route());
    assertTrue(back.laneY() > bottom && back.laneY() < diagram.height());
    Diagram.Arrow past = arrows.get(
        new Link("PaymentsMapping", "ReportFunction", Link.Kind.INVOKES));
    assertEquals(Diagram.Route.ABOVE, past.route());
    assertTrue(past.laneY() < top && past.laneY() > 0);
  }

  @Test
  void boxesOfAColumnDoNotOverlapAndStayInsideThePicture() {
    for (String template : List.of("shop-template.json", "shop-sam-template.json")) {
      Diagram diagram = DiagramLayout.of(Description.of(Templates.resource(template)));
      List<Diagram.Box> boxes = diagram.boxes();
      for (Diagram.Box a : boxes) {
        assertTrue(a.x() >= 0 && a.y() >= 0 && a.x() + a.width() <= diagram.width()
            && a.y() + a.height() <= diagram.height(), a.node().id());
        for (Diagram.Box b : boxes) {
          if (a != b && a.column() == b.column()) {
            assertTrue(a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y(),
                a.node().id() + " and " + b.node().id());
          }
        }
      }
    }
  }

  @Test
  void aBoxShowsWhatTheTemplateChoseAndAFunctionsRuntimeMemoryAndTimeout() {
    Description orders = Description.of(Templates.parse(Templates.ORDERS));
    assertEquals(List.of("Runtime", "Memory", "Timeout"),
        DiagramLayout.shownSettings(orders.node("ReportFunction").orElseThrow()).stream()
            .map(Setting::name).toList());
    assertEquals(List.of("Batch size", "Maximum concurrency", "Reports item failures"),
        DiagramLayout.shownSettings(orders.node("ReportQueueMapping").orElseThrow()).stream()
            .map(Setting::name).toList());
  }
}
