package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The page {@code laconic:describe} writes: the picture of the application and the text of every
 * setting, in one HTML file that needs nothing else.
 *
 * <p>Nothing on it is fetched. It has no script, no image file, no font, no link; its one style
 * sheet is inline, and a {@code Content-Security-Policy} allows that style sheet alone (by its
 * hash, not {@code 'unsafe-inline'}), so that even text a template smuggles into the page could
 * load nothing. The page is the same bytes for the same template: no date, no path, no host.
 */
public final class DescribePage {

  /** The page's style sheet, held to its hash by the page's policy: change both together. */
  static final String STYLE = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;\
      color:#1d232a;background:#fff}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;\
      border-bottom:1px solid #d0d7de}h3{font-size:15px;margin:18px 0 6px}
      code,pre{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;\
      font-size:12px}
      pre{margin:0 0 4px;white-space:pre-wrap;word-break:break-all}
      .summary{color:#57606a;max-width:60em}
      .counts{font-weight:600}
      .scroll{overflow-x:auto;border:1px solid #d0d7de;border-radius:6px;padding:4px;\
      background:#f6f8fa}
      .legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin:10px 0;padding:0;\
      list-style:none;font-size:12px}
      .legend li{display:flex;align-items:center;gap:6px}
      .swatch{display:inline-block;width:14px;height:14px;border-radius:3px;\
      border:1.5px solid #57606a}
      .swatch.service-dynamodb{background:#dbe9ff;border-color:#2f6fdb}
      .swatch.service-kinesis{background:#eadcff;border-color:#7c4dcc}
      .swatch.service-sqs,.swatch.service-sns,.swatch.service-s3{background:#ffe8cc;\
      border-color:#d9822b}
      .swatch.mapping{background:#f2f4f7;border-color:#6e7781}
      .swatch.function{background:#dcf5e3;border-color:#2da44e}
      .swatch.external{background:#fff;border-style:dashed}
      .stroke{display:inline-block;width:28px;border-top:2px solid #57606a}
      .stroke.link-on-failure{border-top:2px dashed #cf222e}
      .stroke.link-changes{border-top:2px dotted #7c4dcc}
      .stroke.link-dead-letters{border-top:2px dashed #d9822b}
      .stroke.link-invokes{border-top-color:#2da44e}
      svg.picture{display:block;font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,\
      monospace;font-size:12px}
      .node rect{fill:#fff;stroke:#57606a;stroke-width:1.5}
      .node.service-dynamodb rect{fill:#dbe9ff;stroke:#2f6fdb}
      .node.service-kinesis rect{fill:#eadcff;stroke:#7c4dcc}
      .node.service-sqs rect,.node.service-sns rect,.node.service-s3 rect{fill:#ffe8cc;\
      stroke:#d9822b}
      .node.external rect{fill:#fff;stroke-dasharray:5 3}
      .node.mapping rect{fill:#f2f4f7;stroke:#6e7781}
      .node.function rect{fill:#dcf5e3;stroke:#2da44e}
      .node-id{font-weight:700;font-size:13px;fill:#1d232a}
      .node-kind{fill:#57606a;font-style:italic}
      .node-line{fill:#1d232a}
      .node-more{fill:#57606a}
      .arrow path{fill:none;stroke:#57606a;stroke-width:1.6;stroke-linejoin:round}
      .arrow.link-invokes path{stroke:#2da44e}
      .arrow.link-on-failure path{stroke:#cf222e;stroke-dasharray:6 4}
      .arrow.link-changes path{stroke:#7c4dcc;stroke-dasharray:2 3}
      .arrow.link-dead-letters path{stroke:#d9822b;stroke-dasharray:6 4}
      .head{fill:#57606a}.head.link-invokes{fill:#2da44e}.head.link-on-failure{fill:#cf222e}
      .head.link-changes{fill:#7c4dcc}.head.link-dead-letters{fill:#d9822b}
      .arrow-label{font-size:11px;fill:#cf222e;paint-order:stroke;stroke:#f6f8fa;stroke-width:4}
      .arrow.link-changes .arrow-label{fill:#7c4dcc}
      .arrow.link-dead-letters .arrow-label{fill:#d9822b}
      table{border-collapse:collapse;margin:6px 0 10px}
      th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
      thead th{background:#f6f8fa}
      table.settings th{font-weight:600;background:#f6f8fa;white-space:nowrap}
      """;

  private DescribePage() {}

  /**
   * Reads {@code template}, writes its page to {@code file} (its directories made as needed) and
   * returns what it read, for a summary.
   *
   * @param name what the page calls the application, such as the project's artifact id
   */
  public static Description write(JsonNode template, String name, Path file) throws IOException {
    Description description = Description.of(template);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Files.writeString(file, html(description, name), StandardCharsets.UTF_8);
    return description;
  }

  /** The page of {@code description}. */
  public static String html(Description description, String name) {
    Html page = new Html();
    page.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .raw("<meta http-equiv=\"Content-Security-Policy\"")
        .attribute("content", contentSecurityPolicy()).raw(">\n")
        .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .raw("<meta name=\"generator\" content=\"Laconic\">\n")
        .raw("<title>").text(name + " \u2014 Laconic application").raw("</title>\n")
        .raw("<style>").raw(STYLE).raw("</style>\n</head>\n<body>\n<header>\n")
        .element("h1", "", name);
    description.summary().ifPresent(summary -> page.element("p", "summary", summary));
    page.element("p", "counts", TextSummary.of(description).get(0)).raw("</header>\n");
    page.raw("<main>\n<section id=\"diagram\">\n").element("h2", "", "Picture");
    legend(page);
    page.raw("<div class=\"scroll\">\n")
        .raw(DiagramSvg.of(DiagramLayout.of(description), "What feeds what in " + name))
        .raw("\n</div>\n</section>\n<div id=\"summary\">\n")
        .raw(SummaryHtml.of(description))
        .raw("</div>\n</main>\n</body>\n</html>\n");
    return page.toString();
  }

  private static void legend(Html page) {
    page.raw("<ul class=\"legend\">\n");
    String[][] boxes = {
        {"service-dynamodb", "DynamoDB table (its stream)"},
        {"service-kinesis", "Kinesis stream"},
        {"service-sqs", "SQS queue, SNS topic, S3 bucket"},
        {"external", "named by a parameter or ARN"},
        {"mapping", "mapping"},
        {"function", "function"}};
    for (String[] box : boxes) {
      page.raw("<li><span class=\"swatch " + box[0] + "\"></span>").text(box[1])
          .raw("</li>\n");
    }
    for (Link.Kind kind : Link.Kind.values()) {
      page.raw("<li><span class=\"stroke " + kind.cssClass() + "\"></span>")
          .text(kind.label()).raw("</li>\n");
    }
    page.raw("</ul>\n");
  }

  /**
   * Nothing may load but the page's own style sheet. A {@code meta} policy cannot say
   * {@code frame-ancestors}; there is nothing to frame anyway.
   */
  static String contentSecurityPolicy() {
    return "default-src 'none'; style-src 'sha256-" + sha256(STYLE) + "'; base-uri 'none';"
        + " form-action 'none'";
  }

  private static String sha256(String text) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
