package dev.laconic.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One of the project's Markdown files, read as the documentation tests need it: its headings with
 * the anchors GitHub gives them, its links with their lines, and the text of a section.
 *
 * <p>Fenced code blocks are skipped, and so are inline code spans when links are looked for:
 * neither holds headings or links.
 */
final class Markdown {

  /** The repository's root: tests run in the module's directory, one level below it. */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)(?:\\s+#+)?\\s*$");
  // The target of an inline link or image: `](target)` or `](target "title")`.
  private static final Pattern LINK =
      Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  // A reference definition: `[label]: target`.
  private static final Pattern DEFINITION =
      Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s+<?([^\\s>]+)>?");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");

  /** A heading: its 1-based line, level (1 for {@code #}), text as written, and anchor. */
  record Heading(int line, int level, String text, String anchor) {}

  /** A link: the 1-based line it is on and its target as written. */
  record Link(int line, String target) {}

  private final Path file;
  private final List<String> lines;
  private final boolean[] code;

  private Markdown(Path file, List<String> lines) {
    this.file = file;
    this.lines = lines;
    this.code = new boolean[lines.size()];
    boolean fence = false;
    for (int i = 0; i < lines.size(); i++) {
      String stripped = lines.get(i).strip();
      if (stripped.startsWith("```") || stripped.startsWith("~~~")) {
        code[i] = true;
        fence = !fence;
      } else {
        code[i] = fence;
      }
    }
  }

  static Markdown read(Path file) {
    try {
      Path absolute = file.toAbsolutePath().normalize();
      return new Markdown(absolute, Files.readAllLines(absolute, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code README.md} of the repository. */
  static Markdown readme() {
    return read(ROOT.resolve("README.md"));
  }

  /** The pages of {@code docs/}, by name. */
  static List<Path> docsPages() {
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      return files.filter(f -> f.getFileName().toString().endsWith(".md")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's path from the repository's root, with {@code /}: {@code docs/local.md}. */
  static String name(Path file) {
    return ROOT.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  Path file() {
    return file;
  }

  String name() {
    return name(file);
  }

  List<String> lines() {
    return lines;
  }

  /**
   * The anchor GitHub gives a heading: its text in lower case, with every character but letters,
   * digits, spaces, {@code -} and {@code _} dropped and each space turned into {@code -}.
   * Markdown's own marks ({@code `}, {@code *}) are punctuation too, so they go the same way.
   */
  static String anchor(String headingText) {
    return headingText.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{M}\\p{N} _-]", "")
        .replace(' ', '-');
  }

  /** The headings, in order; a repeated anchor gets {@code -1}, {@code -2}, ... as on GitHub. */
  List<Heading> headings() {
    List<Heading> headings = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      if (code[i]) {
        continue;
      }
      Matcher m = HEADING.matcher(lines.get(i));
      if (m.matches()) {
        String anchor = anchor(m.group(2));
        int count = seen.merge(anchor, 1, Integer::sum);
        headings.add(new Heading(i + 1, m.group(1).length(), m.group(2),
            count == 1 ? anchor : anchor + "-" + (count - 1)));
      }
    }
    return headings;
  }

  Set<String> anchors() {
    Set<String> anchors = new LinkedHashSet<>();
    headings().forEach(h -> anchors.add(h.anchor()));
    return anchors;
  }

  /** Every link and image target outside code, with its line. */
  List<Link> links() {
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (code[i]) {
        continue;
      }
      String text = CODE_SPAN.matcher(lines.get(i)).replaceAll("code");
      Matcher inline = LINK.matcher(text);
      while (inline.find()) {
        links.add(new Link(i + 1, inline.group(1)));
      }
      Matcher definition = DEFINITION.matcher(text);
      if (definition.find()) {
        links.add(new Link(i + 1, definition.group(1)));
      }
    }
    return links;
  }

  /**
   * The lines under a heading, up to the next heading of the same or a higher level (code
   * blocks included).
   */
  String section(Heading heading) {
    return String.join("\n", lines.subList(heading.line(), sectionEnd(heading)));
  }

  /**
   * Where the section of {@code heading} ends: the index in {@link #lines()} of the next heading
   * of the same or a higher level, or the number of lines. It starts at index {@code
   * heading.line()}, the line after the heading.
   */
  int sectionEnd(Heading heading) {
    for (Heading h : headings()) {
      if (h.line() > heading.line() && h.level() <= heading.level()) {
        return h.line() - 1;
      }
    }
    return lines.size();
  }
}
