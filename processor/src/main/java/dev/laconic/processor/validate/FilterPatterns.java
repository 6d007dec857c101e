package dev.laconic.processor.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the filter patterns of an event source mapping: Lambda's limits on their number and
 * length, JSON objects with arrays at the leaves, and field names the record has, where its shape
 * is fixed.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">
 *     Lambda event filtering</a>
 */
public final class FilterPatterns {

  /**
   * Lambda's limits on filter criteria: 5 patterns by default, 10 at most with a raised quota
   * ("Control which events Lambda sends to your function"; CloudFormation's schema says 20, which
   * Lambda refuses above 10), and 4096 characters a pattern.
   */
  static final int MAX_FILTERS = 10;
  static final int DEFAULT_FILTER_QUOTA = 5;
  static final int MAX_FILTER_LENGTH = 4096;

  /**
   * Filters are read with jackson-core's parser into nodes, not with an {@code ObjectMapper}: a
   * mapper's set-up loads some 250 classes of databind, which was a third of the processor's own
   * time on a three-handler project.
   */
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The record a source's filters match, as Lambda's filtering sees it.
   *
   * @param description for messages: "a DynamoDB stream record"
   * @param fields the record's top-level fields
   * @param nested the fields of fixed-shape nested objects, by the field holding them
   * @param freeForm fields whose keys are the user's own (item attributes, a decoded body), so any
   *     key is right below them
   */
  public record RecordShape(String description, List<String> fields,
      Map<String, List<String>> nested, Set<String> freeForm) {}

  private FilterPatterns() {}

  /** Checks {@code filters}, written as the {@code filters} attribute of {@code origin}. */
  public static ValidationReport validate(List<String> filters, Origin origin,
      RecordShape record) {
    ValidationReport.Builder report = ValidationReport.builder();
    var at = origin;
    if (filters.size() > MAX_FILTERS) {
      report.report(Diagnostic.TOO_MANY_FILTERS, at.at("filters"), filters.size());
    } else if (filters.size() > DEFAULT_FILTER_QUOTA) {
      report.report(Diagnostic.MANY_FILTERS, at.at("filters"), filters.size());
    }
    for (int i = 0; i < filters.size(); i++) {
      String filter = filters.get(i);
      if (filter.length() > MAX_FILTER_LENGTH) {
        report.report(Diagnostic.FILTER_TOO_LONG, at.at("filters", i), i, filter.length());
        continue;
      }
      JsonNode pattern;
      try {
        pattern = read(filter);
      } catch (JsonProcessingException e) {
        report.report(Diagnostic.FILTER_NOT_JSON, at.at("filters", i), i,
            e.getOriginalMessage());
        continue;
      }
      if (pattern == null || !pattern.isObject()) {
        report.report(Diagnostic.FILTER_NOT_OBJECT, at.at("filters", i), i,
            pattern == null || pattern.isMissingNode() ? "nothing" : typeOf(pattern));
        continue;
      }
      checkFields(origin, i, pattern, record, record.fields(), "", report);
    }
    return report.build();
  }

  /**
   * {@code filter} as a tree, as {@code JsonMapper.readTree} reads it: the first value only,
   * a repeated key rejected, a missing node for blank text.
   */
  static JsonNode read(String filter) throws JsonProcessingException {
    try (JsonParser parser = JSON.createParser(filter)) {
      return parser.nextToken() == null ? MissingNode.getInstance() : value(parser);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String fails only as JSON
    }
  }

  private static JsonNode value(JsonParser parser) throws IOException {
    switch (parser.currentToken()) {
      case START_OBJECT: {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, value(parser));
        }
        return object;
      }
      case START_ARRAY: {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
        }
        return array;
      }
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
      case VALUE_FALSE:
        return NODES.booleanNode(parser.getBooleanValue());
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IllegalStateException("unexpected " + parser.currentToken());
    }
  }

  /** Walks a pattern: known field names where the record's shape is fixed, arrays at leaves. */
  private static void checkFields(Origin origin, int index, JsonNode pattern,
      RecordShape record, List<String> fields, String path, ValidationReport.Builder report) {
    for (Map.Entry<String, JsonNode> field : pattern.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      var at = origin.at("filters", index);
      if (name.equals("$or") && value.isArray()) {
        for (JsonNode alternative : value) {
          if (alternative.isObject()) {
            checkFields(origin, index, alternative, record, fields, path, report);
          }
        }
        continue;
      }
      if (fields != null && !fields.contains(name)) {
        String nearest = Suggestions.nearest(name, fields);
        report.report(Diagnostic.FILTER_UNKNOWN_FIELD, at, index, path + name,
            record.description(), String.join(", ", fields), nearest == null ? "" : " Did you mean \"" + nearest + "\"?");
        continue;
      }
      if (value.isObject()) {
        List<String> nested = record.freeForm().contains(name) || fields == null
            ? null : record.nested().get(name);
        checkFields(origin, index, value, record, nested, path + name + ".", report);
      } else if (!value.isArray()) {
        report.report(Diagnostic.FILTER_VALUE_NOT_ARRAY, at, index, path + name,
            value.toString());
      }
    }
  }

  private static String typeOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
