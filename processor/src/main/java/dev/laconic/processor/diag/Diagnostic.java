package dev.laconic.processor.diag;

import javax.tools.Diagnostic.Kind;

/**
 * Every message Laconic prints: a stable id users can search for, a severity and a message
 * format. Ids are grouped in bands and never reused: 0xx the processor and its set-up, 1xx handler
 * placement and signature, 2xx {@code @LambdaFunction}, 3xx {@code @DynamoStreamTrigger} and the
 * settings every stream trigger shares, 4xx {@code @IamPolicy}, 5xx the project as a whole, 6xx
 * typed records (the user's types a handler takes), 7xx {@code @KinesisTrigger}, 8xx
 * {@code @SqsTrigger}. The catalogue in {@code docs/diagnostics.md} lists them all.
 *
 * <p>Wording follows one pattern: {@code <attribute> = <value>. It must ...}, then a hint.
 */
public enum Diagnostic {
  // 0xx: the processor and its set-up
  INTERNAL_ERROR(1, Kind.ERROR,
      "Laconic failed unexpectedly while processing this round; no output was written. Please report"
          + " this trace: %s"),
  MISSING_EVENTS_LIBRARY(2, Kind.ERROR,
      "%s is not on the compile classpath. Add the dependency com.amazonaws:aws-lambda-java-events"
          + " (3.16.x)."),
  MISSING_CORE_LIBRARY(3, Kind.ERROR,
      "%s is not on the compile classpath. Add the dependency com.amazonaws:aws-lambda-java-core."),
  CODE_OPTION_MISSING(4, Kind.WARNING,
      "Option -Alaconic.code is not set, so the template's Code points at \"%s\". Set it to the path"
          + " of the deployable jar relative to the template, e.g. -Alaconic.code=../../my-app.jar."),
  CODE_OPTION_INVALID(5, Kind.ERROR,
      "Option -Alaconic.code = \"%s\". It must be a relative path from the template to the"
          + " deployable jar, such as ../../my-app.jar: no absolute path, no backslashes."),
  TYPE_NEVER_RESOLVED(6, Kind.ERROR,
      "Handler %s was not processed: a type it takes did not resolve by the end of annotation"
          + " processing. Check the imports, or the processor that should generate the type."),
  ADAPTER_OPTION_INVALID(7, Kind.ERROR,
      "Option -Alaconic.adapter = \"%s\". It must be stream (the default: adapters read the event"
          + " themselves) or request-handler (the Lambda runtime deserializes it)."),
  BASE_TEMPLATE_UNREADABLE(8, Kind.ERROR,
      "Option -Alaconic.baseTemplate: cannot read %s as a CloudFormation template: %s."),
  TEMPLATE_OPTION_INVALID(9, Kind.ERROR,
      "Option -Alaconic.template = \"%s\". It must be cloudformation (the default: plain"
          + " CloudFormation) or sam (AWS::Serverless::Function resources, for the SAM CLI)."),

  // 1xx: handler placement and signature
  METHOD_NOT_PUBLIC(101, Kind.ERROR,
      "Handler method %s must be public: the generated adapter calls it from outside the class."),
  METHOD_STATIC(102, Kind.ERROR,
      "Handler method %s must not be static: the adapter creates one instance of the class and"
          + " calls the method on it."),
  METHOD_GENERIC(103, Kind.ERROR,
      "Handler method %s must not declare type parameters."),
  CLASS_NOT_PUBLIC(104, Kind.ERROR,
      "Class %s must be public so that the generated adapter can create it."),
  CLASS_NOT_STATIC(105, Kind.ERROR,
      "Class %s must be a top-level class or a static nested class; an inner or local class"
          + " cannot be created by the adapter."),
  CLASS_NOT_CONCRETE(106, Kind.ERROR,
      "%s must be a concrete class: the adapter creates an instance of it. Interfaces, abstract"
          + " classes, enums and records are not accepted."),
  CLASS_NO_CONSTRUCTOR(107, Kind.ERROR,
      "Class %s must have a public constructor without parameters: the adapter creates the"
          + " handler once with it."),
  CLASS_GENERIC(108, Kind.ERROR,
      "Class %s must not declare type parameters: the adapter cannot choose them."),
  BAD_SIGNATURE(109, Kind.ERROR,
      "%s is not an accepted handler signature. A @%s method must be one of:\n%s"),
  NO_TRIGGER(110, Kind.ERROR,
      "@%s on %s has no effect: the method has no trigger. Add one of %s."),
  CLASS_POLICY_UNUSED(111, Kind.WARNING,
      "@IamPolicy on class %s applies to no function: no method of the class has a trigger."),
  THROWS_THROWABLE(113, Kind.ERROR,
      "Handler method %s declares throws %s. It must declare exceptions only (subclasses of"
          + " Exception): the adapter reports an Exception as a failed record, and lets an Error"
          + " fail the invocation."),
  MIXED_TRIGGERS(112, Kind.ERROR,
      "%s has triggers of two event sources, @%s and @%s. A function reads one kind of source,"
          + " whose events its handler takes; write a handler method for each."),

  // 2xx: @LambdaFunction
  FUNCTION_NAME_INVALID(201, Kind.ERROR,
      "name = \"%s\". It must be 1 to 64 letters, digits, hyphens or underscores."),
  MEMORY_SIZE_RANGE(202, Kind.ERROR,
      "memorySize = %d. It must be between 128 and 10240 (MB)."),
  TIMEOUT_RANGE(203, Kind.ERROR,
      "timeout = %d. It must be between 1 and 900 (seconds)."),
  RUNTIME_TOO_OLD(204, Kind.ERROR,
      "runtime = %s runs Java %d, but this code is compiled for Java %d. It must be a runtime of"
          + " Java %d or newer, or compile with --release %d."),
  ENV_ENTRY_MALFORMED(205, Kind.ERROR,
      "environment entry \"%s\" has no '='. It must be KEY=value."),
  ENV_KEY_INVALID(206, Kind.ERROR,
      "environment key \"%s\". It must start with a letter and have at least two letters, digits"
          + " or underscores."),
  ENV_KEY_RESERVED(207, Kind.ERROR,
      "environment key \"%s\" is reserved by Lambda, which sets it itself. It must be another"
          + " name."),
  ENV_KEY_DUPLICATE(208, Kind.ERROR,
      "environment key \"%s\" is set twice. It must be set once."),
  ENV_TOO_LARGE(209, Kind.ERROR,
      "environment variables take %d bytes. Lambda allows 4096 bytes for all keys and values."),
  DESCRIPTION_TOO_LONG(210, Kind.ERROR,
      "description has %d characters. It must have at most 256."),
  RESERVED_CONCURRENCY_RANGE(211, Kind.ERROR,
      "reservedConcurrency = %d. It must be 0 or more, or -1 for none reserved."),
  RESERVED_CONCURRENCY_ZERO(212, Kind.WARNING,
      "reservedConcurrency = 0 stops the function from running at all: every batch is throttled"
          + " and the stream backs up."),
  LOG_RETENTION_INVALID(213, Kind.ERROR,
      "logRetentionDays = %d. It must be one of %s. Did you mean %d?"),
  JAVA_TOOL_OPTIONS_TWICE(214, Kind.ERROR,
      "environment key \"JAVA_TOOL_OPTIONS\" is set, and tieredCompilation = %s writes it too"
          + " (\"%s\"). It must be set in one place: put those options into this entry and leave"
          + " tieredCompilation at RUNTIME_DEFAULT, or remove the entry."),
  LOG_LEVEL_WITHOUT_JSON(215, Kind.ERROR,
      "%s = %s, but logFormat = TEXT. Lambda filters only JSON logs by level and refuses a level"
          + " without them: set logFormat = JSON, or leave %s at LAMBDA_DEFAULT."),
  SUBNET_ID_INVALID(216, Kind.ERROR,
      "subnetIds[%d] = \"%s\". It must be a subnet id such as subnet-0123456789abcdef0 (subnet-"
          + " and 8 or 17 hexadecimal digits), @Name for an AWS::EC2::Subnet of the base"
          + " template, or ${Name} for a template parameter."),
  SECURITY_GROUP_ID_INVALID(217, Kind.ERROR,
      "securityGroupIds[%d] = \"%s\". It must be a security group id such as"
          + " sg-0123456789abcdef0 (sg- and 8 or 17 hexadecimal digits), @Name for an"
          + " AWS::EC2::SecurityGroup of the base template, or ${Name} for a template parameter."),
  VPC_INCOMPLETE(218, Kind.ERROR,
      "%s is set, but %s is empty. A function in a VPC needs both: the subnets its network"
          + " interfaces are placed in, and their security groups."),
  VPC_LIST_TOO_LONG(219, Kind.ERROR,
      "%s has %d entries. It must have at most %d."),
  VPC_LIST_PARAMETER_NOT_ALONE(220, Kind.ERROR,
      "%s[%d] = \"%s\" is a parameter of type %s, a whole list, so it must be the only entry"
          + " of %s: CloudFormation cannot join a list parameter with other ids."),
  IPV6_WITHOUT_VPC(221, Kind.ERROR,
      "ipv6AllowedForDualStack = true, but subnetIds is empty. It applies only to a function in"
          + " a VPC: give subnetIds and securityGroupIds, or leave it false."),
  LAYER_ARN_INVALID(222, Kind.ERROR,
      "layers[%d] = \"%s\". It must be a layer version ARN such as"
          + " arn:aws:lambda:eu-west-1:123456789012:layer:my-layer:3, @Name for an"
          + " AWS::Lambda::LayerVersion of the base template, or ${Name} for a template"
          + " parameter.%s"),
  TOO_MANY_LAYERS(223, Kind.ERROR,
      "layers has %d entries. It must have at most 5, the most Lambda adds to a function."),
  LAYER_TWICE(224, Kind.ERROR,
      "layers[%d] = \"%s\" names layer %s again (layers[%d]). It must be another layer: Lambda"
          + " takes one version of each."),
  EPHEMERAL_STORAGE_RANGE(225, Kind.ERROR,
      "ephemeralStorage = %d. It must be between 512 and 10240 (MB)."),
  KMS_KEY_INVALID(226, Kind.ERROR,
      "kmsKey = \"%s\". It must be a KMS key ARN such as"
          + " arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab, @Name"
          + " for an AWS::KMS::Key of the base template, or ${Name} for a template parameter.%s"),
  KMS_KEY_UNUSED(227, Kind.WARNING,
      "kmsKey = \"%s\", but the function has no environment variables and no SnapStart, so"
          + " the key encrypts nothing. Remove it, or keep it for variables to come."),
  ENV_VALUE_SECRET(228, Kind.WARNING,
      "environment entry \"%s\" looks like %s, which the template and the function's"
          + " configuration show in plain text to anyone who may read them. Keep the secret in"
          + " Secrets Manager or an SSM SecureString parameter, put its name here instead, and let"
          + " the function read it: @IamPolicy(actions = \"secretsmanager:GetSecretValue\","
          + " resources = \"@DbSecret\") grants exactly that (docs/annotations.md, Secrets)."),
  SNAPSTART_EPHEMERAL_STORAGE(229, Kind.ERROR,
      "ephemeralStorage = %d, but snapStart = true. Lambda takes no SnapStart with more than 512"
          + " MB of /tmp: leave ephemeralStorage at 512, or snapStart at false."),
  SNAPSTART_SETTING_BY_REFERENCE(230, Kind.WARNING,
      "%s = \"%s\" is given by %s, and snapStart = true. A published version keeps the value it"
          + " was published with, and Laconic publishes one when the code or what the template"
          + " writes changes: a new value of %s alone reaches $LATEST, not the alias 'live' the"
          + " mappings invoke. Write the value here, or deploy it with a new jar."),

  // 3xx: @DynamoStreamTrigger
  STREAM_ARN_INVALID(301, Kind.ERROR,
      "streamArn = \"%s\". It must be a DynamoDB stream ARN such as"
          + " arn:aws:dynamodb:us-west-2:000000000000:table/Orders/stream/2015-12-05T16:28:11.869,"
          + " or ${Name} for a template parameter.%s"),
  STARTING_POSITION_INVALID(302, Kind.ERROR,
      "startingPosition = %s is not supported for DynamoDB streams. It must be TRIM_HORIZON or"
          + " LATEST."),
  BATCH_SIZE_RANGE(303, Kind.ERROR,
      "batchSize = %d. It must be between 1 and 10000."),
  BATCHING_WINDOW_RANGE(304, Kind.ERROR,
      "maximumBatchingWindowInSeconds = %d. It must be between 0 and 300."),
  RETRY_ATTEMPTS_RANGE(305, Kind.ERROR,
      "maximumRetryAttempts = %d. It must be -1 (retry until the record expires) or between 0 and"
          + " 10000."),
  RECORD_AGE_RANGE(306, Kind.ERROR,
      "maximumRecordAgeInSeconds = %d. It must be -1 (no limit) or between 60 and 604800."),
  PARALLELIZATION_RANGE(307, Kind.ERROR,
      "parallelizationFactor = %d. It must be between 1 and 10."),
  TUMBLING_WINDOW_RANGE(308, Kind.ERROR,
      "tumblingWindowInSeconds = %d. It must be between 0 and 900."),
  ON_FAILURE_INVALID(309, Kind.ERROR,
      "onFailure = \"%s\". It must be the ARN of an SQS queue (arn:aws:sqs:region:account:name), an"
          + " SNS topic (arn:aws:sns:region:account:name) or an S3 bucket (arn:aws:s3:::bucket), or"
          + " ${Name} for a template parameter."),
  FILTER_NOT_JSON(310, Kind.ERROR,
      "filters[%d] is not valid JSON: %s. A filter pattern is a JSON object such as"
          + " {\"eventName\": [\"INSERT\"]}."),
  FILTER_NOT_OBJECT(311, Kind.ERROR,
      "filters[%d] is a JSON %s. It must be a JSON object such as {\"eventName\": [\"INSERT\"]}."),
  FILTER_TOO_LONG(312, Kind.ERROR,
      "filters[%d] has %d characters. It must have at most 4096."),
  TOO_MANY_FILTERS(313, Kind.ERROR,
      "filters has %d patterns. It must have at most 10, the most Lambda takes even with a"
          + " raised quota (the default quota is 5)."),
  MANY_FILTERS(314, Kind.WARNING,
      "filters has %d patterns, above Lambda's default quota of 5 per event source mapping. The"
          + " deployment fails unless the account's quota was raised."),
  FILTER_UNKNOWN_FIELD(315, Kind.WARNING,
      "filters[%d] matches on \"%s\", which %s does not have, so the pattern never matches."
          + " It has %s.%s"),
  DUPLICATE_STREAM(316, Kind.ERROR,
      "streamArn = \"%s\" is already read by this function. It must differ: Lambda allows one"
          + " event source mapping per function and stream."),
  FILTER_VALUE_NOT_ARRAY(317, Kind.ERROR,
      "filters[%d] gives \"%s\" the value %s. It must be an array of values to match, such as"
          + " [\"INSERT\"], or an object of nested fields: Lambda rejects a bare value."),
  WINDOW_WITHOUT_WINDOW_HANDLER(318, Kind.ERROR,
      "tumblingWindowInSeconds = %d, but the handler does not take the window, so its state would"
          + " be lost on every invocation. The handler must be\n  %s\nand return the new state,"
          + " or leave tumblingWindowInSeconds at 0."),
  WINDOW_HANDLER_WITHOUT_WINDOW(319, Kind.ERROR,
      "The handler takes a tumbling window, but tumblingWindowInSeconds is 0, so Lambda sends no"
          + " window. It must be between 1 and 900."),
  ON_FAILURE_KIND_UNKNOWN(320, Kind.WARNING,
      "onFailure = \"%s\" is a parameter, so the role may send to a queue, publish to a topic"
          + " and write to a bucket of that ARN. Say which it is with onFailureKind = SQS, SNS or"
          + " S3, and the role gets that permission only."),
  ON_FAILURE_KIND_MISMATCH(321, Kind.ERROR,
      "onFailureKind = %s, but onFailure = \"%s\" is %s. They must agree; leave onFailureKind at"
          + " AUTO for a literal ARN or a resource of the base template."),
  FILTER_EMPTY(322, Kind.ERROR,
      "filters[%d] has an empty %s at %s. Lambda refuses it (an empty object would match"
          + " every record, an empty list none): give it fields or values, or remove it."),
  FILTER_UNKNOWN_OPERATOR(323, Kind.ERROR,
      "filters[%d] uses \"%s\" at \"%s\", which is no operator of Lambda's event filtering, so"
          + " Lambda refuses the pattern. The operators are prefix, suffix, equals-ignore-case,"
          + " anything-but, numeric and exists, and $or between fields.%s"),
  FILTER_EVENTBRIDGE_OPERATOR(324, Kind.ERROR,
      "filters[%d] uses %s at \"%s\", which EventBridge patterns have and Lambda's event"
          + " filtering does not, so Lambda refuses the pattern. Lambda's operators are prefix,"
          + " suffix, equals-ignore-case, anything-but of values, numeric and exists."),
  FILTER_OPERATOR_INVALID(325, Kind.ERROR,
      "filters[%d] at \"%s\": %s. Lambda refuses the pattern."),
  FILTER_FIELD_REPEATED(326, Kind.WARNING,
      "filters[%d] gives \"%s\" a list of values twice. Lambda keeps the last list only, so the"
          + " first does not count: put every acceptable value in one list."),
  FILTER_NEVER_MATCHES(327, Kind.WARNING,
      "filters[%d] matches \"%s\" with %s, but in %s that value is %s, so the pattern never"
          + " matches.%s"),

  // 4xx: @IamPolicy
  POLICY_ACTIONS_EMPTY(401, Kind.ERROR,
      "actions is empty. It must name at least one action, such as s3:GetObject."),
  POLICY_ACTION_INVALID(402, Kind.ERROR,
      "action \"%s\". It must be service:Action, such as s3:GetObject; * and ? are allowed in the"
          + " action part."),
  POLICY_RESOURCES_EMPTY(403, Kind.ERROR,
      "resources is empty. It must name at least one resource ARN, ${Name} or *."),
  POLICY_RESOURCE_INVALID(404, Kind.ERROR,
      "resource \"%s\". It must be an ARN (arn:partition:service:region:account:resource, wildcards"
          + " allowed), ${Name} for a template parameter, or *."),
  POLICY_RESOURCE_WILDCARD(405, Kind.WARNING,
      "resource \"*\" grants %s on every resource of the account. Prefer the ARNs the function"
          + " uses."),
  POLICY_ACTION_WILDCARD(406, Kind.WARNING,
      "action \"*\" grants every action of every service. Prefer the actions the function uses."),

  // 5xx: the project as a whole
  PARAMETER_NAME_INVALID(501, Kind.ERROR,
      "%s = \"%s\". A template parameter name must be 1 to 255 letters or digits, as in"
          + " ${OrdersStreamArn}."),
  PARAMETER_KIND_CONFLICT(502, Kind.ERROR,
      "${%s} is used here as %s and elsewhere as %s. One parameter cannot be both; use two"
          + " names."),
  DUPLICATE_FUNCTION_NAME(503, Kind.ERROR,
      "name = \"%s\" is also the name of %s. Function names must be unique."),
  LOGICAL_ID_CLASH(504, Kind.ERROR,
      "%s and %s both derive the logical id %s from their class and method names. Rename one"
          + " of the methods or classes."),
  WRITE_FAILED(505, Kind.ERROR,
      "Could not write %s: %s"),
  LOGICAL_ID_TAKEN(506, Kind.ERROR,
      "%s generates the logical id %s, which the base template %s already uses. Rename the"
          + " handler's class or method, or that entry of the base template."),
  RESOURCE_NOT_FOUND(507, Kind.ERROR,
      "%s = \"%s\", but the base template has no resource %s. It must name a resource of the"
          + " template given with -Alaconic.baseTemplate."),
  RESOURCE_WRONG_TYPE(508, Kind.ERROR,
      "%s = \"%s\" is a %s. It must be %s."),
  TABLE_WITHOUT_STREAM(509, Kind.ERROR,
      "streamArn = \"%s\": table %s of the base template has no StreamSpecification, so it has"
          + " no stream. Add StreamSpecification with a StreamViewType to the table."),
  PARAMETER_NAME_RESERVED(510, Kind.ERROR,
      "%s = \"%s\": Laconic declares this parameter itself, for the jar's SHA-256 that SnapStart's"
          + " versions are published with. Give your parameter another name."),
  CIRCULAR_DEPENDENCY(511, Kind.ERROR,
      "The template's resources would wait for each other in a circle, which CloudFormation"
          + " rejects: %s. %s"),

  // 6xx: typed records
  MAPPED_TYPE_UNSUPPORTED(601, Kind.ERROR,
      "%s has type %s, which Laconic cannot map from a DynamoDB attribute. It must be String;"
          + " int, long, short, byte, double, float or their boxes; BigDecimal; BigInteger;"
          + " boolean or Boolean; byte[] or ByteBuffer; an enum; Instant; UUID; List<T>; Set<T>;"
          + " Map<String, T>; Optional<T>; or a record or class built from these. Skip it with"
          + " @DynamoIgnore."),
  MAPPED_TYPE_NO_CONSTRUCTOR(602, Kind.ERROR,
      "%s cannot be created by a generated mapper. It must be a record, a class with one public"
          + " constructor whose parameters name the attributes, or a class with a public"
          + " no-argument constructor and public setters; not an interface, an abstract class or"
          + " an inner (non-static) class."),
  MAPPED_TYPE_AMBIGUOUS_CONSTRUCTOR(603, Kind.ERROR,
      "%s has %d public constructors with parameters, so the mapper cannot tell which one names"
          + " the attributes. It must have exactly one; make the others non-public, or use a"
          + " record."),
  ATTRIBUTE_NAME_CLASH(604, Kind.ERROR,
      "Attribute \"%s\" is read by both %s and %s. Each attribute must feed one value: rename one"
          + " with @DynamoAttribute(\"...\") or skip one with @DynamoIgnore."),
  ATTRIBUTE_NAME_EMPTY(605, Kind.ERROR,
      "@DynamoAttribute(\"\") on %s. The attribute name must not be empty."),
  MAPPED_TYPE_NOT_ACCESSIBLE(606, Kind.ERROR,
      "%s cannot be used by generated code in %s. It must be public, and so must every class it"
          + " is nested in."),
  MAPPED_TYPE_GENERIC(607, Kind.ERROR,
      "%s declares type parameters, which a generated mapper cannot choose. It must be a"
          + " concrete record or class."),
  MAPPED_PARAMETER_NAMES_MISSING(608, Kind.ERROR,
      "The constructor of %s has no parameter names in its class file (arg0, arg1, ...), so they"
          + " cannot name the attributes. Compile that class with -parameters, or use a record."),
  MAPPER_NAME_TAKEN(609, Kind.ERROR,
      "The mapper of %s would be %s, which is already %s. Rename one of the two types."),
  SETTER_OVERLOADED(610, Kind.ERROR,
      "Property %s of %s has setters taking %s and %s, so the mapper cannot tell which to call."
          + " Keep one of them public."),
  MAPPED_TYPE_THROWS_THROWABLE(611, Kind.ERROR,
      "%s declares throws %s. It must declare exceptions only (subclasses of Exception), which a"
          + " generated mapper reports as a failed record."),

  // 620-639: AWS SDK Enhanced Client types (@DynamoDbBean, @DynamoDbImmutable) as item images;
  // each is a class TableSchema.fromBean / fromImmutableClass would refuse when the function runs
  ENHANCED_MIXED_ANNOTATIONS(620, Kind.ERROR,
      "%s has @%s, but %s also uses %s. A class must use one set of mapping annotations:"
          + " Laconic's (@DynamoAttribute, @DynamoIgnore) or the Enhanced Client's (@DynamoDbBean,"
          + " @DynamoDbImmutable and their member annotations). %s"),
  ENHANCED_BEAN_NOT_CREATABLE(621, Kind.ERROR,
      "@DynamoDbBean %s has no public no-argument constructor, so TableSchema.fromBean would fail"
          + " when the function first runs. It must be a concrete class, static if nested, with"
          + " a public no-argument constructor."),
  ENHANCED_BUILDER_NO_BUILD(622, Kind.ERROR,
      "Builder %s of @DynamoDbImmutable %s has no public method build() returning %s, so"
          + " TableSchema.fromImmutableClass would fail when the function first runs."),
  ENHANCED_BUILDER_NOT_CREATABLE(623, Kind.ERROR,
      "@DynamoDbImmutable %s has no public static builder() returning %s, and %s has no public"
          + " no-argument constructor, so TableSchema.fromImmutableClass cannot create a builder."
          + " Add one of the two."),
  ENHANCED_NOT_A_GETTER(624, Kind.ERROR,
      "%s %s, but TableSchema.fromImmutableClass takes every public instance method of an"
          + " immutable class for a getter, and would fail when the function first runs. Mark it"
          + " @DynamoDbIgnore, or make it non-public."),
  ENHANCED_GETTER_WITHOUT_SETTER(625, Kind.ERROR,
      "Getter %s has no matching method on builder %s, so TableSchema.fromImmutableClass would"
          + " fail when the function first runs. The builder must have %s(%s) or %s(%s),"
          + " returning void or the builder; or mark the getter @DynamoDbIgnore."),
  ENHANCED_SETTER_WITHOUT_GETTER(626, Kind.ERROR,
      "Builder method %s %s, so TableSchema.fromImmutableClass would fail when the function first"
          + " runs. Every public method of the builder but build() must set one property of %s"
          + " that a getter reads; mark it @DynamoDbIgnore, or make it non-public."),
  ENHANCED_TYPE_UNSUPPORTED(627, Kind.ERROR,
      "%s has type %s, which neither the Enhanced Client's default converters nor Laconic can"
          + " read, so TableSchema would fail when the function first runs. It must be a type of"
          + " DefaultAttributeConverterProvider (String, CharSequence, a number or its primitive,"
          + " Boolean, Character, byte[], char[], ByteBuffer, SdkBytes, SdkNumber, BigDecimal,"
          + " BigInteger, Instant, Duration, Period, the java.time date and time types, ZoneId,"
          + " ZoneOffset, UUID, URI, URL, Locale, StringBuilder, StringBuffer, OptionalInt,"
          + " OptionalLong, OptionalDouble, the atomic types), an enum, List<T>, Set<T> of"
          + " these, Map<String, T>, or a @DynamoDbBean or @DynamoDbImmutable class; or name a"
          + " converter with @DynamoDbConvertedBy."),
  ENHANCED_CONVERTER_NOT_CREATABLE(628, Kind.ERROR,
      "%s names %s, which has no public no-argument constructor, so the Enhanced Client cannot"
          + " create it when the function first runs. It must be a public concrete class, static"
          + " if nested, with a public no-argument constructor."),
  ENHANCED_ATTRIBUTE_CLASH(629, Kind.ERROR,
      "Attribute \"%s\" is mapped by both %s and %s, so TableSchema would fail when the function"
          + " first runs. Rename one with @DynamoDbAttribute(\"...\"), or skip one with"
          + " @DynamoDbIgnore."),
  ENHANCED_FLATTEN_INVALID(630, Kind.ERROR,
      "@DynamoDbFlatten on %s, %s, so TableSchema would fail when the function first runs. It"
          + " must flatten a @DynamoDbBean or @DynamoDbImmutable class, or on a @DynamoDbBean one"
          + " Map<String, String>."),
  ENHANCED_KEY_TYPE(631, Kind.ERROR,
      "@%s on %s, whose type %s is stored as %s, which cannot be a key, so TableSchema would fail"
          + " when the function first runs. A key must be stored as a string, number or binary:"
          + " such as String, a number, byte[], SdkBytes, an enum, Instant or UUID."),
  ENHANCED_FLATTENED_MAP(632, Kind.ERROR,
      "@DynamoDbFlatten on %s, a Map<String, String>: the Enhanced Client puts every attribute no"
          + " other property reads into it, which Laconic's mappers do not do yet. Map those"
          + " attributes as properties, or take the raw record."),
  ENHANCED_TYPE_NOT_GENERATED(633, Kind.ERROR,
      "%s has type %s, %s: the Enhanced Client converts it, Laconic's mappers do not read it yet."
          + " Use List<T>, Set<T> or Map<String, T>, name a converter with @DynamoDbConvertedBy,"
          + " or take the raw record."),

  // 7xx: @KinesisTrigger
  KINESIS_STREAM_ARN_INVALID(701, Kind.ERROR,
      "streamArn = \"%s\". It must be a Kinesis stream ARN such as"
          + " arn:aws:kinesis:us-west-2:000000000000:stream/orders, ${Name} for a template"
          + " parameter, or @Name for an AWS::Kinesis::Stream of the base template.%s"),
  KINESIS_CONSUMER_ARN_INVALID(702, Kind.ERROR,
      "consumerArn = \"%s\". It must be a Kinesis stream consumer ARN such as"
          + " arn:aws:kinesis:us-west-2:000000000000:stream/orders/consumer/audit:1700000000,"
          + " ${Name}, or @Name for an AWS::Kinesis::StreamConsumer of the base template."),
  STARTING_TIMESTAMP_MISSING(703, Kind.ERROR,
      "startingPosition = AT_TIMESTAMP needs startingPositionTimestamp, the instant to start"
          + " reading from, such as \"2025-06-01T00:00:00Z\"."),
  STARTING_TIMESTAMP_UNUSED(704, Kind.ERROR,
      "startingPositionTimestamp = \"%s\", but startingPosition = %s. It must be set only with"
          + " startingPosition = AT_TIMESTAMP."),
  STARTING_TIMESTAMP_INVALID(705, Kind.ERROR,
      "startingPositionTimestamp = \"%s\". It must be an ISO-8601 instant such as"
          + " \"2025-06-01T00:00:00Z\", after 1970 and not in the future."),
  DUPLICATE_KINESIS_SOURCE(706, Kind.ERROR,
      "%s = \"%s\" is already read by this function. It must differ: Lambda allows one event"
          + " source mapping per function and stream or consumer."),
  CONSUMER_OF_ANOTHER_STREAM(707, Kind.ERROR,
      "consumerArn = \"%s\" is a consumer of %s, not of streamArn = \"%s\". It must be a"
          + " consumer of the stream the trigger names, which is what the role may read."),

  // 8xx: @SqsTrigger
  SQS_QUEUE_ARN_INVALID(801, Kind.ERROR,
      "queueArn = \"%s\". It must be an SQS queue ARN such as"
          + " arn:aws:sqs:us-west-2:000000000000:orders, ${Name} for a template parameter, or @Name"
          + " for an AWS::SQS::Queue of the base template.%s"),
  SQS_BATCH_SIZE_RANGE(802, Kind.ERROR,
      "batchSize = %d. It must be between 1 and 10000."),
  SQS_FIFO_BATCH_SIZE(803, Kind.ERROR,
      "batchSize = %d, but %s is a FIFO queue. It must be at most 10 for a FIFO queue."),
  SQS_BATCH_SIZE_NEEDS_WINDOW(804, Kind.ERROR,
      "batchSize = %d needs maximumBatchingWindowInSeconds of at least 1: Lambda takes more than"
          + " 10 messages at once only while it waits for them. Set a window, or a batchSize of at"
          + " most 10."),
  SQS_FIFO_BATCHING_WINDOW(805, Kind.ERROR,
      "maximumBatchingWindowInSeconds = %d, but %s is a FIFO queue, which takes no batching"
          + " window. It must be 0."),
  SQS_MAXIMUM_CONCURRENCY_RANGE(806, Kind.ERROR,
      "maximumConcurrency = %d. It must be between 2 and 1000, or 0 for no limit."),
  SQS_VISIBILITY_TIMEOUT_TOO_SHORT(807, Kind.ERROR,
      "queueArn = \"%s\": the queue's VisibilityTimeout is %d seconds, shorter than the"
          + " function's timeout of %d seconds, so Lambda refuses the mapping. Set the queue's"
          + " VisibilityTimeout to at least %d (AWS recommends six times the timeout, %d)."),
  DUPLICATE_QUEUE(808, Kind.ERROR,
      "queueArn = \"%s\" is already read by this function. It must differ: Lambda allows one"
          + " event source mapping per function and queue."),
  SQS_KMS_KEY_UNRESOLVED(809, Kind.WARNING,
      "queueArn = \"%s\": the queue is encrypted with KmsMasterKeyId %s, which names no key Laconic"
          + " can grant kms:Decrypt on. Grant it with @IamPolicy(actions = \"kms:Decrypt\","
          + " resources = \"<key ARN>\"), or name the key by its ARN or id, or by a Ref or"
          + " GetAtt of an AWS::KMS::Key of the base template.");

  private final int number;
  private final Kind kind;
  private final String format;

  Diagnostic(int number, Kind kind, String format) {
    this.number = number;
    this.kind = kind;
    this.format = format;
  }

  /** The stable id, such as {@code LACONIC-303}. */
  public String id() {
    return String.format("LACONIC-%03d", number);
  }

  /** Error, warning or note. */
  public Kind kind() {
    return kind;
  }

  /** The message format, with {@link String#format} placeholders. */
  public String format() {
    return format;
  }

  /** The full message: {@code [LACONIC-303] batchSize = 0. It must be ...}. */
  public String message(Object... args) {
    return "[" + id() + "] " + String.format(java.util.Locale.ROOT, format, args);
  }
}
