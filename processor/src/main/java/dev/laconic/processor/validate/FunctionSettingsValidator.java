package dev.laconic.processor.validate;

import dev.laconic.annotations.ApplicationLogLevel;
import dev.laconic.annotations.LogFormat;
import dev.laconic.annotations.SystemLogLevel;
import dev.laconic.annotations.TieredCompilation;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionSettings;
import dev.laconic.processor.model.LoggingSettings;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks {@code @LambdaFunction} against the limits of {@code AWS::Lambda::Function} and
 * {@code AWS::Logs::LogGroup}.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html">
 *     CreateFunction</a>
 */
final class FunctionSettingsValidator {

  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
  /** Lambda: keys start with a letter, then letters, digits and underscores, two or more. */
  private static final Pattern ENV_KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");
  /** Keys Lambda sets itself and rejects in a function's configuration. */
  static final Set<String> RESERVED_ENV_KEYS = Set.of("_HANDLER", "_X_AMZN_TRACE_ID",
      "AWS_DEFAULT_REGION", "AWS_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
      "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION",
      "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_LAMBDA_LOG_GROUP_NAME",
      "AWS_LAMBDA_LOG_STREAM_NAME", "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID",
      "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_LAMBDA_RUNTIME_API", "LAMBDA_TASK_ROOT",
      "LAMBDA_RUNTIME_DIR");
  /** CloudWatch Logs' allowed retention periods, in days. */
  static final List<Integer> RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180,
      365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  private final int javaRelease;

  /** @param javaRelease the Java release the sources are compiled for */
  FunctionSettingsValidator(int javaRelease) {
    this.javaRelease = javaRelease;
  }

  ValidationReport validate(FunctionSettings settings) {
    ValidationReport.Builder report = ValidationReport.builder();
    var at = settings.origin();
    if (!settings.name().isEmpty() && !NAME.matcher(settings.name()).matches()) {
      report.report(Diagnostic.FUNCTION_NAME_INVALID, at.at("name"), settings.name());
    }
    if (settings.memorySize() < 128 || settings.memorySize() > 10_240) {
      report.report(Diagnostic.MEMORY_SIZE_RANGE, at.at("memorySize"), settings.memorySize());
    }
    if (settings.timeout() < 1 || settings.timeout() > 900) {
      report.report(Diagnostic.TIMEOUT_RANGE, at.at("timeout"), settings.timeout());
    }
    int runtimeJava = settings.runtime().javaVersion();
    if (runtimeJava < javaRelease) {
      report.report(Diagnostic.RUNTIME_TOO_OLD, at.at("runtime"), settings.runtime(),
          runtimeJava, javaRelease, javaRelease, runtimeJava);
    }
    validateEnvironment(settings, report);
    if (settings.description().length() > 256) {
      report.report(Diagnostic.DESCRIPTION_TOO_LONG, at.at("description"),
          settings.description().length());
    }
    if (settings.reservedConcurrency() < -1) {
      report.report(Diagnostic.RESERVED_CONCURRENCY_RANGE, at.at("reservedConcurrency"),
          settings.reservedConcurrency());
    } else if (settings.reservedConcurrency() == 0) {
      report.report(Diagnostic.RESERVED_CONCURRENCY_ZERO, at.at("reservedConcurrency"));
    }
    if (!RETENTION_DAYS.contains(settings.logRetentionDays())) {
      report.report(Diagnostic.LOG_RETENTION_INVALID, at.at("logRetentionDays"),
          settings.logRetentionDays(),
          RETENTION_DAYS.stream().map(String::valueOf).collect(Collectors.joining(", ")),
          nearestRetention(settings.logRetentionDays()));
    }
    validateLogging(settings, report);
    if (settings.ephemeralStorage() < 512 || settings.ephemeralStorage() > 10_240) {
      report.report(Diagnostic.EPHEMERAL_STORAGE_RANGE, at.at("ephemeralStorage"),
          settings.ephemeralStorage());
    } else if (settings.snapStart()
        && settings.ephemeralStorage() > FunctionSettings.DEFAULT_EPHEMERAL_STORAGE) {
      // SnapStart supports no ephemeral storage above 512 MB:
      // https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html#snapstart-runtimes
      report.report(Diagnostic.SNAPSTART_EPHEMERAL_STORAGE, at.at("ephemeralStorage"),
          settings.ephemeralStorage());
    }
    report.add(FunctionReferences.validate(settings));
    if (settings.snapStart()) {
      warnOfValuesByReference(settings, report);
    }
    return report.build();
  }

  /**
   * Warns, once per function, of a setting a SnapStart version freezes that the template gives
   * by reference: the version's description digests the template's properties, in which a
   * {@code Ref} reads the same whatever its value.
   */
  private static void warnOfValuesByReference(FunctionSettings settings,
      ValidationReport.Builder report) {
    for (FunctionSettings.Reference reference : settings.references()) {
      ArnRef value = reference.value();
      if (!(value instanceof ArnRef.Literal)) {
        boolean parameter = value instanceof ArnRef.Parameter;
        report.report(Diagnostic.SNAPSTART_SETTING_BY_REFERENCE, reference.at(),
            reference.attribute(), value.source(),
            parameter ? "a template parameter" : "a resource of the base template",
            parameter ? "the parameter" : "the resource");
        return;
      }
    }
  }

  private static void validateLogging(FunctionSettings settings,
      ValidationReport.Builder report) {
    LoggingSettings logging = settings.logging();
    if (logging.format() == LogFormat.JSON) {
      return;
    }
    if (logging.applicationLevel() != ApplicationLogLevel.LAMBDA_DEFAULT) {
      report.report(Diagnostic.LOG_LEVEL_WITHOUT_JSON, settings.origin().at("applicationLogLevel"),
          "applicationLogLevel", logging.applicationLevel(), "applicationLogLevel");
    }
    if (logging.systemLevel() != SystemLogLevel.LAMBDA_DEFAULT) {
      report.report(Diagnostic.LOG_LEVEL_WITHOUT_JSON, settings.origin().at("systemLogLevel"),
          "systemLogLevel", logging.systemLevel(), "systemLogLevel");
    }
  }

  private static void validateEnvironment(FunctionSettings settings,
      ValidationReport.Builder report) {
    var at = settings.origin();
    Set<String> seen = new HashSet<>();
    int bytes = 0;
    List<String> entries = settings.environment();
    for (int i = 0; i < entries.size(); i++) {
      String entry = entries.get(i);
      int equals = entry.indexOf('=');
      if (equals < 0) {
        report.report(Diagnostic.ENV_ENTRY_MALFORMED, at.at("environment", i), entry);
        continue;
      }
      String key = entry.substring(0, equals);
      if (!ENV_KEY.matcher(key).matches()) {
        report.report(Diagnostic.ENV_KEY_INVALID, at.at("environment", i), key);
      } else if (RESERVED_ENV_KEYS.contains(key)) {
        report.report(Diagnostic.ENV_KEY_RESERVED, at.at("environment", i), key);
      } else if (!seen.add(key)) {
        report.report(Diagnostic.ENV_KEY_DUPLICATE, at.at("environment", i), key);
      } else if (key.equals(FunctionSettings.JAVA_TOOL_OPTIONS)
          && settings.tieredCompilation() != TieredCompilation.RUNTIME_DEFAULT) {
        // Either value would silently replace the other in the template.
        report.report(Diagnostic.JAVA_TOOL_OPTIONS_TWICE, at.at("environment", i),
            settings.tieredCompilation(), settings.tieredCompilation().javaToolOptions());
      } else {
        Optional<String> secret = SecretLikeValues.reason(key, entry.substring(equals + 1));
        if (secret.isPresent()) {
          report.report(Diagnostic.ENV_VALUE_SECRET, at.at("environment", i), key, secret.get());
        }
      }
      bytes += entry.getBytes(StandardCharsets.UTF_8).length - 1;
    }
    String options = settings.tieredCompilation().javaToolOptions();
    if (!options.isEmpty()) {
      bytes += FunctionSettings.JAVA_TOOL_OPTIONS.length() + options.length();
    }
    if (bytes > 4096) {
      report.report(Diagnostic.ENV_TOO_LARGE, at.at("environment"), bytes);
    }
  }

  private static int nearestRetention(int days) {
    int nearest = RETENTION_DAYS.get(0);
    for (int allowed : RETENTION_DAYS) {
      if (Math.abs(allowed - days) < Math.abs(nearest - days)) {
        nearest = allowed;
      }
    }
    return nearest;
  }
}
