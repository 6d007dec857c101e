package dev.laconic.processor.cfn;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serializes a template to YAML or JSON text: UTF-8, {@code \n} line endings, a trailing newline,
 * keys in the order the builder added them, so the same model always gives the same bytes.
 *
 * <p>The tree is walked onto jackson-core's streaming generators (YAML's from
 * jackson-dataformat-yaml) rather than written by an {@code ObjectMapper}: the text is the same,
 * and a mapper's serializer set-up, some 150 classes of databind loaded on every build, is not.
 */
public final class TemplateWriter {

  private static final YAMLFactory YAML = YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .stringQuotingChecker(new CautiousQuoting())
      .build();

  private static final JsonFactory JSON = new JsonFactory();
  private static final DefaultPrettyPrinter JSON_PRINTER = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private TemplateWriter() {}

  public static String yaml(JsonNode template) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = YAML.createGenerator(text)) {
      write(template, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to a String fails only on a bug
    }
    return text.toString();
  }

  public static String json(JsonNode template) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = JSON.createGenerator(text)) {
      generator.setPrettyPrinter(JSON_PRINTER.createInstance()); // it counts nesting
      write(template, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.append('\n').toString();
  }

  /** Writes {@code node} as databind's nodes write themselves, without a serializer provider. */
  private static void write(JsonNode node, JsonGenerator generator) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        generator.writeStartObject(node);
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
          Map.Entry<String, JsonNode> field = fields.next();
          generator.writeFieldName(field.getKey());
          write(field.getValue(), generator);
        }
        generator.writeEndObject();
      }
      case ARRAY -> {
        generator.writeStartArray(node, node.size());
        for (JsonNode element : node) {
          write(element, generator);
        }
        generator.writeEndArray();
      }
      case STRING -> generator.writeString(node.textValue());
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NULL -> generator.writeNull();
      case NUMBER -> {
        switch (node.numberType()) {
          case INT -> generator.writeNumber(node.intValue());
          case LONG -> generator.writeNumber(node.longValue());
          case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
          case FLOAT -> generator.writeNumber(node.floatValue());
          case DOUBLE -> generator.writeNumber(node.doubleValue());
          default -> generator.writeNumber(node.decimalValue());
        }
      }
      default -> throw new IllegalArgumentException("a template holds no " + node.getNodeType());
    }
  }

  /**
   * Quotes, besides what YAML itself requires, every string a YAML 1.1 reader could take for
   * something else: numbers, dates such as {@code 2010-09-09} (a date to PyYAML, which the AWS CLI
   * and cfn-lint use), and the YAML 1.1 booleans. Unquoted, a value could change type on the way
   * to CloudFormation.
   */
  private static final class CautiousQuoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;
    private static final Pattern AMBIGUOUS = Pattern.compile(
        "[-+.0-9].*|[0-9:_ -]+|y|Y|n|N|~|"
            + "(?i:yes|no|true|false|on|off|null|\\.inf|-\\.inf|\\.nan)");

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || AMBIGUOUS.matcher(value).matches();
    }
  }
}
