package dev.laconic.processor.cfn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The writer walks the tree onto streaming generators; its text must be the bytes the
 * {@code ObjectMapper}s that wrote templates before gave for the same tree.
 */
class TemplateWriterTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * The mappers as TemplateWriter configured them before it walked the tree itself, with a
   * frozen copy of its quoting rule: a reference of its own, so that a change to the writer's
   * rule fails here instead of changing both sides.
   */
  private static final ObjectMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .stringQuotingChecker(new StringQuotingChecker.Default() {
        private static final long serialVersionUID = 1L;
        private static final Pattern AMBIGUOUS = Pattern.compile(
            "[-+.0-9].*|[0-9:_ -]+|y|Y|n|N|~|"
                + "(?i:yes|no|true|false|on|off|null|\\.inf|-\\.inf|\\.nan)");

        @Override
        public boolean needToQuoteValue(String value) {
          return super.needToQuoteValue(value) || AMBIGUOUS.matcher(value).matches();
        }
      })
      .build());
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final DefaultPrettyPrinter JSON_PRINTER = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  @Test
  void writesTheMappersBytes() throws Exception {
    ObjectNode template = NODES.objectNode();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    ObjectNode values = template.putObject("Values");
    String[] strings = {"", " ", "plain", "yes", "No", "on", "OFF", "null", "~", "y", "n", "1",
        "1.5", "-1", "+1", ".5", "0x1F", "1_000", "12:30:45", "2026-12-02", ".inf", "-.Inf",
        ".NaN", "a: b", "a #b", "#c", "- x", "? x", "[x]", "{x}", "x,y", "&a", "*a", "!Ref x",
        "|", ">", "'q'", "\"q\"", "%x", "@x", "`x", "line\nbreak", "tab\there", "trailing ",
        " leading", "caf\u00e9", "\u65e5\u672c", "emoji \ud83d\ude00", "nul\u0000", "bell\u0007",
        "nbsp\u00a0", "ls\u2028", "${Stream0}", "arn:aws:dynamodb:*:*:table/T/stream/*",
        "{\"eventName\": [\"INSERT\", \"MODIFY\"]}", "C:\\path", "x\r\ny"};
    for (int i = 0; i < strings.length; i++) {
      values.put("s" + i, strings[i]);
    }
    values.put("int", 512).put("negative", -1).put("long", 3_000_000_000L)
        .put("big", new BigInteger("123456789012345678901234567890")).put("double", 1.5)
        .put("float", 2.5f).put("decimal", new BigDecimal("10.50")).put("true", true)
        .put("false", false).putNull("null");
    values.putObject("emptyObject");
    values.putArray("emptyArray");
    ArrayNode list = values.putArray("list");
    list.add("a").add(1).add(NODES.objectNode().put("Ref", "X").set("Nested",
        NODES.arrayNode().add(NODES.arrayNode().add("deep")).add(NODES.objectNode())));
    list.addNull().add(true);
    template.putObject("Resources").putObject("F").put("Type", "AWS::Lambda::Function");

    assertEquals(YAML.writeValueAsString(template), TemplateWriter.yaml(template));
    assertEquals(JSON.writer(JSON_PRINTER).writeValueAsString(template) + "\n",
        TemplateWriter.json(template));
  }
}
