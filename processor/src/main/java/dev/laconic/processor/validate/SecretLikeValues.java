package dev.laconic.processor.validate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says whether an environment variable's value looks like a credential, which the template would
 * then show in plain text to anyone who can read it or the function's configuration.
 *
 * <p>The rules run in order and the first that matches gives the reason: shapes only a
 * credential has (a private key, an AWS access key id, a token with its issuer's fixed prefix, a
 * URL or connection string with a password), then an AWS secret access key where the key name
 * says so, then a long random-looking string, then a key named like a secret (PASSWORD, TOKEN,
 * API_KEY, ...) holding a literal rather than a reference to where the secret is kept. Each rule
 * is tuned to stay quiet on the values a function's environment usually holds: names, ARNs,
 * URLs, paths, ids, flags, numbers and build metadata: a warning that is often wrong teaches
 * people to skip the one that is right.
 *
 * <p>Accepted on purpose: a hex digest or a CloudFormation physical name under a key that says
 * nothing of what it holds (CACHE_BUSTER, SOURCE) is reported, renaming the key (CACHE_HASH,
 * SOURCE_TABLE) quiets it; a numeric value under a secret's name, a short secret under a name
 * that says nothing, and system properties inside JAVA_TOOL_OPTIONS are not.
 *
 * <p>The token shapes follow the providers' documentation and gitleaks' default rules.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-encryption">
 *     Securing environment variables</a>
 * @see <a href="https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml">
 *     gitleaks' rules</a>
 */
final class SecretLikeValues {

  /** Any PEM private key: RSA, EC, DSA, OPENSSH, ENCRYPTED, PKCS #8 and PGP's KEY BLOCK. */
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN[A-Z ]* PRIVATE KEY(?: BLOCK)?-----");

  /**
   * AWS access key ids: AKIA (an IAM user's), ASIA (temporary, from STS), ABIA and ACCA, A3T...,
   * then 16 base-32 characters. The other four-letter prefixes (AIDA a user, AROA a role, ANPA a
   * policy...) are unique ids, public like ARNs, so they do not count.
   *
   * @see <a href="https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids">
   *     IAM unique identifiers</a>
   */
  private static final Pattern AWS_ACCESS_KEY_ID = Pattern.compile(
      "(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}(?![A-Z0-9])");

  /**
   * Tokens whose issuer puts a fixed prefix on them so that scanners can find them; none of these
   * prefixes starts anything else a function is configured with. Stripe's publishable keys
   * ({@code pk_live_}) are meant to be public and are left out; its test-mode secret keys are
   * still keys to the account's test data and are in.
   */
  private static final List<Shape> TOKENS = shapes(
      "(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9_])", "a GitHub token",
      "(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{82}(?![A-Za-z0-9_])", "a GitHub token",
      "(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])", "a GitLab token",
      "(?<![A-Za-z0-9])xox[baprs]-[A-Za-z0-9-]{10,}", "a Slack token",
      "https://hooks\\.slack\\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+",
      "a Slack webhook URL",
      "(?<![A-Za-z0-9])[sr]k_(?:live|test)_[A-Za-z0-9]{16,}", "a Stripe secret key",
      "(?<![A-Za-z0-9])SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}", "a SendGrid API key",
      "(?<![A-Za-z0-9])AIza[A-Za-z0-9_-]{35}(?![A-Za-z0-9_-])", "a Google API key",
      "(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])", "an npm token",
      // A JWT's header and claims are base64url JSON objects, so both start with {" = eyJ.
      "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]*",
      "a JSON web token");

  /** {@code scheme://user:password@}, the user possibly empty (redis://:password@host). */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#@\\s:]*:([^/?#@\\s]+)@");

  /**
   * A password or token as a query parameter or a connection-string pair (JDBC
   * {@code ?user=app&password=...}, ADO {@code Password=...;}). The name must start the value or
   * follow a separator, so a system property such as
   * {@code -Djavax.net.ssl.trustStorePassword=changeit} (the JDK's published default) stays quiet.
   */
  private static final Pattern PARAMETER_PASSWORD = Pattern.compile("(?i)(?:^|[?&;\\s])"
      + "(?:password|passwd|pwd|secret|client_secret|token|access_token|api_?key)=([^&;\\s]+)");

  /**
   * Keys their issuer publishes by design, long and random-looking: Stripe's publishable keys,
   * which web pages embed.
   */
  private static final Pattern PUBLIC_KEY = Pattern.compile("pk_(?:live|test)_[A-Za-z0-9]+");

  /** The 40 characters of an AWS secret access key: base64 without padding. */
  private static final Pattern AWS_SECRET_SHAPE = Pattern.compile("[A-Za-z0-9/+]{40}");

  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]+={0,2}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+|[0-9A-F]+");
  private static final Pattern UUID = Pattern.compile(
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /**
   * Below 32 characters a random string and a word, a short id or a hash prefix are too alike to
   * tell apart; 32 is also the shortest common secret (a 128-bit key in hex).
   */
  static final int RANDOM_MIN_LENGTH = 32;

  /**
   * The least Shannon entropy a random-looking string has, as a share of the most its length and
   * alphabet allow ({@code log2(min(length, alphabet size))}). Measured on 100,000 random strings
   * a length: for base64 of 32 to 64 characters one in 10,000 scores below 0.79, the median is
   * 0.86 to 0.91; for hex of 32 characters one in 10,000 scores below 0.75 (median 0.91), fewer
   * as strings get longer. A git commit id scores 0.92, AWS's example secret key 0.88. What 0.75
   * rejects are strings no one generates at random: one character repeated ({@code AAAA...},
   * 0.0), short cycles.
   */
  static final double MIN_ENTROPY_SHARE = 0.75;

  /**
   * The most of a base64 string that may be made of words ({@code [A-Z]?[a-z]{3,}}) for it to
   * look random. Identifiers mixing case and digits, such as CDK's logical ids
   * ({@code OrdersFunctionServiceRoleDefaultPolicy1A2B3C4D}, 0.83), have entropy like random
   * strings but are mostly words; random base64 is not (32 characters: median 0.13, 99.9th
   * percentile 0.66; 40: 0.58; 64: 0.50), so about one random string in 500 is passed over.
   */
  static final double MAX_WORD_SHARE = 0.6;

  private static final Pattern WORD = Pattern.compile("[A-Z]?[a-z]{3,}");

  /**
   * Key words that, last in a key, say its value is the secret itself. A word further left only
   * qualifies what the key is about (TOKEN_TTL, PASSWORD_MIN_LENGTH, TOKEN_AUDIENCE,
   * SECRET_ROTATION_DAYS), so only the last word counts, after {@link #QUALIFIERS}.
   */
  private static final Set<String> PASSWORD_WORDS =
      Set.of("PASSWORD", "PASSWD", "PWD", "PASS", "PASSPHRASE");
  private static final Set<String> SECRET_WORDS = Set.of("TOKEN", "APIKEY");
  /**
   * SECRET and CREDENTIALS name the secret's value, and as often the Secrets Manager secret that
   * holds it (DB_SECRET=orders-db-credentials), so a value that reads as a name is let through.
   */
  private static final Set<String> SECRET_OR_NAME_WORDS =
      Set.of("SECRET", "SECRETS", "CREDENTIAL", "CREDENTIALS", "CREDS");
  /**
   * KEY alone names object keys, partition keys and KMS keys (S3_KEY, SORT_KEY, KMS_KEY); these
   * words before it make it a secret.
   */
  private static final Set<String> SECRET_KEY_QUALIFIERS =
      Set.of("API", "PRIVATE", "SECRET", "ACCESS", "SIGNING", "HMAC", "LICENSE");
  /**
   * AUTH and AUTHORIZATION name a mode more often than a credential (AUTH=iam, API_AUTH=NONE),
   * so with them only what can only be a credential counts: a scheme and a token, or user:pass.
   */
  private static final Set<String> AUTH_WORDS = Set.of("AUTH", "AUTHORIZATION");
  private static final Pattern AUTH_CREDENTIAL =
      Pattern.compile("(?i)(?:basic|bearer|token|digest)\\s+\\S+|[^\\s:/]+:\\S+");
  /** Words after the head that still describe the secret itself: DB_PASSWORD_2, TOKEN_OLD. */
  private static final Pattern QUALIFIERS = Pattern.compile(
      "[0-9]+|V[0-9]+|VALUE|OLD|NEW|CURRENT|PREVIOUS|PRIMARY|SECONDARY|B64|BASE64|HEX|RAW|PLAIN"
          + "|PLAINTEXT");

  /**
   * Last key words saying the value names or locates something (DB_SECRET_ARN, DB_PASSWORD_PARAM,
   * DB_SECRET_NAME, AUTH0_CLIENT_ID, ORDERS_TABLE) or is build metadata (BUILD_COMMIT,
   * CODE_SHA256): such values may look random (an Auth0 client id, a git commit id, a
   * CloudFormation physical name) and are still not secrets, so the random-string rule skips
   * them. The shapes above still apply: a GitHub token is a token under any name.
   */
  private static final Set<String> NAMING_WORDS = Set.of("ARN", "NAME", "ID", "IDS", "PATH",
      "PARAM", "PARAMETER", "ALIAS", "PREFIX", "TABLE", "BUCKET", "QUEUE", "TOPIC", "STREAM",
      "FUNCTION", "ROLE", "STACK", "URL", "URI", "ENDPOINT", "HOST", "DOMAIN", "REGION", "ACCOUNT",
      "COMMIT", "SHA", "SHA1", "SHA256", "HASH", "DIGEST", "CHECKSUM", "ETAG", "VERSION",
      "REVISION", "REV", "BUILD", "RELEASE");

  /** Key words near a 40-character base64 value that make it an AWS secret access key. */
  private static final Set<String> AWS_SECRET_WORDS = Set.of("AWS", "SECRET", "ACCESS");

  private static final Set<String> BOOLEANS = Set.of("true", "false", "yes", "no", "on", "off",
      "enabled", "disabled", "none", "null");
  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(?:\\.[0-9]+)?");
  private static final Pattern DURATION = Pattern.compile("(?i)[0-9]+(?:\\.[0-9]+)?\\s*"
      + "(?:ms|s|m|h|d|w|sec|secs|seconds|min|mins|minutes|hours|days)"
      + "|P(?=.)(?:[0-9]+[YMWD])*(?:T(?:[0-9]+(?:\\.[0-9]+)?[HMS])+)?");
  /** Not substituted by Lambda or CloudFormation, but not a secret either: ${X}, <x>, {{x}}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{.*}|<[^<>]*>|\\{\\{.*}}");
  private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://\\S+");
  private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:\\S*");
  /** A CloudFormation dynamic reference, resolved at deployment from SSM or Secrets Manager. */
  private static final String DYNAMIC_REFERENCE = "{{resolve:";
  /**
   * One part of a name: a word in one case, or CamelCase, maybe numbered ({@code prod},
   * {@code PROD}, {@code DbCredentials}, {@code db1}). Random text breaks into no such parts.
   */
  private static final String NAME_PART =
      "(?:(?:[a-z]+|[A-Z]+|[A-Z]?[a-z]+(?:[A-Z][a-z]+)*)[0-9]*|[0-9]+)";
  private static final String NAME_CHAIN = NAME_PART + "(?:[-_.]" + NAME_PART + ")*";
  /** An SSM parameter path or a hierarchical secret name: /prod/db/password, prod/db-password. */
  private static final Pattern HIERARCHICAL_NAME =
      Pattern.compile("/?" + NAME_CHAIN + "(?:/" + NAME_CHAIN + ")+");
  /** A name of two parts or more: orders-db-credentials, ORDERS_DB. */
  private static final Pattern MULTI_PART_NAME =
      Pattern.compile(NAME_PART + "(?:[-_.]" + NAME_PART + ")+");

  private SecretLikeValues() {}

  /**
   * Why {@code value}, set as environment variable {@code key}, looks like a credential: a short
   * phrase to complete "looks like ...", such as "an AWS access key id"; empty if it does not.
   */
  static Optional<String> reason(String key, String value) {
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      return Optional.empty();
    }
    if (PRIVATE_KEY.matcher(trimmed).find()) {
      return Optional.of("a private key");
    }
    if (AWS_ACCESS_KEY_ID.matcher(trimmed).find()) {
      return Optional.of("an AWS access key id");
    }
    for (Shape token : TOKENS) {
      if (token.pattern().matcher(trimmed).find()) {
        return Optional.of(token.reason());
      }
    }
    Matcher url = URL_PASSWORD.matcher(trimmed);
    if (url.find() && !PLACEHOLDER.matcher(url.group(1)).matches()) {
      return Optional.of("a URL with a password");
    }
    Matcher parameter = PARAMETER_PASSWORD.matcher(trimmed);
    if (parameter.find() && !PLACEHOLDER.matcher(parameter.group(1)).matches()) {
      return Optional.of("a connection string or URL with a password or token");
    }
    List<String> words = words(key);
    int headIndex = headIndex(words);
    String head = headIndex < 0 ? "" : words.get(headIndex);
    if (AWS_SECRET_SHAPE.matcher(trimmed).matches() && randomLooking(trimmed)
        && words.stream().anyMatch(AWS_SECRET_WORDS::contains)) {
      return Optional.of("an AWS secret access key");
    }
    if (!NAMING_WORDS.contains(head) && !PUBLIC_KEY.matcher(trimmed).matches()) {
      for (String part : trimmed.split("\\s+")) {
        if (part.length() >= RANDOM_MIN_LENGTH && randomLooking(part)) {
          return Optional.of(HEX.matcher(part).matches()
              ? "a long random-looking hex string" : "a long random-looking base64 string");
        }
      }
    }
    return secretName(headIndex < 1 ? "" : words.get(headIndex - 1), head, trimmed);
  }

  /** The rule on key names: a secret's name with a literal value, not a reference or a flag. */
  private static Optional<String> secretName(String beforeHead, String head, String value) {
    boolean password = PASSWORD_WORDS.contains(head);
    boolean secretOrName = SECRET_OR_NAME_WORDS.contains(head);
    boolean secret = password || secretOrName || SECRET_WORDS.contains(head)
        || head.equals("KEY") && SECRET_KEY_QUALIFIERS.contains(beforeHead);
    if (AUTH_WORDS.contains(head)) {
      return !reference(value) && AUTH_CREDENTIAL.matcher(value).matches()
          ? Optional.of("a secret-style name with a literal value") : Optional.empty();
    }
    if (!secret || notASecret(value) || reference(value)
        || secretOrName && MULTI_PART_NAME.matcher(value).matches()) {
      return Optional.empty();
    }
    // A placeholder word (changeme, password, TODO) is reported too: deployed as written it is
    // the password, in plain text, and default passwords are the first ones tried.
    return Optional.of(password ? "a password-style name with a literal value"
        : "a secret-style name with a literal value");
  }

  /** Values that cannot be a credential: flags, numbers, durations, unfilled placeholders. */
  private static boolean notASecret(String value) {
    return BOOLEANS.contains(value.toLowerCase(Locale.ROOT)) || NUMBER.matcher(value).matches()
        || DURATION.matcher(value).matches() || PLACEHOLDER.matcher(value).matches();
  }

  /**
   * Values that say where a secret is kept rather than what it is: an ARN (Secrets Manager, SSM,
   * KMS...), a dynamic reference, an SSM parameter path or a hierarchical secret name, a URL
   * (one with a password was reported before).
   */
  private static boolean reference(String value) {
    return ARN.matcher(value).matches() || value.startsWith(DYNAMIC_REFERENCE)
        || HIERARCHICAL_NAME.matcher(value).matches() || URL.matcher(value).matches();
  }

  /**
   * Whether {@code value} looks generated at random: base64 (standard or URL-safe) mixing upper
   * and lower case, but not mostly words (digits are not required: one random string of 32
   * characters in 230 has none), or hex mixing letters and digits; not a UUID, an id far more
   * often than a key; with entropy near the most its length and alphabet allow.
   */
  static boolean randomLooking(String value) {
    if (UUID.matcher(value).matches()) {
      return false;
    }
    int alphabet;
    if (HEX.matcher(value).matches()) {
      if (value.chars().noneMatch(Character::isDigit)
          || value.chars().allMatch(Character::isDigit)) {
        return false;
      }
      alphabet = 16;
    } else if (BASE64.matcher(value).matches()) {
      if (value.chars().noneMatch(c -> c >= 'A' && c <= 'Z')
          || value.chars().noneMatch(c -> c >= 'a' && c <= 'z')
          || wordShare(value) >= MAX_WORD_SHARE) {
        return false;
      }
      alphabet = 64;
    } else {
      return false;
    }
    double most = Math.log(Math.min(value.length(), alphabet)) / Math.log(2);
    return entropy(value) >= MIN_ENTROPY_SHARE * most;
  }

  /** Shannon entropy in bits a character, of the characters' frequencies in {@code value}. */
  static double entropy(String value) {
    Map<Integer, Integer> counts = new HashMap<>();
    value.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
    double entropy = 0;
    for (int count : counts.values()) {
      double p = (double) count / value.length();
      entropy -= p * Math.log(p) / Math.log(2);
    }
    return entropy;
  }

  /** The share of {@code value} made of words: a capital or none, then three lower case. */
  static double wordShare(String value) {
    Matcher word = WORD.matcher(value);
    int inWords = 0;
    while (word.find()) {
      inWords += word.end() - word.start();
    }
    return (double) inWords / value.length();
  }

  /** A key's words in upper case, split at underscores and camelCase: dbPassword is DB PASSWORD. */
  static List<String> words(String key) {
    List<String> words = new ArrayList<>();
    for (String part : key.split("_|(?<=[a-z0-9])(?=[A-Z])")) {
      if (!part.isEmpty()) {
        words.add(part.toUpperCase(Locale.ROOT));
      }
    }
    return words;
  }

  /** The index of a key's last word that is not a {@link #QUALIFIERS qualifier}, or -1. */
  private static int headIndex(List<String> words) {
    for (int i = words.size() - 1; i >= 0; i--) {
      if (!QUALIFIERS.matcher(words.get(i)).matches()) {
        return i;
      }
    }
    return -1;
  }

  private static List<Shape> shapes(String... patternsAndReasons) {
    List<Shape> shapes = new ArrayList<>();
    for (int i = 0; i < patternsAndReasons.length; i += 2) {
      shapes.add(new Shape(Pattern.compile(patternsAndReasons[i]), patternsAndReasons[i + 1]));
    }
    return List.copyOf(shapes);
  }

  /** A credential's shape, found anywhere in a value, and the reason it gives. */
  private record Shape(Pattern pattern, String reason) {}
}
