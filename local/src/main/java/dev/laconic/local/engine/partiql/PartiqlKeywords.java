package dev.laconic.local.engine.partiql;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The keywords of DynamoDB's PartiQL: a bare name that is one of them is read as the keyword, so an attribute
 * called {@code value}, {@code size} or {@code date} must be written in double quotes, or DynamoDB refuses the
 * statement.
 *
 * <p>DynamoDB reads statements with the PartiQL reference parser; the words are its SQL-92 keywords and the ones
 * PartiQL adds (<a href="https://github.com/partiql/partiql-lang-kotlin">partiql-lang-kotlin</a>, {@code
 * LexerConstants}). DynamoDB's own list of reserved words for expressions
 * ({@code expression.ReservedWords}) does not apply to PartiQL.
 */
final class PartiqlKeywords {
  private static final Set<String> WORDS = Set.of((
      "absolute action add all allocate alter and any are as asc assertion at authorization avg begin "
      + "between bit bit_length by cascade cascaded case cast catalog char character character_length "
      + "char_length check close coalesce collate collation column commit connect connection constraint "
      + "constraints continue convert corresponding count create cross current current_date current_time "
      + "current_timestamp current_user cursor date deallocate dec decimal declare default deferrable "
      + "deferred delete desc describe descriptor diagnostics disconnect distinct domain double drop else "
      + "end escape except exception exec execute exists external extract date_add date_diff false fetch "
      + "first float for foreign found from full get global go goto grant group having identity immediate "
      + "in indicator initially inner input insensitive insert int integer intersect interval into is "
      + "isolation join key language last left level like local lower match max min module names national "
      + "natural nchar next no not null nullif numeric octet_length of on only open option or order outer "
      + "output overlaps pad partial position precision prepare preserve primary prior privileges "
      + "procedure public read real references relative restrict revoke right rollback rows schema scroll "
      + "section select session session_user set size smallint some space sql sqlcode sqlerror sqlstate "
      + "substring sum system_user table temporary then time timestamp to transaction translate "
      + "translation trim true union unique unknown update upper usage user using value values varchar "
      + "varying view when whenever where with work write zone "
      // PartiQL's own, and the Ion type names.
      + "missing pivot unpivot limit tuple remove index conflict do nothing returning modified new old let "
      + "bool boolean string symbol clob blob struct list sexp bag").split(" "));

  /** Keywords that stand for another: the type names' short forms. */
  private static final Map<String, String> ALIASES = Map.of(
      "varchar", "character_varying", "char", "character", "dec", "decimal", "int", "integer",
      "bool", "boolean");

  /** Keywords that name functions, called as {@code size(path)}; elsewhere they are out of place. */
  static final Set<String> FUNCTIONS = Set.of("exists", "count", "avg", "max", "min", "sum", "substring",
      "char_length", "character_length", "octet_length", "bit_length", "upper", "lower", "size", "nullif",
      "coalesce", "sexp", "list", "bag");

  private PartiqlKeywords() {
  }

  /** The keyword a bare word is, in its canonical lower-case form, or {@code null} for a name. */
  static String keyword(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (!WORDS.contains(lower)) {
      return null;
    }
    return ALIASES.getOrDefault(lower, lower);
  }
}
