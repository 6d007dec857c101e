package dev.laconic.local.describe;

/**
 * One line of what the template sets on a node, such as {@code Batch size} = {@code 100}.
 *
 * @param name what the setting is, in words
 * @param value its value as the page shows it, Lambda's default marked as such
 */
public record Setting(String name, String value) {

  @Override
  public String toString() {
    return name + ": " + value;
  }
}
