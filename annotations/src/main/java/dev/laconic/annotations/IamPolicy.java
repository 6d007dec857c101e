package dev.laconic.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds one IAM policy statement to the function's role. On a class it applies to every function
 * of the class, before the method's own statements. Laconic already grants what the function's
 * triggers, logs and destinations need; use this for what the handler's own code calls.
 *
 * <pre>
 * &#64;IamPolicy(actions = "s3:PutObject", resources = "arn:aws:s3:::audit-bucket/*")
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
@Repeatable(IamPolicies.class)
public @interface IamPolicy {

  /**
   * The actions, each {@code service:Action} such as {@code dynamodb:GetItem}; wildcards
   * {@code *} and {@code ?} are allowed in the action part. At least one.
   */
  String[] actions();

  /**
   * The resources: ARNs (wildcards allowed), {@code ${Name}} for a template parameter holding a
   * whole ARN, or {@code *} (allowed, with a warning: prefer an ARN). At least one.
   */
  String[] resources();

  /** {@link Effect#ALLOW} (the default) or {@link Effect#DENY}. */
  Effect effect() default Effect.ALLOW;
}
