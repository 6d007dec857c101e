package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of one node as they are read: each one set in the template as it is written,
 * each left out with Lambda's (or the service's) default, marked {@code (default)} so that a
 * reader tells what the application chose from what it inherits.
 */
final class Settings {

  private final JsonNode properties;
  private final List<Setting> settings = new ArrayList<>();

  Settings(JsonNode properties) {
    this.properties = properties;
  }

  /** {@code name}: the property's text, or {@code fallback} (default) when it is not set. */
  Settings addOrDefault(String name, String property, String fallback) {
    return addOrDefault(name, properties.path(property), fallback);
  }

  /** {@code name}: {@code value}'s text, or {@code fallback} (default) when it is not set. */
  Settings addOrDefault(String name, JsonNode value, String fallback) {
    return set(value) ? add(name, TemplateText.of(value)) : addDefault(name, fallback);
  }

  /** {@code name}: the property's text with {@code unit}, or only if set when no fallback. */
  Settings addWithUnit(String name, String property, String unit, String fallback) {
    JsonNode value = properties.path(property);
    if (value.isMissingNode() || value.isNull()) {
      return fallback == null ? this : addDefault(name, fallback);
    }
    return add(name, TemplateText.of(value) + unit);
  }

  /** {@code name}: a number of seconds the way a person says it, or only if set. */
  Settings addSeconds(String name, String property, String fallback) {
    JsonNode value = properties.path(property);
    if (value.isMissingNode() || value.isNull()) {
      return fallback == null ? this : addDefault(name, fallback);
    }
    return add(name, value.canConvertToLong() || value.isTextual() && value.asText()
        .matches("\\d+") ? seconds(value.asLong()) : TemplateText.of(value));
  }

  /** {@code name}: the property's text, only if set. */
  Settings addIfSet(String name, String property) {
    return addIfSet(name, properties.path(property));
  }

  /** {@code name}: {@code value}'s text, only if set. */
  Settings addIfSet(String name, JsonNode value) {
    return set(value) ? add(name, TemplateText.of(value)) : this;
  }

  Settings add(String name, String value) {
    settings.add(new Setting(name, value));
    return this;
  }

  Settings addDefault(String name, String value) {
    return add(name, value + " (default)");
  }

  /** Whether the template sets {@code value}: it is there, and not {@code null}. */
  static boolean set(JsonNode value) {
    return !value.isMissingNode() && !value.isNull();
  }

  List<Setting> list() {
    return List.copyOf(settings);
  }

  /** 1209600 as {@code 14 days}, 3600 as {@code 1 h}, 90 as {@code 90 s}. */
  static String seconds(long seconds) {
    if (seconds >= 86_400 && seconds % 86_400 == 0) {
      return seconds / 86_400 + (seconds == 86_400 ? " day" : " days");
    }
    if (seconds >= 3_600 && seconds % 3_600 == 0) {
      return seconds / 3_600 + " h";
    }
    if (seconds >= 600 && seconds % 60 == 0) {
      return seconds / 60 + " min";
    }
    return seconds + " s";
  }
}
