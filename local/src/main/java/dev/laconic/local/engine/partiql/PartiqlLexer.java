package dev.laconic.local.engine.partiql;

import dev.laconic.local.engine.protocol.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a PartiQL statement into tokens: names (bare or in double quotes), keywords, string literals in single
 * quotes, numbers, operators, punctuation and {@code ?} parameters; {@code --} and {@code /* *}{@code /} comments
 * are skipped.
 *
 * <p>A statement the lexer cannot read is refused as DynamoDB refuses it, with nothing after the
 * "can't be processed:" (a {@code #} comment, an unterminated string or comment, an exponent past 32 bits).
 */
final class PartiqlLexer {
  static final String MALFORMED = "Statement wasn't well formed, can't be processed: ";

  /** Two keywords read as one, as the PartiQL lexer reads them ({@code IS NOT}, {@code ALL OLD}, ...). */
  private static final Map<String, String> PAIRS = Map.ofEntries(
      Map.entry("insert into", "insert_into"), Map.entry("is not", "is_not"), Map.entry("not in", "not_in"),
      Map.entry("not between", "not_between"), Map.entry("not like", "not_like"),
      Map.entry("all old", "all_old"), Map.entry("all new", "all_new"),
      Map.entry("modified old", "modified_old"), Map.entry("modified new", "modified_new"),
      Map.entry("double precision", "double_precision"),
      Map.entry("character varying", "character_varying"));

  private static final List<String> SYMBOLS = List.of("<<", ">>", "<=", ">=", "<>", "!=", "||",
      "(", ")", "[", "]", "{", "}", ",", ".", ":", ";", "=", "<", ">", "+", "-", "*", "/", "%");

  enum Kind { NAME, QUOTED_NAME, KEYWORD, STRING, NUMBER, SYMBOL, PARAMETER, END }

  /**
   * One token: {@code text} is a keyword in lower case, a name or string without its quotes, or the symbol
   * ({@code !=} read as {@code <>}); {@code index} counts the {@code ?} parameters from 0.
   */
  record Token(Kind kind, String text, int line, int column, int length, int index) {

    boolean is(Kind expected, String expectedText) {
      return kind == expected && text.equals(expectedText);
    }

    boolean isKeyword(String keyword) {
      return is(Kind.KEYWORD, keyword);
    }

    boolean isSymbol(String symbol) {
      return is(Kind.SYMBOL, symbol);
    }

    /** The position DynamoDB puts in some messages: line, column (both from 1) and length. */
    String position() {
      return line + ":" + column + ":" + length;
    }
  }

  private final String text;
  private final List<Token> tokens = new ArrayList<>();
  private int offset;
  private int line = 1;
  private int lineStart;
  private int parameters;

  private PartiqlLexer(String text) {
    this.text = text;
  }

  static List<Token> tokenize(String statement) {
    return new PartiqlLexer(statement).run();
  }

  private List<Token> run() {
    while (true) {
      skipSpaceAndComments();
      if (offset >= text.length()) {
        break;
      }
      char c = text.charAt(offset);
      if (c == '\'') {
        add(Kind.STRING, quoted('\''), offset);
      } else if (c == '"') {
        add(Kind.QUOTED_NAME, quoted('"'), offset);
      } else if (isDigit(c) || (c == '.' && offset + 1 < text.length() && isDigit(text.charAt(offset + 1)))) {
        number();
      } else if (isNameStart(c)) {
        word();
      } else if (c == '?') {
        offset++;
        tokens.add(new Token(Kind.PARAMETER, "?", line, offset - lineStart, 1, parameters++));
      } else {
        symbol();
      }
    }
    tokens.add(new Token(Kind.END, "<EOF>", line, offset - lineStart + 1, 0, -1));
    return tokens;
  }

  private void skipSpaceAndComments() {
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c == '\n') {
        offset++;
        line++;
        lineStart = offset;
      } else if (Character.isWhitespace(c)) {
        offset++;
      } else if (text.startsWith("--", offset)) {
        while (offset < text.length() && text.charAt(offset) != '\n') {
          offset++;
        }
      } else if (text.startsWith("/*", offset)) {
        int end = text.indexOf("*/", offset + 2);
        if (end < 0) {
          throw unreadable();
        }
        for (int i = offset; i < end; i++) {
          if (text.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        offset = end + 2;
      } else {
        return;
      }
    }
  }

  /** A string or quoted name; the quote is written twice to stand for itself. */
  private String quoted(char quote) {
    StringBuilder value = new StringBuilder();
    int i = offset + 1;
    while (true) {
      if (i >= text.length()) {
        throw unreadable();
      }
      char c = text.charAt(i);
      if (c == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          value.append(quote);
          i += 2;
          continue;
        }
        break;
      }
      value.append(c);
      i++;
    }
    offset = i + 1;
    return value.toString();
  }

  private void number() {
    int start = offset;
    while (offset < text.length() && isDigit(text.charAt(offset))) {
      offset++;
    }
    if (offset < text.length() && text.charAt(offset) == '.') {
      offset++;
      while (offset < text.length() && isDigit(text.charAt(offset))) {
        offset++;
      }
    }
    if (offset < text.length() && (text.charAt(offset) == 'e' || text.charAt(offset) == 'E')) {
      int exponent = offset + 1;
      if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
        exponent++;
      }
      if (exponent < text.length() && isDigit(text.charAt(exponent))) {
        offset = exponent;
        while (offset < text.length() && isDigit(text.charAt(offset))) {
          offset++;
        }
      }
    }
    String literal = text.substring(start, offset);
    try {
      new BigDecimal(literal);
    } catch (NumberFormatException e) {
      // An exponent or a scale past 32 bits; DynamoDB says nothing more.
      throw unreadable();
    }
    add(Kind.NUMBER, literal, start);
  }

  private void word() {
    int start = offset;
    while (offset < text.length() && isNamePart(text.charAt(offset))) {
      offset++;
    }
    String word = text.substring(start, offset);
    String keyword = PartiqlKeywords.keyword(word);
    if (keyword == null) {
      add(Kind.NAME, word, start);
      return;
    }
    Token previous = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
    String pair = previous != null && previous.kind() == Kind.KEYWORD
        ? PAIRS.get(previous.text() + " " + keyword) : null;
    if (pair != null) {
      tokens.set(tokens.size() - 1, new Token(Kind.KEYWORD, pair, previous.line(), previous.column(),
          offset - lineStart - previous.column() + 1, -1));
    } else {
      add(Kind.KEYWORD, keyword, start);
    }
  }

  private void symbol() {
    for (String symbol : SYMBOLS) {
      if (text.startsWith(symbol, offset)) {
        int start = offset;
        offset += symbol.length();
        add(Kind.SYMBOL, symbol.equals("!=") ? "<>" : symbol, start);
        return;
      }
    }
    throw unreadable();
  }

  private void add(Kind kind, String value, int start) {
    tokens.add(new Token(kind, value, line, start - lineStart + 1, offset - start, -1));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isNameStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || isDigit(c);
  }

  private static ApiException unreadable() {
    return ApiException.validation(MALFORMED);
  }
}
