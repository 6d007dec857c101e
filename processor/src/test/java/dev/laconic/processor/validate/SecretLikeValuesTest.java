package dev.laconic.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which environment values look like credentials, and why.
 *
 * <p>The AWS keys are the examples from AWS's documentation and the JWT is jwt.io's. The other
 * tokens are made up, and assembled from pieces so that this file does not itself look like it
 * leaks a token to a secret scanner (GitHub's push protection refuses pushes containing some of
 * these shapes).
 */
class SecretLikeValuesTest {

  private static final String AWS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  private static final String AWS_SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
      + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ"
      + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
  /** 36 letters and digits, the body of a GitHub or npm token. */
  private static final String BODY_36 = "R7kQ2mZx9LpW4vN8bT1cYh3JdF6sG0aEuK5o";
  private static final String BASE64_44 = "q3Xv8Jm2R0bLkT9wYz4NcP1sHdFgU6eA7iOyQ5tMrV8=";
  private static final String BASE64URL_43 = "Xq8-Jm2R0bLkT9wY_z4NcP1sHdFgU6eA7iOyQ5tMrV8";
  private static final String HEX_64 =
      "8f14e45fceea167a5a36dedd4bea2543f1c0e4b8d3a6c29a77e0b5d1c2f3a4b9";

  static Stream<Arguments> secrets() {
    return Stream.of(
        // AWS access key ids, alone, beside their secret, inside a presigned URL.
        secret("CONFIG_A", AWS_KEY_ID, "an AWS access key id"),
        secret("TEMP_CREDENTIALS", "ASIA" + AWS_KEY_ID.substring(4), "an AWS access key id"),
        secret("UPLOADER", AWS_KEY_ID + ":" + AWS_SECRET_KEY, "an AWS access key id"),
        secret("REPORT_LINK", "https://reports.s3.eu-west-1.amazonaws.com/q1.pdf"
            + "?X-Amz-Credential=" + AWS_KEY_ID + "%2F20240101%2Feu-west-1%2Fs3%2Faws4_request",
            "an AWS access key id"),
        // AWS secret access keys where the key name says AWS, SECRET or ACCESS.
        secret("UPLOADER_AWS_KEY", AWS_SECRET_KEY, "an AWS secret access key"),
        secret("S3_SECRET", AWS_SECRET_KEY, "an AWS secret access key"),
        secret("PARTNER_ACCESS", AWS_SECRET_KEY, "an AWS secret access key"),
        // ... and elsewhere as what they look like.
        secret("PARTNER", AWS_SECRET_KEY, "a long random-looking base64 string"),
        // Private keys.
        secret("SIGNER", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA", "a private key"),
        secret("SIGNER", "-----BEGIN PRIVATE KEY-----", "a private key"),
        secret("SIGNER", "-----BEGIN EC PRIVATE KEY-----", "a private key"),
        secret("DEPLOY", "-----BEGIN OPENSSH PRIVATE KEY-----", "a private key"),
        secret("DEPLOY", "-----BEGIN ENCRYPTED PRIVATE KEY-----", "a private key"),
        secret("RELEASES", "-----BEGIN PGP PRIVATE KEY BLOCK-----", "a private key"),
        // Tokens with fixed prefixes.
        secret("CI", "gh" + "p_" + BODY_36, "a GitHub token"),
        secret("CI", "gh" + "s_" + BODY_36, "a GitHub token"),
        secret("CI", "github" + "_pat_11ABCDEFG0" + BODY_36.substring(0, 12) + "_"
            + BODY_36 + BODY_36.substring(0, 23), "a GitHub token"),
        secret("CI", "gl" + "pat-" + BODY_36.substring(0, 20), "a GitLab token"),
        secret("NOTIFY", "xo" + "xb-123456789012-1234567890123-" + BODY_36.substring(0, 24),
            "a Slack token"),
        secret("NOTIFY", "xo" + "xp-123456789012-1234567890123", "a Slack token"),
        secret("ALERTS", "https://hooks.slack.com/services/" + "T0123ABCD/B0456EFGH/"
            + BODY_36.substring(0, 24), "a Slack webhook URL"),
        secret("PAYMENTS", "sk" + "_live_" + BODY_36.substring(0, 24), "a Stripe secret key"),
        secret("PAYMENTS", "rk" + "_live_" + BODY_36.substring(0, 24), "a Stripe secret key"),
        secret("PAYMENTS", "sk" + "_test_" + BODY_36.substring(0, 24), "a Stripe secret key"),
        secret("MAIL", "S" + "G." + BODY_36.substring(0, 22) + "." + BODY_36 + "AbCdEfG",
            "a SendGrid API key"),
        secret("MAPS", "AI" + "za" + BODY_36.substring(0, 35), "a Google API key"),
        secret("REGISTRY", "np" + "m_" + BODY_36, "an npm token"),
        secret("UPSTREAM", JWT, "a JSON web token"),
        secret("UPSTREAM_HEADER", "Bearer " + JWT, "a JSON web token"),
        // Passwords in URLs and connection strings.
        secret("DATABASE_URL", "postgres://app:s3cr3t@db.example.com:5432/orders",
            "a URL with a password"),
        secret("CACHE", "redis://:hunter2@cache.example.com:6379", "a URL with a password"),
        secret("BROKER", "amqps://orders:orders@mq.example.com", "a URL with a password"),
        secret("JDBC", "jdbc:mysql://db:3306/orders?user=app&password=hunter2",
            "a connection string or URL with a password or token"),
        secret("LEGACY_DB", "Server=db;Database=orders;User Id=app;Password=hunter2;",
            "a connection string or URL with a password or token"),
        secret("GEOCODER", "https://geo.example.com/v1?api_key=abc123",
            "a connection string or URL with a password or token"),
        // Long random-looking strings, under names that say nothing.
        secret("WEBHOOK_VERIFIER", BASE64_44, "a long random-looking base64 string"),
        secret("SESSION_SEED", BASE64URL_43, "a long random-looking base64 string"),
        secret("SIGNATURE", HEX_64, "a long random-looking hex string"),
        secret("DD_API_KEY", HEX_64.substring(0, 32), "a long random-looking hex string"),
        secret("UPSTREAM_HEADER", "Bearer " + BASE64_44, "a long random-looking base64 string"),
        // Reported by choice: random-looking, under names that do not say they are names.
        secret("CACHE_BUSTER", "d41d8cd98f00b204e9800998ecf8427e",
            "a long random-looking hex string"),
        secret("SOURCE", "OrdersStack-OrdersTableB5A1C2D3-1X2Y3Z4W5V6U",
            "a long random-looking base64 string"),
        // Keys named like secrets, with literal values: placeholders too (see the class).
        secret("DB_PASSWORD", "hunter2", "a password-style name with a literal value"),
        secret("DB_PASSWORD", "changeme", "a password-style name with a literal value"),
        secret("DB_PASSWORD", "P@ssw0rd!", "a password-style name with a literal value"),
        secret("DB_PASSWORD", "correct-horse-battery-staple",
            "a password-style name with a literal value"),
        secret("ADMIN_PASS", "admin", "a password-style name with a literal value"),
        secret("SMTP_PWD", "mail-2024", "a password-style name with a literal value"),
        secret("SMTP_PASSWD", "mail", "a password-style name with a literal value"),
        secret("KEYSTORE_PASSPHRASE", "open sesame", "a password-style name with a literal value"),
        secret("dbPassword", "hunter2", "a password-style name with a literal value"),
        secret("DB_PASSWORD_2", "hunter3", "a password-style name with a literal value"),
        secret("GITHUB_TOKEN", "abc123", "a secret-style name with a literal value"),
        secret("TOKEN_OLD", "abc123", "a secret-style name with a literal value"),
        secret("API_KEY", "demo-key", "a secret-style name with a literal value"),
        secret("X_API_KEY", "abc123", "a secret-style name with a literal value"),
        secret("WEATHER_APIKEY", "abc123", "a secret-style name with a literal value"),
        secret("partnerApiKey", "abc123", "a secret-style name with a literal value"),
        secret("STRIPE_SECRET_KEY", "todo", "a secret-style name with a literal value"),
        secret("PRIVATE_KEY", "MIIEvQIBADANBg", "a secret-style name with a literal value"),
        secret("SIGNING_KEY", "orders", "a secret-style name with a literal value"),
        secret("HMAC_KEY", "orders", "a secret-style name with a literal value"),
        secret("LICENSE_KEY", "ABCD-EFGH-IJKL", "a secret-style name with a literal value"),
        secret("ACCESS_KEY", "orders", "a secret-style name with a literal value"),
        secret("CLIENT_SECRET", "supersecret", "a secret-style name with a literal value"),
        secret("JWT_SECRET", "changeme", "a secret-style name with a literal value"),
        secret("DB_CREDENTIALS", "admin:admin", "a secret-style name with a literal value"),
        // A single CamelCase word under SECRET reads as a password as well as a name: reported,
        // and DB_SECRET_NAME says which it is.
        secret("DB_SECRET", "OrdersDbSecret", "a secret-style name with a literal value"),
        secret("BASIC_AUTH", "admin:hunter2", "a secret-style name with a literal value"),
        secret("AUTHORIZATION", "Bearer abc123", "a secret-style name with a literal value"),
        secret("PROXY_AUTH", "Basic YWRtaW46aHVudGVyMg==",
            "a secret-style name with a literal value"));
  }

  private static Arguments secret(String key, String value, String reason) {
    return Arguments.of(key, value, reason);
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("secrets")
  void reportsSecrets(String key, String value, String reason) {
    assertEquals(Optional.of(reason), SecretLikeValues.reason(key, value));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      TABLE_NAME                    | orders
      LOG_LEVEL                     | debug
      JAVA_TOOL_OPTIONS             | -XX:+TieredCompilation -XX:TieredStopAtLevel=1
      JAVA_TOOL_OPTIONS             | -javaagent:/opt/otel/aws-opentelemetry-agent.jar
      POWERTOOLS_SERVICE_NAME       | orders
      POWERTOOLS_METRICS_NAMESPACE  | Orders
      POWERTOOLS_LOGGER_LOG_EVENT   | true
      QUEUE_URL                     | https://sqs.eu-west-1.amazonaws.com/123456789012/orders
      TOPIC_ARN                     | arn:aws:sns:eu-west-1:123456789012:order-events
      DB_SECRET_ARN                 | arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf
      DB_PASSWORD_PARAM             | /prod/db/password
      DB_PASSWORD_PARAMETER         | /prod/db/password
      DB_PASSWORD_PARAMETER_NAME    | prod.db.password
      DB_SECRET_ID                  | prod/db-password
      DB_SECRET_NAME                | OrdersDbSecret
      DB_SECRET_NAME                | prod/db-AbCdEf
      API_KEY_ID                    | 4f7a2c1e9b
      API_KEY_PARAM                 | /orders/partner/api-key
      ENCRYPTION_KEY_ARN            | arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab
      KMS_KEY_ID                    | 1234abcd-12ab-34cd-56ef-1234567890ab
      KMS_KEY                       | alias/orders
      TENANT_ID                     | 0f8fad5b-d9cb-469f-a165-70867728950e
      TENANT                        | 0f8fad5b-d9cb-469f-a165-70867728950e
      AUTH0_CLIENT_ID               | aBcD1234EfGh5678IjKl9012MnOp3456
      USER_POOL_ID                  | eu-west-1_AbCdEfGhI
      USER_POOL_CLIENT_ID           | 1example23456789abcdefghij
      BUILD_COMMIT                  | 3b18e512dba79e4c8300dd08aeb37f8e728b8dad
      GIT_SHA                       | 3b18e512dba79e4c8300dd08aeb37f8e728b8dad
      APP_VERSION                   | 3b18e512dba79e4c8300dd08aeb37f8e728b8dad
      CODE_SHA256                   | 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
      CONFIG_ETAG                   | d41d8cd98f00b204e9800998ecf8427e
      ORDERS_TABLE                  | OrdersStack-OrdersTableB5A1C2D3-1X2Y3Z4W5V6U
      UPLOAD_BUCKET                 | ordersstack-uploadbucketd2c1da78-1k6yt6b5rkcmu
      POLICY                        | OrdersFunctionServiceRoleDefaultPolicy1A2B3C4D
      BUCKET                        | orders-uploads-123456789012
      S3_KEY                        | uploads/2024/orders.csv
      SORT_KEY                      | createdAt
      S3_PREFIX                     | incoming/
      ARCHIVE                       | data/exports/customer-orders/daily-summary/2024
      API_BASE_URL                  | https://api.example.com/v1
      DATABASE_URL                  | postgres://app@db.example.com:5432/orders
      REDIS_URL                     | redis://cache.example.com:6379
      SENTRY_DSN                    | https://d41d8cd98f00b204e9800998ecf8427e@o450000.ingest.sentry.io/5000000
      OTEL_EXPORTER_OTLP_ENDPOINT   | http://localhost:4317
      DB_HOST                       | orders.cluster-abcdefghijkl.eu-west-1.rds.amazonaws.com
      REGION                        | eu-west-1
      TZ                            | Europe/Berlin
      HANDLER                       | com.example.orders.OrderHandler::handleRequest
      CORS_ALLOWED_ORIGINS          | https://a.example.com,https://b.example.com
      DATE_FORMAT                   | yyyy-MM-dd'T'HH:mm:ss
      FEATURE_FLAGS                 | checkout,refunds
      MAX_RETRIES                   | 3
      BATCH_SIZE                    | 100
      PADDING                       | 00000000000000000000000000000000
      FILLER                        | AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
      DB_USER                       | app
      SMTP_USERNAME                 | apikey
      TRUSTSTORE_OPTIONS            | -Djavax.net.ssl.trustStorePassword=changeit
      STRIPE_PUBLISHABLE_KEY        | pk_live_51HqLyjWDarjtT1zdp7dcR7kQ2mZx9LpW4vN8bT1cYh3JdF6sG0aEuK5oXv8Jm2R0bLkT9wYz4NcP1sHdFgU6eA7i
      CHECKOUT                      | pk_test_TYooMQauvdEDq54NiTphI7jx
      CERTIFICATE                   | -----BEGIN CERTIFICATE-----
      SIGNER_PUBLIC_KEY             | -----BEGIN PUBLIC KEY-----
      PWD                           | /var/task
      TOKEN_TTL                     | 3600
      TOKEN_TTL                     | 15m
      TOKEN_LIFETIME                | PT15M
      PASSWORD_MIN_LENGTH           | 12
      PASSWORD_POLICY               | strict
      SECRET_ROTATION_DAYS          | 30
      TOKEN_AUDIENCE                | orders-api
      TOKEN_ISSUER                  | https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI
      TOKEN_URL                     | https://auth.example.com/oauth2/token
      AUTH                          | iam
      AUTH_MODE                     | iam
      API_AUTH                      | NONE
      AUTH_ENABLED                  | true
      AUTH_PROVIDER_ARN             | arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEfGhI
      DB_SECRET                     | prod/db-credentials
      DB_SECRET                     | orders-db-credentials
      DB_CREDENTIALS                | orders_db
      DB_PASSWORD                   | arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/db-AbCdEf
      DB_PASSWORD                   | arn:aws:ssm:eu-west-1:123456789012:parameter/prod/db/password
      DB_PASSWORD                   | {{resolve:secretsmanager:prod/db:SecretString:password}}
      DB_PASSWORD                   | {{resolve:ssm-secure:/prod/db/password:1}}
      DB_PASSWORD                   | /prod/db/password
      DB_PASSWORD                   | prod/db-password
      DB_PASSWORD                   | ${DB_PASSWORD}
      DB_PASSWORD                   | <db password>
      DB_PASSWORD                   | ""
      DB_PASSWORD                   | "  "
      API_KEY                       | false
      GITHUB_TOKEN                  | none
      DATABASE_URL                  | postgres://app:${DB_PASSWORD}@db.example.com/orders
      """)
  void staysQuietOnOrdinaryValues(String key, String value) {
    assertEquals(Optional.empty(), SecretLikeValues.reason(key, value));
  }

  /**
   * Not reported, by choice. A numeric value under a secret's name is a count or a switch more
   * often than a PIN. Secrets shorter than 32 characters under
   * names that say nothing have no shape to find. A system property in JAVA_TOOL_OPTIONS is
   * passed over (the JDK's truststore default is "changeit").
   */
  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      DB_PASSWORD        | 123456
      PARTNER            | Xk9#mP2$vL5!qR8@
      JAVA_TOOL_OPTIONS  | -Djavax.net.ssl.keyStorePassword=hunter2
      WEBHOOK            | https://hooks.example.com/in/7f3a9c2e5b
      """)
  void missesByChoice(String key, String value) {
    assertEquals(Optional.empty(), SecretLikeValues.reason(key, value));
  }

  /**
   * The thresholds hold on random strings of 32 to 64 characters: the word share rule passes over
   * about one base64 string in 500 at 32 characters, fewer above; hex is all but always found.
   */
  @Test
  void reportsRandomStrings() {
    Random random = new Random(42);
    String base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    String hex = "0123456789abcdef";
    int samples = 10_000;
    int base64Found = 0;
    int hexFound = 0;
    for (int i = 0; i < samples; i++) {
      int length = 32 + random.nextInt(33);
      if (SecretLikeValues.reason("VALUE_A", randomString(random, base64, length)).isPresent()) {
        base64Found++;
      }
      if (SecretLikeValues.reason("VALUE_A", randomString(random, hex, length)).isPresent()) {
        hexFound++;
      }
    }
    assertTrue(base64Found >= samples * 0.995, base64Found + " of " + samples + " base64");
    assertTrue(hexFound >= samples * 0.999, hexFound + " of " + samples + " hex");
  }

  @Test
  void measuresEntropyInBitsACharacter() {
    assertEquals(0.0, SecretLikeValues.entropy("AAAA"), 1e-9);
    assertEquals(1.0, SecretLikeValues.entropy("ABAB"), 1e-9);
    assertEquals(4.0, SecretLikeValues.entropy("0123456789abcdef"), 1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      DB_PASSWORD    | DB PASSWORD
      dbPassword     | DB PASSWORD
      partnerApiKey  | PARTNER API KEY
      AUTH0_CLIENT_ID| AUTH0 CLIENT ID
      API__KEY       | API KEY
      """)
  void splitsKeysIntoWords(String key, String words) {
    assertEquals(String.join(" ", SecretLikeValues.words(key)), words);
  }

  private static String randomString(Random random, String alphabet, int length) {
    StringBuilder value = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      value.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return value.toString();
  }
}
