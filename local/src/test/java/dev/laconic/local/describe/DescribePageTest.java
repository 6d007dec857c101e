package dev.laconic.local.describe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page: every node in the picture and in the text, the template's text escaped wherever it
 * lands, nothing a browser would fetch, and the same bytes for the same template.
 */
class DescribePageTest {

  private static final String HOSTILE = Templates.ORDERS
      .replace("Orders <and> their changes", "</title><script>alert(1)</script>")
      .replace("The payments table's stream", "\\\"><img src=x onerror=alert(2)>")
      .replace("{\\\"eventName\\\": [\\\"REMOVE\\\"]}", "</pre><iframe src=//evil>")
      .replace("API_KEY", "A<b>'\\\"&");

  @Test
  void everyNodeIsInThePictureAndInTheText() {
    Description description = Description.of(Templates.parse(Templates.ORDERS));
    String page = DescribePage.html(description, "orders");
    String picture = between(page, "<svg id=\"picture\"", "</svg>");
    String text = between(page, "<div id=\"summary\">", "</main>");
    for (Node node : description.nodes()) {
      String attribute = switch (node.kindLabel()) {
        case "Mapping" -> "data-mapping";
        case "Function", "Function (Laconic)" -> "data-function";
        default -> "data-resource";
      };
      String marker = attribute + "=\"" + Html.escape(node.id()) + "\"";
      assertEquals(1, count(picture, marker), marker + " in the picture");
      assertEquals(1, count(text, marker), marker + " in the text");
    }
    for (Link link : description.links()) {
      assertTrue(picture.contains("data-from=\"" + Html.escape(link.from()) + "\" data-to=\""
          + Html.escape(link.to()) + "\" data-link=\"" + link.kind().label() + "\""), link.toString());
    }
  }

  @Test
  void theTemplatesTextIsEscapedWhereverItLands() {
    String page = DescribePage.html(Description.of(Templates.parse(HOSTILE)), "<orders>");
    assertFalse(page.contains("<script"), page);
    assertFalse(page.contains("<img"));
    assertFalse(page.contains("<iframe"));
    assertFalse(page.contains("<b>"));
    assertFalse(page.contains("<orders>"));
    assertTrue(page.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(page.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
    assertTrue(page.contains("&lt;/pre&gt;&lt;iframe src=//evil&gt;"));
    assertTrue(page.contains("A&lt;b&gt;&#39;&quot;&amp;"));
  }

  /** The policy allows the page's own style sheet by its hash, and nothing else at all. */
  @Test
  void thePolicyAllowsTheStyleSheetItHasAndNothingElse() throws Exception {
    String page = DescribePage.html(Description.of(Templates.parse(Templates.ORDERS)), "o");
    String style = between(page, "<style>", "</style>");
    String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
        .digest(style.getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, count(page, "<style"), "one style sheet, the one the hash allows");
    assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\""
        + "default-src &#39;none&#39;; style-src &#39;sha256-" + hash + "&#39;; base-uri"
        + " &#39;none&#39;; form-action &#39;none&#39;\">"));
    assertTrue(page.indexOf("Content-Security-Policy") < page.indexOf("<style>"),
        "the policy comes before what it governs");
  }

  @Test
  void nothingOnThePageWouldBeFetched() {
    String page = DescribePage.html(
        Description.of(Templates.resource("shop-sam-template.json")), "shop");
    for (String fetching : List.of("src=", "href=", "<link", "<script", "@import", "http:",
        "https:", "style=\"")) {
      assertFalse(page.contains(fetching), fetching);
    }
    Matcher url = Pattern.compile("url\\(([^)]*)\\)").matcher(page);
    while (url.find()) {
      assertTrue(url.group(1).startsWith("#head-"), "only the page's own arrowheads: " + url.group());
    }
  }

  @Test
  void elementIdsAreUnique() {
    String page = DescribePage.html(
        Description.of(Templates.resource("shop-sam-template.json")), "shop");
    List<String> ids = new ArrayList<>();
    Matcher id = Pattern.compile(" id=\"([^\"]*)\"").matcher(page);
    while (id.find()) {
      ids.add(id.group(1));
    }
    assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
  }

  @Test
  void theSameTemplateIsTheSameBytes(@TempDir Path directory) throws Exception {
    Path first = directory.resolve("first/describe.html");
    Path second = directory.resolve("describe.html");
    DescribePage.write(Templates.resource("shop-template.json"), "shop", first);
    DescribePage.write(Templates.resource("shop-template.json"), "shop", second);
    byte[] bytes = Files.readAllBytes(first);
    assertArrayEquals(bytes, Files.readAllBytes(second));
    String page = new String(bytes, StandardCharsets.UTF_8);
    assertFalse(page.contains("\r"));
    assertTrue(page.endsWith("</html>\n"));
    assertFalse(page.contains(directory.toString()), "no path");
  }

  @Test
  void theTextSummary() {
    assertEquals(List.of(
        "2 functions, 3 mappings, 5 sources and destinations",
        "AuditFunction (Orders.audit): java21, 512 MB, 60 s, arm64, SnapStart",
        "  <- Orders through AuditStreamMapping: batch size 25, window 5 s, TRIM_HORIZON,"
            + " invokes alias live, 1 filter, failures -> Failures",
        "ReportFunction (Orders.report): java17, 128 MB, 3 s, x86_64",
        "  <- Failures through ReportQueueMapping: batch size 10",
        "  <- !Ref PaymentsStreamArn through PaymentsMapping: DISABLED, batch size 100, LATEST",
        "Orders: DynamoDB table, stream NEW_AND_OLD_IMAGES",
        "Changes: Kinesis stream",
        "Failures: SQS queue",
        "Dead: SQS queue",
        "!Ref PaymentsStreamArn: DynamoDB stream"),
        TextSummary.of(Description.of(Templates.parse(Templates.ORDERS))));
  }

  @Test
  void anEmptyTemplateIsAPageThatSaysSo() {
    String page = DescribePage.html(Description.of(Templates.parse("{}")), "empty");
    assertTrue(page.contains("The template has no function."));
    assertTrue(page.contains("The template has no event source mapping."));
    assertTrue(page.contains("0 functions, 0 mappings, 0 sources and destinations"));
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertTrue(from >= 0, start);
    int to = text.indexOf(end, from + start.length());
    return text.substring(from + start.length(), to);
  }

  private static int count(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
