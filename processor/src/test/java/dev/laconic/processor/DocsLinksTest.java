package dev.laconic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The README and the pages of {@code docs/} hold together: every relative link reaches a file
 * (and, with a {@code #fragment}, a heading of it), every page is linked from the README, and
 * every page opens with its title and links back to the README.
 */
class DocsLinksTest {

  private static List<Markdown> documents() {
    List<Markdown> documents = new ArrayList<>();
    documents.add(Markdown.readme());
    Markdown.docsPages().forEach(page -> documents.add(Markdown.read(page)));
    return documents;
  }

  @Test
  void everyRelativeLinkReachesAFileAndItsHeading() {
    List<String> broken = new ArrayList<>();
    for (Markdown doc : documents()) {
      for (Markdown.Link link : doc.links()) {
        String target = link.target();
        if (target.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
          continue; // https:, mailto: ...: not a file of this repository
        }
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty() ? doc.file() : doc.file().getParent().resolve(path).normalize();
        String where = doc.name() + ":" + link.line() + ": " + target;
        if (!Files.exists(file)) {
          broken.add(where + " -> no file " + Markdown.name(file));
        } else if (fragment != null) {
          if (!file.getFileName().toString().endsWith(".md")) {
            broken.add(where + " -> a #fragment on " + Markdown.name(file)
                + ", which has no headings");
          } else if (!Markdown.read(file).anchors().contains(fragment)) {
            broken.add(where + " -> no heading with the anchor #" + fragment + " in "
                + Markdown.name(file) + " (its anchors: " + Markdown.read(file).anchors() + ")");
          }
        }
      }
    }
    assertEquals(List.of(), broken, "broken links, as file:line: target -> what is missing");
  }

  @Test
  void everyDocsPageIsLinkedFromTheReadme() {
    Markdown readme = Markdown.readme();
    Set<Path> linked = new TreeSet<>();
    for (Markdown.Link link : readme.links()) {
      String path = link.target().replaceFirst("#.*", "");
      if (!path.isEmpty() && !path.matches("[A-Za-z][A-Za-z0-9+.-]*:.*")) {
        linked.add(readme.file().getParent().resolve(path).normalize());
      }
    }
    List<String> unlinked = Markdown.docsPages().stream()
        .filter(page -> !linked.contains(page.toAbsolutePath().normalize()))
        .map(Markdown::name)
        .toList();
    assertEquals(List.of(), unlinked,
        "pages of docs/ that README.md does not link to (add them to its \"Documentation\" list)");
  }

  @Test
  void everyDocsPageOpensWithItsTitleAndLinksBackToTheReadme() {
    List<String> problems = new ArrayList<>();
    for (Path path : Markdown.docsPages()) {
      Markdown page = Markdown.read(path);
      List<String> lines = page.lines();
      if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
        problems.add(page.name() + ":1: the first line is not a title (# Title)");
        continue;
      }
      // The paragraph after the title says what the page covers and links back.
      int start = 1;
      while (start < lines.size() && lines.get(start).isBlank()) {
        start++;
      }
      int end = start;
      while (end < lines.size() && !lines.get(end).isBlank()) {
        end++;
      }
      String opening = String.join("\n", lines.subList(start, end));
      if (opening.isEmpty() || opening.startsWith("#")) {
        problems.add(page.name() + ":" + (start + 1)
            + ": no line under the title says what the page covers");
      } else if (!opening.contains("](../README.md")) {
        problems.add(page.name() + ":" + (start + 1) + "-" + end
            + ": the paragraph under the title does not link back to ../README.md");
      }
    }
    assertEquals(List.of(), problems, "pages of docs/ without their opening");
  }
}
