package dev.laconic.processor.cfn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * Serializes a template to YAML or JSON text: UTF-8, {@code \n} line endings, a trailing newline,
 * keys in the order the builder added them, so the same model always gives the same bytes.
 */
public final class TemplateWriter {

  private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .stringQuotingChecker(new CautiousQuoting())
      .build());

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final DefaultPrettyPrinter JSON_PRINTER = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private TemplateWriter() {}

  public static String yaml(JsonNode template) {
    try {
      return YAML.writeValueAsString(template);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e); // a tree of plain nodes always serializes
    }
  }

  public static String json(JsonNode template) {
    try {
      return JSON.writer(JSON_PRINTER).writeValueAsString(template) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
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
