package dev.laconic.annotations;

/** The effect of an IAM policy statement. */
public enum Effect {
  /** Grants the actions on the resources. */
  ALLOW,
  /** Denies the actions on the resources, overriding any allow. */
  DENY
}
