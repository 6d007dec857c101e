package dev.laconic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.laconic.annotations.LambdaFunction;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The annotation reference, {@code docs/annotations.md}, documents every annotation type of
 * {@code laconic-annotations} and every element of each, with its default.
 *
 * <p>The reference's conventions: each annotation has a heading that names it ({@code
 * ## `@SqsTrigger`}, or one heading for two); its elements are the first column of the
 * section's {@code | attribute | default | ...} table (one row may name several) or, for a single
 * element, written as {@code `@DynamoAttribute(value)`}; the default column says {@code required}
 * for an element without a default, {@code none} for an empty string or array, {@code as for
 * `@X`} for the default of another annotation's element of the same name, and otherwise starts
 * with the default in backticks. A repeatable annotation's container ({@code @SqsTriggers}) is
 * not written by hand; the section of what it contains says that it is repeatable.
 */
class AnnotationReferenceTest {

  private static final String REFERENCE = "docs/annotations.md";
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");
  private static final Pattern AS_FOR = Pattern.compile("as for `@(\\w+)`.*");

  /** Every annotation type in the package of {@code laconic-annotations}, by simple name. */
  private static Map<String, Class<? extends Annotation>> annotationTypes()
      throws IOException, URISyntaxException {
    Path location = Path.of(
        LambdaFunction.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String pkg = LambdaFunction.class.getPackageName().replace('.', '/');
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(location)) {
      names.addAll(classNames(location.resolve(pkg)));
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(location)) {
        names.addAll(classNames(jar.getPath(pkg)));
      }
    }
    Map<String, Class<? extends Annotation>> types = new LinkedHashMap<>();
    for (String name : names.stream().sorted().toList()) {
      try {
        Class<?> type = Class.forName(LambdaFunction.class.getPackageName() + "." + name, false,
            LambdaFunction.class.getClassLoader());
        if (type.isAnnotation()) {
          types.put(type.getSimpleName(), type.asSubclass(Annotation.class));
        }
      } catch (ClassNotFoundException e) {
        throw new AssertionError(e);
      }
    }
    return types;
  }

  private static List<String> classNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".class") && !f.contains("$") && !f.equals("package-info.class"))
          .map(f -> f.substring(0, f.length() - ".class".length()))
          .toList();
    }
  }

  /** The annotation whose repeated uses {@code type} holds, if {@code type} is a container. */
  private static Optional<Class<?>> contained(Class<? extends Annotation> type) {
    try {
      Class<?> value = type.getDeclaredMethod("value").getReturnType();
      Class<?> element = value.getComponentType();
      if (element != null && element.isAnnotation()) {
        Repeatable repeatable = element.getAnnotation(Repeatable.class);
        if (repeatable != null && repeatable.value() == type) {
          return Optional.of(element);
        }
      }
    } catch (NoSuchMethodException e) {
      // not a container
    }
    return Optional.empty();
  }

  private static List<Method> elements(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> !m.isSynthetic())
        .sorted(Comparator.comparing(Method::getName))
        .toList();
  }

  private static Optional<Markdown.Heading> headingOf(Markdown reference, Class<?> type) {
    return reference.headings().stream()
        .filter(h -> h.text().contains("`@" + type.getSimpleName() + "`"))
        .findFirst();
  }

  /** A row of an attribute table: its line, the elements it names and its default cell. */
  private record Row(int line, List<String> elements, String defaultCell) {}

  private static List<Row> attributeRows(Markdown reference, Markdown.Heading heading) {
    List<Row> rows = new ArrayList<>();
    List<String> lines = reference.lines();
    boolean inTable = false;
    for (int i = heading.line(); i < reference.sectionEnd(heading); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("| attribute |")) {
        inTable = true;
        continue;
      }
      if (!line.startsWith("|")) {
        inTable = false;
        continue;
      }
      if (!inTable || line.startsWith("|---")) {
        continue;
      }
      String[] cells = line.substring(1).split("(?<!\\\\)\\|");
      List<String> names = new ArrayList<>();
      Matcher m = CODE.matcher(cells[0]);
      while (m.find()) {
        names.add(m.group(1));
      }
      rows.add(new Row(i + 1, names, cells.length > 1 ? cells[1].strip() : ""));
    }
    return rows;
  }

  /** How the reference writes a default value: an enum by its constant, anything else as is. */
  private static String written(Object value) {
    return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
  }

  private static boolean isEmpty(Object value) {
    return "".equals(value) || (value.getClass().isArray() && Array.getLength(value) == 0);
  }

  /** What is wrong with the default cell of {@code element}, or empty. */
  private static Optional<String> defaultProblem(Method element, String cell,
      Map<String, Class<? extends Annotation>> types) {
    Object value = element.getDefaultValue();
    String lower = cell.toLowerCase(Locale.ROOT);
    if (lower.startsWith("required")) {
      return value == null ? Optional.empty()
          : Optional.of("says required, but the annotation's default is " + render(value));
    }
    if (value == null) {
      return Optional.of("is required (no default), but its default is written as \"" + cell
          + "\"");
    }
    if (lower.startsWith("none")) {
      return isEmpty(value) ? Optional.empty()
          : Optional.of("says none, but the annotation's default is " + render(value));
    }
    Matcher asFor = AS_FOR.matcher(cell);
    if (asFor.matches()) {
      Class<? extends Annotation> other = types.get(asFor.group(1));
      if (other == null) {
        return Optional.of("refers to @" + asFor.group(1) + ", which is no annotation of Laconic");
      }
      try {
        Object otherValue = other.getDeclaredMethod(element.getName()).getDefaultValue();
        return render(value).equals(render(otherValue)) ? Optional.empty()
            : Optional.of("says as for @" + other.getSimpleName() + " (" + render(otherValue)
                + "), but its own default is " + render(value));
      } catch (NoSuchMethodException e) {
        return Optional.of("says as for @" + other.getSimpleName() + ", which has no "
            + element.getName());
      }
    }
    Matcher code = CODE.matcher(cell);
    if (!code.find()) {
      return Optional.of("has no default in backticks, \"required\" or \"none\": \"" + cell
          + "\"");
    }
    return code.group(1).equals(written(value)) ? Optional.empty()
        : Optional.of("is written as `" + code.group(1) + "`, but the annotation's default is "
            + render(value));
  }

  private static String render(Object value) {
    if (value == null) {
      return "none (required)";
    }
    if (value.getClass().isArray()) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        items.add(written(Array.get(value, i)));
      }
      return items.toString();
    }
    return value instanceof String s ? "\"" + s + "\"" : written(value);
  }

  @Test
  void everyAnnotationTypeHasItsSection() throws Exception {
    Map<String, Class<? extends Annotation>> types = annotationTypes();
    assertTrue(types.containsKey("LambdaFunction"), "no annotation types found: " + types);
    Markdown reference = Markdown.read(Markdown.ROOT.resolve(REFERENCE));
    List<String> missing = new ArrayList<>();
    for (Class<? extends Annotation> type : types.values()) {
      Optional<Class<?>> element = contained(type);
      if (element.isPresent()) {
        Optional<Markdown.Heading> heading = headingOf(reference, element.get());
        if (heading.isPresent() && !reference.section(heading.get()).toLowerCase(Locale.ROOT)
            .contains("repeatable")) {
          missing.add("@" + type.getSimpleName() + " is the container of @"
              + element.get().getSimpleName() + ", whose section (" + REFERENCE + ":"
              + heading.get().line() + ") does not say that it is repeatable");
        }
      } else if (headingOf(reference, type).isEmpty()) {
        missing.add("@" + type.getSimpleName() + " has no heading naming `@"
            + type.getSimpleName() + "` in " + REFERENCE);
      }
    }
    assertEquals(List.of(), missing, "annotation types the reference leaves out");
  }

  @Test
  void everyElementIsDocumentedWithItsDefault() throws Exception {
    Map<String, Class<? extends Annotation>> types = annotationTypes();
    Markdown reference = Markdown.read(Markdown.ROOT.resolve(REFERENCE));
    List<String> problems = new ArrayList<>();
    for (Class<? extends Annotation> type : types.values()) {
      Optional<Markdown.Heading> heading = headingOf(reference, type);
      if (contained(type).isPresent() || heading.isEmpty()) {
        continue; // containers, and types without a section (the test above)
      }
      String at = "@" + type.getSimpleName();
      String section = reference.section(heading.get());
      List<Row> rows = attributeRows(reference, heading.get());
      for (Method element : elements(type)) {
        List<Row> documenting = rows.stream()
            .filter(r -> r.elements().contains(element.getName()))
            .toList();
        if (documenting.isEmpty()) {
          if (!section.contains("`" + at + "(" + element.getName() + ")`")) {
            problems.add(at + "." + element.getName() + ": not in the attribute table of "
                + REFERENCE + ":" + heading.get().line() + " (" + heading.get().text()
                + "), nor written as `" + at + "(" + element.getName() + ")`");
          }
          continue;
        }
        for (Row row : documenting) {
          defaultProblem(element, row.defaultCell(), types).ifPresent(problem -> problems.add(
              at + "." + element.getName() + ": the default at " + REFERENCE + ":" + row.line()
                  + " " + problem));
        }
      }
      for (Row row : rows) {
        for (String name : row.elements()) {
          if (elements(type).stream().noneMatch(m -> m.getName().equals(name))) {
            problems.add(REFERENCE + ":" + row.line() + " documents `" + name + "`, which "
                + at + " does not have");
          }
        }
      }
    }
    assertEquals(List.of(), problems, "elements the annotation reference leaves out or misstates");
  }
}
