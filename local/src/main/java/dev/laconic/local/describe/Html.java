package dev.laconic.local.describe;

import java.util.HashSet;
import java.util.Set;

/** Writing HTML (and the SVG inside it) by hand: every text and attribute value escaped. */
final class Html {

  private final StringBuilder out = new StringBuilder();

  /** Text or an attribute value, with the five characters that could end either escaped. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** Markup as it is: only for what this package writes, never for a template's text. */
  Html raw(String markup) {
    out.append(markup);
    return this;
  }

  /** A template's text, escaped. */
  Html text(String text) {
    out.append(escape(text));
    return this;
  }

  /** {@code <tag class="css">text</tag>}, the text escaped; no class when {@code css} is empty. */
  Html element(String tag, String css, String text) {
    out.append('<').append(tag);
    if (!css.isEmpty()) {
      out.append(" class=\"").append(css).append('"');
    }
    return raw(">").text(text).raw("</" + tag + ">");
  }

  /** {@code name="value"} with a space before it, the value escaped. */
  Html attribute(String name, String value) {
    out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /**
   * Element ids made of logical ids (letters and digits already) or, for what lies outside the
   * template, of ARNs and parameters: everything but letters, digits, {@code -} and {@code _}
   * becomes {@code -}, and an id taken already gets a number.
   */
  static final class Ids {
    private final Set<String> taken = new HashSet<>();

    String of(String prefix, String id) {
      String base = prefix + id.replaceAll("[^A-Za-z0-9_-]", "-");
      String unique = base;
      for (int n = 2; !taken.add(unique); n++) {
        unique = base + "-" + n;
      }
      return unique;
    }
  }
}
