package dev.laconic.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.laconic.filters.FilterProblem.Kind;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Every pattern Lambda takes by this reading, event-ruler's compiler compiles too; every pattern
 * event-ruler refuses, this reading refuses. Where this reading refuses what event-ruler compiles,
 * the reason is one of the places Lambda narrows EventBridge, named here, or a pattern on which
 * event-ruler's machine fails (a range beyond the last double).
 */
class RulerCompilerAgreementTest {

  /** The only reasons to refuse what event-ruler compiles. */
  private static final Set<Kind> NARROWER = Set.of(Kind.TRAILING_TEXT,
      Kind.EVENTBRIDGE_ONLY_OPERATOR, Kind.UNKNOWN_OPERATOR);

  @Test
  void acceptsWhatRulerCompilesAndRefusesWhatItRefuses() {
    PatternGenerator generator = new PatternGenerator(20261203L);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < 12_000; i++) {
      String pattern = generator.pattern();
      ParsedFilter parsed = ParsedFilter.parse(pattern);
      String rulerProblem = rulerProblem(pattern);
      String rulerMatchProblem = parsed.refused() ? null : rulerMachineProblem(pattern);
      if (rulerMatchProblem != null) {
        fail("taken here, but event-ruler's machine fails on it (" + rulerMatchProblem + "): "
            + pattern);
      }
      if (!parsed.refused() && rulerProblem != null) {
        fail("taken here, refused by event-ruler (" + rulerProblem + "): " + pattern);
      }
      if (parsed.refused() && rulerProblem == null) {
        // Each refusal is a place Lambda narrows EventBridge, or a range beyond the last double,
        // on which a machine of event-ruler fails (or would, had a repeated field not replaced
        // it): refusing that is the guard.
        boolean named = parsed.problems().stream().filter(p -> p.kind().refused())
            .allMatch(p -> NARROWER.contains(p.kind())
                || p.detail().endsWith(NumericRange.LAST_DOUBLE_REFUSED));
        assertTrue(named || rulerMachineProblem(pattern) != null, () -> "refused here for "
            + parsed.problems() + ", compiled by event-ruler: " + pattern);
        outcomes.merge("refused here only", 1, Integer::sum);
      } else {
        outcomes.merge(parsed.refused() ? "refused by both" : "taken by both", 1, Integer::sum);
      }
    }
    System.out.println("filter patterns read here and by event-ruler: " + outcomes);
    // The generator must exercise all three outcomes, or the test proves little.
    assertEquals(3, outcomes.size(), outcomes::toString);
    assertTrue(outcomes.get("taken by both") > 6_000, outcomes::toString);
  }

  /** Why a machine of event-ruler fails to take {@code pattern} or match with it, or null. */
  static String rulerMachineProblem(String pattern) {
    try {
      Machine machine = new Machine();
      machine.addRule("r", pattern);
      machine.rulesForJSONEvent("{\"a\": 1, \"b\": \"x\", \"c\": {\"x\": [1, \"y\"]}}");
      return null;
    } catch (Exception | Error e) {
      return e.toString();
    }
  }

  /** Why event-ruler refuses {@code pattern}, or null when it compiles it. */
  static String rulerProblem(String pattern) {
    try {
      JsonRuleCompiler.compile(pattern);
      return null;
    } catch (Exception e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage().lines().findFirst().orElse("");
    }
  }
}
