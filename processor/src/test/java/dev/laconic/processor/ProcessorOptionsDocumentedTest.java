package dev.laconic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The table of processor options in {@code docs/using.md} documents exactly the {@code -A}
 * options the processor supports ({@link LaconicProcessor#getSupportedOptions()}): javac warns
 * about any other, and an option missing from the table is one no user would find.
 */
class ProcessorOptionsDocumentedTest {

  private static final String PAGE = "docs/using.md";
  private static final String HEADING = "Processor options";
  private static final Pattern OPTION = Pattern.compile("^\\|\\s*`-A([\\w.]+)");

  @Test
  void theOptionsTableListsTheSupportedOptions() {
    Markdown page = Markdown.read(Markdown.ROOT.resolve(PAGE));
    Markdown.Heading heading = page.headings().stream()
        .filter(h -> h.text().equals(HEADING))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no heading \"" + HEADING + "\" in " + PAGE));
    Set<String> documented = new TreeSet<>();
    for (String line : page.lines().subList(heading.line(), page.sectionEnd(heading))) {
      Matcher m = OPTION.matcher(line.strip());
      if (m.find()) {
        documented.add(m.group(1));
      }
    }
    Set<String> supported = new TreeSet<>(new LaconicProcessor().getSupportedOptions());

    List<String> problems = new ArrayList<>();
    for (String option : supported) {
      if (!documented.contains(option)) {
        problems.add("-A" + option + ": supported by the processor, missing from the table");
      }
    }
    for (String option : documented) {
      if (!supported.contains(option)) {
        problems.add("-A" + option + ": in the table, not supported by the processor");
      }
    }
    assertEquals(List.of(), problems,
        "the table under \"" + HEADING + "\" in " + PAGE + " and getSupportedOptions() differ");
  }
}
