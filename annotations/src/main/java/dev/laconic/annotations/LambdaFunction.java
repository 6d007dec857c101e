package dev.laconic.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Settings of the Lambda function behind a triggered handler method. Optional: a method with a
 * trigger and no {@code @LambdaFunction} gets every default below.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface LambdaFunction {

  /**
   * The function's physical name ({@code FunctionName}): 1 to 64 letters, digits, hyphens and
   * underscores, unique in the compilation. Default: CloudFormation names the function after the
   * stack and the logical id derived from class and method ({@code <stack>-OrderEventsEchoFunction-XYZ}),
   * which lets the same template be deployed as several stacks in one account.
   */
  String name() default "";

  /** Memory in MB, which also scales CPU: 128 to 10240. Default 512. */
  int memorySize() default 512;

  /** Maximum duration of one invocation, in seconds: 1 to 900. Default 30. */
  int timeout() default 30;

  /**
   * The Java runtime. Default {@link JavaRuntime#JAVA21}. It must run at least the Java release the
   * handler is compiled for.
   */
  JavaRuntime runtime() default JavaRuntime.JAVA21;

  /** The instruction set. Default {@link Architecture#X86_64}. */
  Architecture architecture() default Architecture.X86_64;

  /**
   * Environment variables, each {@code KEY=value}. Keys have at least two characters, start with
   * a letter and hold letters, digits and underscores; keys Lambda reserves (such as {@code AWS_REGION}) are rejected; all
   * variables together at most 4 KB. Default: none.
   */
  String[] environment() default {};

  /** A description of at most 256 characters. Default: none. */
  String description() default "";

  /**
   * Concurrent executions reserved for this function (and its maximum): 0 or more. 0 stops the
   * function from running at all. Default −1: not reserved, the account's unreserved pool.
   */
  int reservedConcurrency() default -1;

  /**
   * How long CloudWatch keeps the function's logs, in days: one of 1, 3, 5, 7, 14, 30, 60, 90, 120,
   * 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653. Default 14.
   */
  int logRetentionDays() default 14;

  /** X-Ray tracing. Default {@link Tracing#PASS_THROUGH}. */
  Tracing tracing() default Tracing.PASS_THROUGH;

  /**
   * Lambda SnapStart ({@code SnapStart: {ApplyOn: PublishedVersions}}): published versions start
   * from a snapshot of the initialized JVM. Default {@code false}.
   */
  boolean snapStart() default false;

  /**
   * The JVM's just-in-time compilers, written as the function's {@code JAVA_TOOL_OPTIONS}
   * environment variable. Default {@link TieredCompilation#RUNTIME_DEFAULT}: nothing written,
   * which on {@code java17} and {@code java21} already stops at C1. An {@code environment} entry
   * of its own for {@code JAVA_TOOL_OPTIONS} cannot be combined with another value.
   */
  TieredCompilation tieredCompilation() default TieredCompilation.RUNTIME_DEFAULT;

  /**
   * The format of the function's logs ({@code LoggingConfig.LogFormat}). Default
   * {@link LogFormat#TEXT}: nothing written. Either way the function writes to the log group the
   * template declares, with {@link #logRetentionDays()}.
   */
  LogFormat logFormat() default LogFormat.TEXT;

  /**
   * The least severe of the function's own records Lambda keeps ({@code
   * LoggingConfig.ApplicationLogLevel}); {@link LogFormat#JSON} only. Default
   * {@link ApplicationLogLevel#LAMBDA_DEFAULT}: nothing written, Lambda keeps INFO and above.
   */
  ApplicationLogLevel applicationLogLevel() default ApplicationLogLevel.LAMBDA_DEFAULT;

  /**
   * The least severe of Lambda's own records it keeps ({@code LoggingConfig.SystemLogLevel});
   * {@link LogFormat#JSON} only. Default {@link SystemLogLevel#LAMBDA_DEFAULT}: nothing written,
   * Lambda keeps INFO and above.
   */
  SystemLogLevel systemLogLevel() default SystemLogLevel.LAMBDA_DEFAULT;

  /**
   * The subnets whose network the function runs in ({@code VpcConfig.SubnetIds}), given with
   * {@link #securityGroupIds()}: at most 16, each a subnet id ({@code subnet-0123abcd}),
   * {@code @Name} for an {@code AWS::EC2::Subnet} of the base template, or a single {@code ${Name}}: a
   * template parameter of type {@code List<AWS::EC2::Subnet::Id>}. The role gets the network
   * interface permissions Lambda needs, on these subnets. Default: none, the function runs
   * outside any VPC.
   */
  String[] subnetIds() default {};

  /**
   * The security groups of the function's network interfaces ({@code
   * VpcConfig.SecurityGroupIds}), given with {@link #subnetIds()}: at most 5, each a security
   * group id ({@code sg-0123abcd}), {@code @Name} for an {@code AWS::EC2::SecurityGroup} of the
   * base template, or a single {@code ${Name}}: a template parameter of type {@code
   * List<AWS::EC2::SecurityGroup::Id>}. Default: none.
   */
  String[] securityGroupIds() default {};

  /**
   * Whether the function may send IPv6 traffic in dual-stack subnets ({@code
   * VpcConfig.Ipv6AllowedForDualStack}); needs {@link #subnetIds()}. Default {@code false}:
   * nothing written.
   */
  boolean ipv6AllowedForDualStack() default false;

  /**
   * Lambda layers added to the function ({@code Layers}), in order: at most 5, each a layer
   * version ARN ({@code arn:aws:lambda:eu-west-1:123456789012:layer:name:3}), {@code ${Name}}
   * for a template parameter or {@code @Name} for an {@code AWS::Lambda::LayerVersion} of the
   * base template. Default: none.
   */
  String[] layers() default {};

  /**
   * The size of the function's {@code /tmp}, in MB ({@code EphemeralStorage.Size}): 512 to
   * 10240, and 512 with {@link #snapStart()}, which Lambda offers for no more. Default 512,
   * Lambda's own: nothing written.
   */
  int ephemeralStorage() default 512;

  /**
   * The customer managed KMS key that encrypts the function's environment variables (and its
   * SnapStart snapshots) ({@code KmsKeyArn}): a key ARN ({@code
   * arn:aws:kms:eu-west-1:123456789012:key/<id>}), {@code ${Name}} for a template parameter or
   * {@code @Name} for an {@code AWS::KMS::Key} of the base template. The role gets {@code
   * kms:Decrypt} on that key. Default: none, Lambda uses a key AWS manages.
   */
  String kmsKey() default "";
}
