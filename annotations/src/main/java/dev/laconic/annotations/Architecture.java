package dev.laconic.annotations;

/** The instruction set a function runs on (CloudFormation {@code Architectures}). */
public enum Architecture {
  /** {@code x86_64}, the default. */
  X86_64("x86_64"),
  /** {@code arm64}, AWS Graviton: usually cheaper per GB-second. */
  ARM64("arm64");

  private final String identifier;

  Architecture(String identifier) {
    this.identifier = identifier;
  }

  /** The identifier CloudFormation uses. */
  public String identifier() {
    return identifier;
  }
}
