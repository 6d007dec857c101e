package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.laconic.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.laconic.processor.diag.Diagnostic;
import java.io.File;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic.Kind;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One compilation per diagnostic of the catalogue: each asserts the id, the text, the file and
 * the line it is reported on, that it is reported once, and that an error fails the build while a
 * warning does not.
 */
class DiagnosticsTest {

  /**
   * A compilation expected to report {@code diagnostic} with {@code text} on the line of
   * {@code line} in the first source ({@code line} null: no position, as for options).
   */
  record Case(Diagnostic diagnostic, String text, String line, List<JavaFileObject> sources,
      List<String> options, List<File> classPath) {

    Case(Diagnostic diagnostic, String text, String line, JavaFileObject... sources) {
      this(diagnostic, text, line, List.of(sources), List.of(Compilations.CODE), null);
    }

    Case withOptions(String... replaced) {
      return new Case(diagnostic, text, line, sources, List.of(replaced), classPath);
    }

    Case withClassPath(List<File> replaced) {
      return new Case(diagnostic, text, line, sources, options, replaced);
    }

    @Override
    public String toString() {
      return diagnostic.id() + " " + diagnostic.name();
    }
  }

  /** A handler class {@code test.Handler} whose one method carries {@code annotations}. */
  static JavaFileObject handler(String annotations) {
    return handler(annotations, "public void handle(DynamodbEvent event) {}");
  }

  static JavaFileObject handler(String annotations, String method) {
    return source("Handler", "public class Handler {\n" + annotations + "\n" + method + "\n}\n");
  }

  static final String TRIGGER = "@DynamoStreamTrigger(streamArn = \"${OrdersStream}\")";

  static JavaFileObject trigger(String attributes) {
    return handler("@DynamoStreamTrigger(streamArn = \"${OrdersStream}\", " + attributes + ")");
  }

  static JavaFileObject function(String attributes) {
    return handler("@LambdaFunction(" + attributes + ")\n" + TRIGGER);
  }

  static JavaFileObject policy(String attributes) {
    return handler("@IamPolicy(" + attributes + ")\n" + TRIGGER);
  }

  static String filters(int count) {
    return Stream.generate(() -> "\"{\\\"eventName\\\": [\\\"INSERT\\\"]}\"").limit(count)
        .collect(Collectors.joining(", ", "filters = {", "}"));
  }

  static Stream<Case> cases() {
    return Stream.of(handlerAndDynamoCases(), SourceDiagnosticCases.cases(),
        EnhancedClientDiagnosticCases.cases()).flatMap(s -> s);
  }

  static Stream<Case> handlerAndDynamoCases() {
    String bigValue = "x".repeat(4100);
    String longFilter = "{\\\"eventName\\\": [\\\"" + "I".repeat(4100) + "\\\"]}";
    return Stream.of(
        new Case(Diagnostic.MISSING_EVENTS_LIBRARY,
            "[LACONIC-002] com.amazonaws.services.lambda.runtime.events.DynamodbEvent is not on the"
                + " compile classpath. Add the dependency com.amazonaws:aws-lambda-java-events",
            "@DynamoStreamTrigger", handler(TRIGGER, "public void handle(Object event) {}"))
            .withClassPath(Compilations.classPathWithout("aws-lambda-java-events")),
        new Case(Diagnostic.MISSING_CORE_LIBRARY,
            "[LACONIC-003] com.amazonaws.services.lambda.runtime.Context is not on the compile"
                + " classpath. Add the dependency com.amazonaws:aws-lambda-java-core.",
            "@DynamoStreamTrigger", handler(TRIGGER))
            .withClassPath(Compilations.classPathWithout("aws-lambda-java-core")),
        new Case(Diagnostic.CODE_OPTION_MISSING,
            "[LACONIC-004] Option -Alaconic.code is not set, so the template's Code points at"
                + " \"../../function.jar\".",
            null, handler(TRIGGER)).withOptions(),
        new Case(Diagnostic.CODE_OPTION_INVALID,
            "[LACONIC-005] Option -Alaconic.code = \"/home/me/app.jar\". It must be a relative path",
            null, handler(TRIGGER)).withOptions("-Alaconic.code=/home/me/app.jar"),

        new Case(Diagnostic.ADAPTER_OPTION_INVALID,
            "[LACONIC-007] Option -Alaconic.adapter = \"pojo\". It must be stream",
            null, handler(TRIGGER)).withOptions(Compilations.CODE, "-Alaconic.adapter=pojo"),
        new Case(Diagnostic.ADAPTER_OPTION_INVALID,
            "[LACONIC-007] Option -Alaconic.adapter = \"null\". It must be stream",
            null, handler(TRIGGER)).withOptions(Compilations.CODE, "-Alaconic.adapter"),

        new Case(Diagnostic.TEMPLATE_OPTION_INVALID,
            "[LACONIC-009] Option -Alaconic.template = \"serverless\". It must be cloudformation",
            null, handler(TRIGGER)).withOptions(Compilations.CODE, "-Alaconic.template=serverless"),

        new Case(Diagnostic.METHOD_NOT_PUBLIC,
            "[LACONIC-101] Handler method Handler.handle must be public",
            "void handle", handler(TRIGGER, "void handle(DynamodbEvent event) {}")),
        new Case(Diagnostic.METHOD_STATIC,
            "[LACONIC-102] Handler method Handler.handle must not be static",
            "static void handle", handler(TRIGGER, "public static void handle(DynamodbEvent e) {}")),
        new Case(Diagnostic.METHOD_GENERIC,
            "[LACONIC-103] Handler method Handler.handle must not declare type parameters.",
            "<T> void handle", handler(TRIGGER, "public <T> void handle(DynamodbEvent e) {}")),
        new Case(Diagnostic.CLASS_NOT_PUBLIC,
            "[LACONIC-104] Class Handler must be public",
            "class Handler", source("Handler",
                "class Handler {\n" + TRIGGER + "\npublic void handle(DynamodbEvent e) {}\n}\n")),
        new Case(Diagnostic.CLASS_NOT_STATIC,
            "[LACONIC-105] Class Outer.Inner must be a top-level class or a static nested class",
            "public class Inner", source("Outer", "public class Outer {\npublic class Inner {\n"
                + TRIGGER + "\npublic void handle(DynamodbEvent e) {}\n}\n}\n")),
        new Case(Diagnostic.CLASS_NOT_CONCRETE,
            "[LACONIC-106] Handler must be a concrete class",
            "abstract class Handler", source("Handler", "public abstract class Handler {\n"
                + TRIGGER + "\npublic void handle(DynamodbEvent e) {}\n}\n")),
        new Case(Diagnostic.CLASS_NO_CONSTRUCTOR,
            "[LACONIC-107] Class Handler must have a public constructor without parameters",
            "public class Handler", source("Handler", "public class Handler {\n"
                + "public Handler(String table) {}\n"
                + TRIGGER + "\npublic void handle(DynamodbEvent e) {}\n}\n")),
        new Case(Diagnostic.CLASS_GENERIC,
            "[LACONIC-108] Class Handler must not declare type parameters",
            "class Handler<T>", source("Handler", "public class Handler<T> {\n"
                + TRIGGER + "\npublic void handle(DynamodbEvent e) {}\n}\n")),
        new Case(Diagnostic.BAD_SIGNATURE,
            "[LACONIC-109] String handle(DynamodbEvent event) is not an accepted handler signature."
                + " A @DynamoStreamTrigger method must be one of:",
            "String handle", handler(TRIGGER, "public String handle(DynamodbEvent event) {"
                + " return null; }")),
        new Case(Diagnostic.NO_TRIGGER,
            "[LACONIC-110] @LambdaFunction on Handler.handle has no effect: the method has no"
                + " trigger. Add one of @DynamoStreamTrigger, @KinesisTrigger",
            "@LambdaFunction", handler("@LambdaFunction(memorySize = 1024)")),
        new Case(Diagnostic.CLASS_POLICY_UNUSED,
            "[LACONIC-111] @IamPolicy on class Handler applies to no function",
            "@IamPolicy", source("Handler", "@IamPolicy(actions = \"s3:GetObject\","
                + " resources = \"arn:aws:s3:::b/*\")\npublic class Handler {}\n")),

        new Case(Diagnostic.FUNCTION_NAME_INVALID,
            "[LACONIC-201] name = \"orders echo\". It must be 1 to 64 letters, digits, hyphens or"
                + " underscores.",
            "name = ", function("name = \"orders echo\"")),
        new Case(Diagnostic.MEMORY_SIZE_RANGE,
            "[LACONIC-202] memorySize = 64. It must be between 128 and 10240 (MB).",
            "memorySize", function("memorySize = 64")),
        new Case(Diagnostic.TIMEOUT_RANGE,
            "[LACONIC-203] timeout = 901. It must be between 1 and 900 (seconds).",
            "timeout", function("timeout = 901")),
        new Case(Diagnostic.RUNTIME_TOO_OLD,
            "[LACONIC-204] runtime = JAVA11 runs Java 11, but this code is compiled for Java 17."
                + " It must be a runtime of Java 17 or newer, or compile with --release 11.",
            "JAVA11", function("runtime = JavaRuntime.JAVA11"))
            .withOptions(Compilations.CODE, "--release", "17"),
        new Case(Diagnostic.ENV_ENTRY_MALFORMED,
            "[LACONIC-205] environment entry \"TABLE\" has no '='. It must be KEY=value.",
            "\"TABLE\"", function("environment = {\"STAGE=prod\",\n\"TABLE\"}")),
        new Case(Diagnostic.ENV_KEY_INVALID,
            "[LACONIC-206] environment key \"1TABLE\". It must start with a letter",
            "1TABLE", function("environment = \"1TABLE=orders\"")),
        new Case(Diagnostic.ENV_KEY_RESERVED,
            "[LACONIC-207] environment key \"AWS_REGION\" is reserved by Lambda",
            "AWS_REGION", function("environment = \"AWS_REGION=eu-west-1\"")),
        new Case(Diagnostic.ENV_KEY_DUPLICATE,
            "[LACONIC-208] environment key \"STAGE\" is set twice. It must be set once.",
            "STAGE=dev", function("environment = {\"STAGE=prod\",\n\"STAGE=dev\"}")),
        new Case(Diagnostic.ENV_TOO_LARGE,
            "[LACONIC-209] environment variables take 4103 bytes. Lambda allows 4096 bytes",
            "environment", function("environment = \"BIG=" + bigValue + "\"")),
        new Case(Diagnostic.DESCRIPTION_TOO_LONG,
            "[LACONIC-210] description has 300 characters. It must have at most 256.",
            "description", function("description = \"" + "d".repeat(300) + "\"")),
        new Case(Diagnostic.RESERVED_CONCURRENCY_RANGE,
            "[LACONIC-211] reservedConcurrency = -5. It must be 0 or more, or -1 for none"
                + " reserved.",
            "reservedConcurrency", function("reservedConcurrency = -5")),
        new Case(Diagnostic.RESERVED_CONCURRENCY_ZERO,
            "[LACONIC-212] reservedConcurrency = 0 stops the function from running at all",
            "reservedConcurrency", function("reservedConcurrency = 0")),
        new Case(Diagnostic.LOG_RETENTION_INVALID,
            "[LACONIC-213] logRetentionDays = 10. It must be one of 1, 3, 5, 7, 14, 30, 60, 90,"
                + " 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
                + " Did you mean 7?",
            "logRetentionDays", function("logRetentionDays = 10")),
        new Case(Diagnostic.JAVA_TOOL_OPTIONS_TWICE,
            "[LACONIC-214] environment key \"JAVA_TOOL_OPTIONS\" is set, and tieredCompilation ="
                + " C1_ONLY writes it too (\"-XX:+TieredCompilation -XX:TieredStopAtLevel=1\")."
                + " It must be set in one place",
            "JAVA_TOOL_OPTIONS=", function("tieredCompilation = TieredCompilation.C1_ONLY,\n"
                + "environment = {\"STAGE=prod\",\n\"JAVA_TOOL_OPTIONS=-Xshare:auto\"}")),
        new Case(Diagnostic.LOG_LEVEL_WITHOUT_JSON,
            "[LACONIC-215] applicationLogLevel = DEBUG, but logFormat = TEXT. Lambda filters only"
                + " JSON logs by level and refuses a level without them: set logFormat = JSON, or"
                + " leave applicationLogLevel at LAMBDA_DEFAULT.",
            "DEBUG", function("memorySize = 1024,\napplicationLogLevel = ApplicationLogLevel.DEBUG")),
        new Case(Diagnostic.SUBNET_ID_INVALID,
            "[LACONIC-216] subnetIds[1] = \"subnet-xyz\". It must be a subnet id such as"
                + " subnet-0123456789abcdef0",
            "subnet-xyz", function("securityGroupIds = \"sg-0123abcd\",\nsubnetIds = {"
                + "\"subnet-0123abcd\",\n\"subnet-xyz\"}")),
        new Case(Diagnostic.SECURITY_GROUP_ID_INVALID,
            "[LACONIC-217] securityGroupIds[0] = \"sg-12\". It must be a security group id",
            "sg-12", function("subnetIds = \"subnet-0123abcd\",\nsecurityGroupIds = \"sg-12\"")),
        new Case(Diagnostic.VPC_INCOMPLETE,
            "[LACONIC-218] subnetIds is set, but securityGroupIds is empty. A function in a VPC"
                + " needs both",
            "subnetIds", function("memorySize = 1024,\nsubnetIds = \"subnet-0123abcd\"")),
        new Case(Diagnostic.VPC_LIST_TOO_LONG,
            "[LACONIC-219] securityGroupIds has 6 entries. It must have at most 5.",
            "securityGroupIds", function("subnetIds = \"subnet-0123abcd\",\nsecurityGroupIds = {"
                + "\"sg-00000001\", \"sg-00000002\", \"sg-00000003\", \"sg-00000004\","
                + " \"sg-00000005\", \"sg-00000006\"}")),
        new Case(Diagnostic.VPC_LIST_PARAMETER_NOT_ALONE,
            "[LACONIC-220] subnetIds[1] = \"${PrivateSubnets}\" is a parameter of type"
                + " List<AWS::EC2::Subnet::Id>, a whole list, so it must be the only entry of"
                + " subnetIds",
            "PrivateSubnets", function("securityGroupIds = \"sg-0123abcd\",\nsubnetIds = {"
                + "\"subnet-0123abcd\",\n\"${PrivateSubnets}\"}")),
        new Case(Diagnostic.IPV6_WITHOUT_VPC,
            "[LACONIC-221] ipv6AllowedForDualStack = true, but subnetIds is empty.",
            "ipv6AllowedForDualStack", function("memorySize = 1024,\nipv6AllowedForDualStack = true")),
        new Case(Diagnostic.LAYER_ARN_INVALID,
            "[LACONIC-222] layers[0] = \"arn:aws:lambda:eu-west-1:123456789012:layer:otel\". It"
                + " must be a layer version ARN such as"
                + " arn:aws:lambda:eu-west-1:123456789012:layer:my-layer:3, @Name for an"
                + " AWS::Lambda::LayerVersion of the base template, or ${Name} for a template"
                + " parameter. It names the layer, not a version: add the version, such as"
                + " arn:aws:lambda:eu-west-1:123456789012:layer:otel:1.",
            "layer:otel", function("memorySize = 1024,\n"
                + "layers = \"arn:aws:lambda:eu-west-1:123456789012:layer:otel\"")),
        new Case(Diagnostic.TOO_MANY_LAYERS,
            "[LACONIC-223] layers has 6 entries. It must have at most 5",
            "layers", function("layers = {\"${L1}\", \"${L2}\", \"${L3}\", \"${L4}\","
                + " \"${L5}\", \"${L6}\"}")),
        new Case(Diagnostic.LAYER_TWICE,
            "[LACONIC-224] layers[1] = \"arn:aws:lambda:eu-west-1:123456789012:layer:otel:5\" names"
                + " layer arn:aws:lambda:eu-west-1:123456789012:layer:otel again (layers[0]).",
            "otel:5", function("layers = {\"arn:aws:lambda:eu-west-1:123456789012:layer:otel:4\","
                + "\n\"arn:aws:lambda:eu-west-1:123456789012:layer:otel:5\"}")),
        new Case(Diagnostic.EPHEMERAL_STORAGE_RANGE,
            "[LACONIC-225] ephemeralStorage = 256. It must be between 512 and 10240 (MB).",
            "ephemeralStorage", function("memorySize = 1024,\nephemeralStorage = 256")),
        new Case(Diagnostic.KMS_KEY_INVALID,
            "[LACONIC-226] kmsKey = \"arn:aws:kms:eu-west-1:123456789012:alias/app\". It must be a"
                + " KMS key ARN such as arn:aws:kms:eu-west-1:123456789012:key/"
                + "1234abcd-12ab-34cd-56ef-1234567890ab, @Name for an AWS::KMS::Key of the base"
                + " template, or ${Name} for a template parameter. An alias does not do: Lambda"
                + " needs the key's own ARN (key/<key id>).",
            "alias/app", function("environment = \"STAGE=prod\",\n"
                + "kmsKey = \"arn:aws:kms:eu-west-1:123456789012:alias/app\"")),
        new Case(Diagnostic.KMS_KEY_UNUSED,
            "[LACONIC-227] kmsKey = \"${AppKey}\", but the function has no environment variables"
                + " and no SnapStart, so the key encrypts nothing.",
            "AppKey", function("memorySize = 1024,\nkmsKey = \"${AppKey}\"")),

        new Case(Diagnostic.ENV_VALUE_SECRET,
            "[LACONIC-228] environment entry \"DB_PASSWORD\" looks like a password-style name with"
                + " a literal value, which the template and the function's configuration show in"
                + " plain text",
            "DB_PASSWORD", function("environment = {\"STAGE=prod\",\n\"DB_PASSWORD=hunter2\"}")),
        new Case(Diagnostic.SNAPSTART_EPHEMERAL_STORAGE,
            "[LACONIC-229] ephemeralStorage = 2048, but snapStart = true. Lambda takes no"
                + " SnapStart with more than 512 MB of /tmp",
            "ephemeralStorage", function("snapStart = true,\nephemeralStorage = 2048")),

        new Case(Diagnostic.SNAPSTART_SETTING_BY_REFERENCE,
            "[LACONIC-230] layers = \"${ToolsLayer}\" is given by a template parameter, and"
                + " snapStart = true. A published version keeps the value it was published with",
            "ToolsLayer", function("snapStart = true,\nlayers = {\"arn:aws:lambda:eu-west-1:"
                + "123456789012:layer:otel:4\",\n\"${ToolsLayer}\"}, kmsKey = \"${AppKey}\"")),

        new Case(Diagnostic.STREAM_ARN_INVALID,
            "[LACONIC-301] streamArn = \"arn:aws:dynamodb:us-east-1:123456789012:table/Orders\"."
                + " It must be a DynamoDB stream ARN such as arn:aws:dynamodb:us-west-2:"
                + "000000000000:table/Orders/stream/2015-12-05T16:28:11.869, or ${Name} for a"
                + " template parameter. This is a table ARN",
            "table/Orders", handler("@DynamoStreamTrigger(\nstreamArn ="
                + " \"arn:aws:dynamodb:us-east-1:123456789012:table/Orders\")")),
        new Case(Diagnostic.STARTING_POSITION_INVALID,
            "[LACONIC-302] startingPosition = AT_TIMESTAMP is not supported for DynamoDB streams."
                + " It must be TRIM_HORIZON or LATEST.",
            "startingPosition", trigger("\nstartingPosition = StartingPosition.AT_TIMESTAMP")),
        new Case(Diagnostic.BATCH_SIZE_RANGE,
            "[LACONIC-303] batchSize = 0. It must be between 1 and 10000.",
            "batchSize", trigger("\nbatchSize = 0")),
        new Case(Diagnostic.BATCHING_WINDOW_RANGE,
            "[LACONIC-304] maximumBatchingWindowInSeconds = 301. It must be between 0 and 300.",
            "maximumBatchingWindowInSeconds", trigger("\nmaximumBatchingWindowInSeconds = 301")),
        new Case(Diagnostic.RETRY_ATTEMPTS_RANGE,
            "[LACONIC-305] maximumRetryAttempts = 10001. It must be -1 (retry until the record"
                + " expires) or between 0 and 10000.",
            "maximumRetryAttempts", trigger("\nmaximumRetryAttempts = 10001")),
        new Case(Diagnostic.RECORD_AGE_RANGE,
            "[LACONIC-306] maximumRecordAgeInSeconds = 59. It must be -1 (no limit) or between 60"
                + " and 604800.",
            "maximumRecordAgeInSeconds", trigger("\nmaximumRecordAgeInSeconds = 59")),
        new Case(Diagnostic.PARALLELIZATION_RANGE,
            "[LACONIC-307] parallelizationFactor = 11. It must be between 1 and 10.",
            "parallelizationFactor", trigger("\nparallelizationFactor = 11")),
        new Case(Diagnostic.TUMBLING_WINDOW_RANGE,
            "[LACONIC-308] tumblingWindowInSeconds = 901. It must be between 0 and 900.",
            "tumblingWindowInSeconds", trigger("\ntumblingWindowInSeconds = 901")),
        new Case(Diagnostic.ON_FAILURE_INVALID,
            "[LACONIC-309] onFailure = \"arn:aws:lambda:us-east-1:123456789012:function:dlq\". It"
                + " must be the ARN of an SQS queue",
            "onFailure", trigger("\nonFailure = \"arn:aws:lambda:us-east-1:123456789012:function:dlq\"")),
        new Case(Diagnostic.FILTER_NOT_JSON,
            "[LACONIC-310] filters[1] is not valid JSON:",
            "eventName\\\": [\\\"MODIFY", trigger("filters = {\"{\\\"eventName\\\": [\\\"INSERT\\\"]}\",\n"
                + "\"{\\\"eventName\\\": [\\\"MODIFY\\\"]\"}")),
        new Case(Diagnostic.FILTER_NOT_OBJECT,
            "[LACONIC-311] filters[0] is a JSON array. It must be a JSON object",
            "filters", trigger("\nfilters = \"[\\\"INSERT\\\"]\"")),
        new Case(Diagnostic.FILTER_TOO_LONG,
            "[LACONIC-312] filters[0] has 4119 characters. It must have at most 4096.",
            "filters", trigger("\nfilters = \"" + longFilter + "\"")),
        new Case(Diagnostic.TOO_MANY_FILTERS,
            "[LACONIC-313] filters has 11 patterns. It must have at most 10, the most Lambda"
                + " takes even with a raised quota (the default quota is 5).",
            "filters", trigger("\n" + filters(11))),
        new Case(Diagnostic.MANY_FILTERS,
            "[LACONIC-314] filters has 6 patterns, above Lambda's default quota of 5",
            "filters", trigger("\n" + filters(6))),
        new Case(Diagnostic.FILTER_UNKNOWN_FIELD,
            "[LACONIC-315] filters[0] matches on \"dynamodb.NewImag\", which a DynamoDB stream"
                + " record does not have, so the pattern never matches. It has"
                + " ApproximateCreationDateTime, Keys, NewImage, OldImage, SequenceNumber,"
                + " SizeBytes, StreamViewType. Did you mean \"NewImage\"?",
            "NewImag", trigger("\nfilters = \"{\\\"dynamodb\\\": {\\\"NewImag\\\": {\\\"state\\\":"
                + " {\\\"S\\\": [\\\"FL\\\"]}}}}\"")),
        new Case(Diagnostic.DUPLICATE_STREAM,
            "[LACONIC-316] streamArn = \"${OrdersStream}\" is already read by this function.",
            "second", handler(TRIGGER + "\n@DynamoStreamTrigger(streamArn = \"${OrdersStream}\","
                + " batchSize = 7) // second")),
        new Case(Diagnostic.FILTER_VALUE_NOT_ARRAY,
            "[LACONIC-317] filters[0] gives \"eventName\" the value \"INSERT\". It must be an array",
            "filters", trigger("\nfilters = \"{\\\"eventName\\\": \\\"INSERT\\\"}\"")),
        new Case(Diagnostic.FILTER_EMPTY,
            "[LACONIC-322] filters[0] has an empty object at \"dynamodb.NewImag\". Lambda refuses it",
            "NewImag", trigger("\nfilters = \"{\\\"dynamodb\\\": {\\\"NewImag\\\": {}}}\"")),
        new Case(Diagnostic.FILTER_UNKNOWN_OPERATOR,
            "[LACONIC-323] filters[0] uses \"sufix\" at \"eventName\", which is no operator of"
                + " Lambda's event filtering, so Lambda refuses the pattern. The operators are"
                + " prefix, suffix, equals-ignore-case, anything-but, numeric and exists, and $or"
                + " between fields. Did you mean \"suffix\"?",
            "sufix", trigger("\nfilters = \"{\\\"eventName\\\": [{\\\"sufix\\\": \\\"T\\\"}]}\"")),
        new Case(Diagnostic.FILTER_EVENTBRIDGE_OPERATOR,
            "[LACONIC-324] filters[0] uses wildcard at \"dynamodb.Keys.SK.S\", which EventBridge"
                + " patterns have and Lambda's event filtering does not",
            "wildcard", trigger("\nfilters = \"{\\\"dynamodb\\\": {\\\"Keys\\\": {\\\"SK\\\": {\\\"S\\\":"
                + " [{\\\"wildcard\\\": \\\"ORDER#*\\\"}]}}}}\"")),
        new Case(Diagnostic.FILTER_OPERATOR_INVALID,
            "[LACONIC-325] filters[0] at \"dynamodb.SizeBytes\": the lower bound 10 must be"
                + " below the upper bound 5. Lambda refuses the pattern.",
            "numeric", trigger("\nfilters = \"{\\\"dynamodb\\\": {\\\"SizeBytes\\\":"
                + " [{\\\"numeric\\\": [\\\">\\\", 10, \\\"<\\\", 5]}]}}\"")),
        new Case(Diagnostic.FILTER_FIELD_REPEATED,
            "[LACONIC-326] filters[0] gives \"eventName\" a list of values twice. Lambda keeps the"
                + " last list only",
            "REMOVE", trigger("\nfilters = \"{\\\"eventName\\\": [\\\"INSERT\\\"], \\\"eventName\\\":"
                + " [\\\"REMOVE\\\"]}\"")),
        new Case(Diagnostic.FILTER_NEVER_MATCHES,
            "[LACONIC-327] filters[0] matches \"dynamodb.NewImage.total.N\" with {\"numeric\":"
                + " [\">\", 100]}, but in a DynamoDB stream record that value is a string, so the"
                + " pattern never matches. DynamoDB sends numbers as strings ({\"N\": \"50\"}):"
                + " match the string, as [\"50\"], or its prefix.",
            "numeric", trigger("\nfilters = \"{\\\"dynamodb\\\": {\\\"NewImage\\\": {\\\"total\\\":"
                + " {\\\"N\\\": [{\\\"numeric\\\": [\\\">\\\", 100]}]}}}}\"")),

        new Case(Diagnostic.POLICY_ACTIONS_EMPTY,
            "[LACONIC-401] actions is empty. It must name at least one action",
            "actions", policy("actions = {},\nresources = \"arn:aws:s3:::b\"")),
        new Case(Diagnostic.POLICY_ACTION_INVALID,
            "[LACONIC-402] action \"s3GetObject\". It must be service:Action",
            "s3GetObject", policy("actions = \"s3GetObject\",\nresources = \"arn:aws:s3:::b\"")),
        new Case(Diagnostic.POLICY_RESOURCE_INVALID,
            "[LACONIC-404] resource \"arn:aws:s3:::${Bucket}/*\". It must be an ARN",
            "Bucket", policy("actions = \"s3:GetObject\",\nresources = \"arn:aws:s3:::${Bucket}/*\"")),
        new Case(Diagnostic.POLICY_RESOURCES_EMPTY,
            "[LACONIC-403] resources is empty. It must name at least one resource ARN",
            "resources", policy("actions = \"s3:GetObject\",\nresources = {}")),
        new Case(Diagnostic.POLICY_RESOURCE_INVALID,
            "[LACONIC-404] resource \"audit-bucket\". It must be an ARN",
            "audit-bucket", policy("actions = \"s3:GetObject\",\nresources = \"audit-bucket\"")),
        new Case(Diagnostic.POLICY_RESOURCE_WILDCARD,
            "[LACONIC-405] resource \"*\" grants s3:GetObject on every resource of the account.",
            "resources", policy("actions = \"s3:GetObject\",\nresources = \"*\"")),
        new Case(Diagnostic.POLICY_ACTION_WILDCARD,
            "[LACONIC-406] action \"*\" grants every action of every service.",
            "actions", policy("actions = \"*\",\nresources = \"arn:aws:s3:::b\"")),

        new Case(Diagnostic.PARAMETER_NAME_INVALID,
            "[LACONIC-501] streamArn = \"${Orders-Stream}\". A template parameter name must be 1"
                + " to 255 letters or digits",
            "Orders-Stream", handler("@DynamoStreamTrigger(streamArn = \"${Orders-Stream}\")")),
        new Case(Diagnostic.PARAMETER_NAME_RESERVED,
            "[LACONIC-510] streamArn = \"${LaconicCodeSha256}\": Laconic declares this parameter",
            "LaconicCodeSha256",
            handler("@DynamoStreamTrigger(streamArn = \"${LaconicCodeSha256}\")")),
        new Case(Diagnostic.PARAMETER_KIND_CONFLICT,
            "[LACONIC-502] ${OrdersStream} is used here as an SQS queue, SNS topic or S3 bucket ARN"
                + " and elsewhere as a DynamoDB stream ARN.",
            "onFailure", trigger("\nonFailure = \"${OrdersStream}\"")),
        new Case(Diagnostic.DUPLICATE_FUNCTION_NAME,
            "[LACONIC-503] name = \"orders\" is also the name of Handler.first. Function names"
                + " must be unique.",
            "memorySize = 256", handler("@LambdaFunction(name = \"orders\")\n" + TRIGGER
                + "\npublic void first(DynamodbEvent e) {}\n"
                + "@LambdaFunction(memorySize = 256, name = \"orders\")"
                + "\n" + TRIGGER, "public void second(DynamodbEvent e) {}")),
        new Case(Diagnostic.LOGICAL_ID_CLASH,
            "[LACONIC-504] test.Handler.handle and test.Handler.handle both derive the logical id"
                + " HandlerHandle from their class and method names.",
            "Context context", handler(TRIGGER + "\npublic void handle(DynamodbEvent e) {}\n"
                + TRIGGER, "public void handle(DynamodbEvent e, Context context) {}")),
        new Case(Diagnostic.WRITE_FAILED,
            "[LACONIC-505] Could not write test.Laconic_Handler_handle:",
            "public void handle", handler(TRIGGER),
            source("Laconic_Handler_handle", "public class Laconic_Handler_handle {}\n")),

        new Case(Diagnostic.MAPPED_TYPE_UNSUPPORTED,
            "[LACONIC-601] Order.grade has type char, which Laconic cannot map from a DynamoDB"
                + " attribute.",
            "char grade", source("Order", "public record Order(String id, char grade) {}\n"),
            typedHandler("Order order")),
        new Case(Diagnostic.MAPPED_TYPE_NO_CONSTRUCTOR,
            "[LACONIC-602] test.Shape cannot be created by a generated mapper.",
            "Shape shape", source("Order", "public record Order(String id,\n"
                + "    Shape shape) {}\n"),
            source("Shape", "public interface Shape {}\n"), typedHandler("Order order")),
        new Case(Diagnostic.MAPPED_TYPE_AMBIGUOUS_CONSTRUCTOR,
            "[LACONIC-603] test.Money has 2 public constructors with parameters",
            "Money price", source("Order", "public record Order(String id,\n"
                + "    Money price) {}\n"),
            source("Money", "public class Money {\n"
                + "  public Money(String amount) {}\n  public Money(long cents) {}\n}\n"),
            typedHandler("StreamChange<Order> change")),
        new Case(Diagnostic.ATTRIBUTE_NAME_CLASH,
            "[LACONIC-604] Attribute \"id\" is read by both Order.id and Order.key.",
            "@DynamoAttribute(\"id\")", source("Order", "public record Order(\n"
                + "    String id,\n    @DynamoAttribute(\"id\") String key) {}\n"),
            typedHandler("Order order")),
        new Case(Diagnostic.ATTRIBUTE_NAME_EMPTY,
            "[LACONIC-605] @DynamoAttribute(\"\") on Order.id. The attribute name must not be"
                + " empty.",
            "@DynamoAttribute(\"\")", source("Order",
                "public record Order(@DynamoAttribute(\"\") String id) {}\n"),
            typedHandler("Order order")),
        new Case(Diagnostic.MAPPED_TYPE_NOT_ACCESSIBLE,
            "[LACONIC-606] test.Handler.Item cannot be used by generated code in test. It must be"
                + " public",
            "public void handle(Item item)", handler(TRIGGER
                + "\npublic void handle(Item item) {}\n", "private record Item(String id) {}")),
        new Case(Diagnostic.MAPPED_TYPE_GENERIC,
            "[LACONIC-607] test.Box declares type parameters",
            "Box<String> box", source("Order", "public record Order(String id,\n"
                + "    Box<String> box) {}\n"),
            source("Box", "public record Box<T>(T value) {}\n"), typedHandler("Order order")),
        new Case(Diagnostic.MAPPED_PARAMETER_NAMES_MISSING,
            "[LACONIC-608] The constructor of test.Point has no parameter names in its class file",
            null, typedHandler("Point point"))
            .withClassPath(withPrecompiled("Point", "public class Point {\n"
                + "  public Point(int x, int y) {}\n}\n")),
        new Case(Diagnostic.MAPPER_NAME_TAKEN,
            "[LACONIC-609] The mapper of test.Order_Line would be test.Order_LineStreamMapper,"
                + " which is already the mapper of test.Order.Line. Rename one of the two types.",
            "Order_Line flat", source("Order", "public record Order(Line nested,\n"
                + "    Order_Line flat) {\n  public record Line(String sku) {}\n}\n"),
            source("Order_Line", "public record Order_Line(String sku) {}\n"),
            typedHandler("Order order")),
        new Case(Diagnostic.SETTER_OVERLOADED,
            "[LACONIC-610] Property amount of test.Order has setters taking java.lang.String and"
                + " long, so the mapper cannot tell which to call.",
            "public void setAmount(long", source("Order", "public class Order {\n"
                + "  public void setAmount(String amount) {}\n"
                + "  public void setAmount(long amount) {}\n}\n"),
            typedHandler("Order order")),
        new Case(Diagnostic.BASE_TEMPLATE_UNREADABLE,
            "[LACONIC-008] Option -Alaconic.baseTemplate: cannot read",
            null, handler(TRIGGER)).withOptions(Compilations.CODE,
                "-Alaconic.baseTemplate=" + baseTemplate("Description: no resources\n")),
        new Case(Diagnostic.LOGICAL_ID_TAKEN,
            "[LACONIC-506] Handler.handle generates the logical id"
                + " HandlerHandleFunctionStreamMapping, which the base template"
                + " (Resources.HandlerHandleFunctionStreamMapping) already uses.",
            "public void handle", handler(TRIGGER)).withOptions(Compilations.CODE,
                "-Alaconic.template=sam", "-Alaconic.baseTemplate=" + baseTemplate(
                    "Resources:\n  HandlerHandleFunctionStreamMapping:\n"
                    + "    Type: AWS::SQS::Queue\n")),
        new Case(Diagnostic.LOGICAL_ID_TAKEN,
            "[LACONIC-506] Handler.handle generates the logical id HandlerHandleRole, which the"
                + " base template (Resources.HandlerHandleRole) already uses.",
            "public void handle", handler(TRIGGER)).withOptions(Compilations.CODE,
                "-Alaconic.baseTemplate=" + baseTemplate("Resources:\n  HandlerHandleRole:\n"
                    + "    Type: AWS::IAM::Role\n")),
        new Case(Diagnostic.RESOURCE_NOT_FOUND,
            "[LACONIC-507] streamArn = \"@Orders\", but the base template has no resource Orders.",
            "@Orders", handler("@DynamoStreamTrigger(streamArn = \"@Orders\")"))
            .withOptions(Compilations.CODE, "-Alaconic.baseTemplate=" + baseTemplate(
                "Resources:\n  Other:\n    Type: AWS::SQS::Queue\n")),
        new Case(Diagnostic.RESOURCE_WRONG_TYPE,
            "[LACONIC-508] onFailure = \"@Orders\" is a AWS::DynamoDB::Table. It must be an"
                + " AWS::SQS::Queue, an AWS::SNS::Topic or an AWS::S3::Bucket.",
            "onFailure", handler("@DynamoStreamTrigger(streamArn = \"${OrdersStream}\",\n"
                + "    onFailure = \"@Orders\")"))
            .withOptions(Compilations.CODE, "-Alaconic.baseTemplate=" + baseTemplate(
                "Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n")),
        new Case(Diagnostic.TABLE_WITHOUT_STREAM,
            "[LACONIC-509] streamArn = \"@Orders\": table Orders of the base template has no"
                + " StreamSpecification",
            "@Orders", handler("@DynamoStreamTrigger(streamArn = \"@Orders\")"))
            .withOptions(Compilations.CODE, "-Alaconic.baseTemplate=" + baseTemplate(
                "Resources:\n  Orders:\n    Type: AWS::DynamoDB::Table\n")),
        new Case(Diagnostic.CIRCULAR_DEPENDENCY,
            "[LACONIC-511] The template's resources would wait for each other in a circle, which"
                + " CloudFormation rejects: HandlerHandlePolicy -> Notify -> HandlerHandleAlias ->"
                + " HandlerHandleVersion -> HandlerHandlePolicy. What a function's policy names"
                + " (an @IamPolicy resource, a trigger's source or failure destination) is created"
                + " before the policy, so none of it may refer to what waits for the policy",
            "@Notify", handler("@LambdaFunction(snapStart = true)\n"
                + "@IamPolicy(actions = \"sns:Publish\",\n    resources = \"@Notify\")\n"
                + TRIGGER))
            .withOptions(Compilations.CODE, "-Alaconic.baseTemplate=" + baseTemplate(
                "Resources:\n  Notify:\n    Type: AWS::SNS::Topic\n    Properties:\n"
                    + "      Subscription:\n        - Protocol: lambda\n"
                    + "          Endpoint: !Ref HandlerHandleAlias\n")),
        new Case(Diagnostic.CIRCULAR_DEPENDENCY,
            "[LACONIC-511] The template's resources would wait for each other in a circle, which"
                + " CloudFormation rejects: HandlerHandlePolicy -> Notify -> HandlerHandleFunction"
                + " -> HandlerHandlePolicy. What a function's policy names (an @IamPolicy"
                + " resource, a trigger's source or failure destination) is created before the"
                + " policy, and in the SAM variant the function waits for its policy",
            "@Notify", handler("@IamPolicy(actions = \"sns:Publish\",\n"
                + "    resources = \"@Notify\")\n" + TRIGGER))
            .withOptions(Compilations.CODE, "-Alaconic.template=sam",
                "-Alaconic.baseTemplate=" + baseTemplate("Resources:\n  Notify:\n"
                    + "    Type: AWS::SNS::Topic\n    Properties:\n      Subscription:\n"
                    + "        - Protocol: lambda\n"
                    + "          Endpoint: !GetAtt HandlerHandleFunction.Arn\n")),
        new Case(Diagnostic.CIRCULAR_DEPENDENCY,
            "[LACONIC-511] The template's resources would wait for each other in a circle, which"
                + " CloudFormation rejects: First -> Second -> First. The circle is among the base"
                + " template's own resources",
            null, handler(TRIGGER)).withOptions(Compilations.CODE, "-Alaconic.baseTemplate="
                + baseTemplate("Resources:\n  First:\n    Type: AWS::SQS::Queue\n"
                    + "    DependsOn: Second\n  Second:\n    Type: AWS::SQS::Queue\n"
                    + "    DependsOn: First\n")),
        new Case(Diagnostic.CIRCULAR_DEPENDENCY,
            "[LACONIC-511] The template's resources would wait for each other in a circle, which"
                + " CloudFormation rejects: HandlerHandlePolicy -> Inbox -> HandlerHandleAlias ->"
                + " HandlerHandleVersion -> HandlerHandlePolicy.",
            "public void handle", handler("@LambdaFunction(snapStart = true)\n"
                + "@SqsTrigger(queueArn = \"@Inbox\")",
                "public void handle(SQSEvent event) {}"))
            .withOptions(Compilations.CODE, "-Alaconic.baseTemplate=" + baseTemplate(
                "Resources:\n  Inbox:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                    + "      Tags:\n        - Key: consumer\n"
                    + "          Value: !Ref HandlerHandleAlias\n")),
        new Case(Diagnostic.TYPE_NEVER_RESOLVED,
            "[LACONIC-006] Handler Handler.handle was not processed: a type it takes did not"
                + " resolve by the end of annotation processing.",
            "public void handle", typedHandler("Missing item")));
  }

  /** A base template file with {@code text}, for the options of a case. */
  static String baseTemplate(String text) {
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("base", ".yaml");
      file.toFile().deleteOnExit();
      java.nio.file.Files.writeString(file, text);
      return file.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The test class path and a directory holding {@code test.<name>} compiled alone. */
  static List<File> withPrecompiled(String name, String body) {
    List<File> path = new java.util.ArrayList<>(Compilations.classPathWithout("\0"));
    path.add(Compilations.precompiled(name, body));
    return path;
  }

  /** A handler taking {@code parameter}, in its own file so the case's line is the type's. */
  static JavaFileObject typedHandler(String parameter) {
    return handler(TRIGGER, "public void handle(" + parameter + ") {}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsOnTheValue(Case c) {
    Compiler compiler = Compiler.javac().withProcessors(new LaconicProcessor())
        .withOptions(Compilations.options(c.options()));
    if (c.classPath() != null) {
      compiler = compiler.withClasspath(c.classPath());
    }
    Compilation compilation = compiler.compile(c.sources());
    boolean error = c.diagnostic().kind() == Kind.ERROR;
    var reported = error
        ? assertThat(compilation).hadErrorContaining(c.text())
        : assertThat(compilation).hadWarningContaining(c.text());
    if (c.line() != null) {
      reported.inFile(c.sources().get(0)).onLineContaining(c.line());
    }
    long times = compilation.diagnostics().stream()
        .filter(d -> d.getMessage(null).contains("[" + c.diagnostic().id() + "]"))
        .count();
    assertEquals(1, times, "reported once: " + compilation.diagnostics());
    if (error) {
      assertThat(compilation).failed();
    } else {
      assertThat(compilation).succeeded();
    }
  }

  @Test
  void internalErrorsBecomeOneDiagnosticNotACrash() {
    Compilation compilation = Compilations.javac(Compilations.CODE)
        .withProcessors(new LaconicProcessor(round -> {
          throw new IllegalStateException("simulated bug");
        }))
        .compile(handler(TRIGGER));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[LACONIC-001] Laconic failed unexpectedly while"
        + " processing this round; no output was written. Please report this trace:"
        + " java.lang.IllegalStateException: simulated bug");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void anInvalidKmsKeyIsNotAlsoUnused() {
    Compilation compilation = Compilations.javac(Compilations.CODE)
        .withProcessors(new LaconicProcessor())
        .compile(function("memorySize = 1024,\nkmsKey = \"alias/app\""));
    assertThat(compilation).hadErrorContaining("[LACONIC-226] kmsKey = \"alias/app\".");
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadWarningCount(0);
  }

  @Test
  void aSnapStartKeyByReferenceAloneIsWarnedOfOnTheKey() {
    JavaFileObject source = function("snapStart = true, environment = \"STAGE=prod\",\n"
        + "layers = \"arn:aws:lambda:eu-west-1:123456789012:layer:otel:4\",\n"
        + "kmsKey = \"${AppKey}\"");
    Compilation compilation = Compilations.javac(Compilations.CODE)
        .withProcessors(new LaconicProcessor()).compile(source);
    assertThat(compilation).succeeded();
    assertThat(compilation).hadWarningContaining("[LACONIC-230] kmsKey = \"${AppKey}\" is given"
        + " by a template parameter, and snapStart = true.")
        .inFile(source).onLineContaining("kmsKey");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void everyDiagnosticHasATest() {
    Set<Diagnostic> tested = cases().map(Case::diagnostic)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Diagnostic.class)));
    tested.add(Diagnostic.INTERNAL_ERROR);
    Set<Diagnostic> untested = EnumSet.allOf(Diagnostic.class);
    untested.removeAll(tested);
    assertEquals(Set.of(), untested, "diagnostics without a failing-compilation case");
  }

  @Test
  void idsAreUnique() {
    assertEquals(Diagnostic.values().length,
        Arrays.stream(Diagnostic.values()).map(Diagnostic::id).distinct().count());
  }
}
