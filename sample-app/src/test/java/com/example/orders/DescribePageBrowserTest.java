package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.app.MappingDefinition;
import dev.laconic.local.describe.DescribePage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The sample's {@code laconic:describe} page in a real browser, Debian's headless Chromium: it
 * renders, its picture has every function and mapping of the sample's template (the runner's
 * reading of it, not a list written here) and so has its text, and it fetched nothing.
 *
 * <p>Without Chromium and its driver the test fails and says what to install; it is skipped only
 * when asked ({@code -Dlaconic.skipBrowser=true}), and says so loudly. Other places for the
 * browser and driver: {@code -Dlaconic.chromium=PATH}, {@code -Dlaconic.chromedriver=PATH}.
 */
class DescribePageBrowserTest {

  private static final Path OUTPUT = Path.of("target", "describe-browser");
  /**
   * Selenium looks for DevTools bindings of this Chromium's version, which it only needs for what
   * this test does not use, and warns when it has none. Held here: a logger nothing holds may be
   * collected, and its level with it.
   */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  private static final boolean SKIPPED = Boolean.getBoolean("laconic.skipBrowser");

  private static ChromeDriver browser;
  private static Application application;
  private static String pageUrl;

  @BeforeAll
  static void openTheSamplesPage() throws Exception {
    if (SKIPPED) {
      System.err.println("\n*** DescribePageBrowserTest SKIPPED (-Dlaconic.skipBrowser=true):"
          + " the describe page was NOT checked in a browser. ***\n");
      return;
    }
    Path chromium = Path.of(System.getProperty("laconic.chromium", "/usr/bin/chromium"));
    Path driver = Path.of(System.getProperty("laconic.chromedriver", "/usr/bin/chromedriver"));
    for (Path program : List.of(chromium, driver)) {
      if (!Files.isExecutable(program)) {
        fail(program + " is missing: this test opens the describe page in Chromium. Install"
            + " Debian's packages (apt-get install -y chromium chromium-driver), as .ci/run"
            + " does, or skip this test alone with -Dlaconic.skipBrowser=true.");
      }
    }

    // The page of the sample's template, written by the code laconic:describe runs.
    Path template = Path.of(OrderEvents.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI()).resolve(Application.TEMPLATE);
    JsonNode tree = new ObjectMapper().readTree(template.toFile());
    application = Application.parse(tree);
    Files.createDirectories(OUTPUT);
    Path page = OUTPUT.resolve("describe.html").toAbsolutePath();
    DescribePage.write(tree, "sample-app", page);
    pageUrl = page.toUri().toString();

    DEVTOOLS_LOG.setLevel(Level.SEVERE);
    Path profile = Files.createTempDirectory("laconic-chromium");
    ChromeOptions options = new ChromeOptions()
        .setBinary(chromium.toFile())
        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--window-size=1600,1000", "--user-data-dir=" + profile);
    // Chromium's own record of every request the page made (DevTools' Network events).
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.get(pageUrl);
  }

  /** Each test counts as skipped, so that the build's totals say so too. */
  @BeforeEach
  void unlessSkipped() {
    Assumptions.assumeFalse(SKIPPED, "-Dlaconic.skipBrowser=true");
  }

  @AfterAll
  static void closeTheBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void thePictureRendersWithEveryFunctionAndMapping() throws Exception {
    WebElement picture = browser.findElement(By.id("picture"));
    Rectangle size = picture.getRect();
    assertTrue(size.getWidth() > 600 && size.getHeight() > 300, "the picture's size: " + size);
    Files.write(OUTPUT.resolve("describe.png"), browser.getScreenshotAs(OutputType.BYTES));

    List<String> functions = new ArrayList<>();
    List<String> mappings = new ArrayList<>();
    for (FunctionDefinition function : application.functions()) {
      functions.add(function.logicalId());
      for (MappingDefinition mapping : function.mappings()) {
        mappings.add(mapping.logicalId());
        assertEquals(1, picture.findElements(By.cssSelector("g.arrow[data-from='"
            + mapping.logicalId() + "'][data-to='" + function.logicalId() + "']")).size(),
            mapping.logicalId() + " invokes " + function.logicalId() + " in the picture");
      }
    }
    assertEquals(5, functions.size(), "the sample's functions: " + functions);
    assertEquals(5, mappings.size(), "the sample's mappings: " + mappings);
    for (String function : functions) {
      shown(picture, "g[data-function='" + function + "']", function);
    }
    for (String mapping : mappings) {
      shown(picture, "g[data-mapping='" + mapping + "']", mapping);
    }
    WebElement summary = browser.findElement(By.id("summary"));
    for (String function : functions) {
      assertTrue(summary.findElement(By.cssSelector("[data-function='" + function + "']"))
          .getText().contains(function), function + " in the text");
    }
    for (String mapping : mappings) {
      assertTrue(summary.findElement(By.cssSelector("[data-mapping='" + mapping + "']"))
          .getText().contains(mapping), mapping + " in the text");
    }
  }

  /** The box is drawn, has a size, and its first line names it. */
  private static void shown(WebElement picture, String selector, String id) {
    List<WebElement> boxes = picture.findElements(By.cssSelector(selector));
    assertEquals(1, boxes.size(), id + " in the picture");
    WebElement box = boxes.get(0);
    Rectangle rect = box.findElement(By.tagName("rect")).getRect();
    assertTrue(box.isDisplayed() && rect.getWidth() > 100 && rect.getHeight() > 30,
        id + "'s box: " + rect);
    assertEquals(id, box.findElement(By.cssSelector("text.node-id")).getText());
  }

  /**
   * Nothing was requested but the page itself, and the page's policy holds: its style sheet
   * applies (its hash is right) and an image the page tried to load would be refused.
   */
  @Test
  void nothingIsFetchedFromTheNetwork() {
    JavascriptExecutor script = browser;
    assertEquals(0L, script.executeScript(
        "return performance.getEntriesByType('resource').length"), "resources loaded");
    // The browser's own pages (the new tab it starts on) request chrome:// resources: only the
    // requests of the describe page are its, and nothing at all may go to the network.
    List<String> requestedByPage = new ArrayList<>();
    for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
      if (entry.getMessage().contains("\"Network.requestWillBeSent\"")) {
        JsonNode request = parse(entry.getMessage()).path("message").path("params");
        String url = request.path("request").path("url").asText();
        assertFalse(url.startsWith("http:") || url.startsWith("https:")
            || url.startsWith("ws:") || url.startsWith("wss:"), "requested " + url);
        if (request.path("documentURL").asText().equals(pageUrl)) {
          requestedByPage.add(url);
        }
      }
    }
    assertEquals(List.of(pageUrl), requestedByPage, "what the page requested");

    String policy = (String) script.executeScript("return document.querySelector("
        + "'meta[http-equiv=\"Content-Security-Policy\"]').content");
    assertTrue(policy.startsWith("default-src 'none'; style-src 'sha256-"), policy);
    assertEquals("rgb(220, 245, 227)", script.executeScript("return getComputedStyle("
        + "document.querySelector('g.function rect')).fill"), "the style sheet applies");
    Object refused = ((JavascriptExecutor) browser).executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        document.addEventListener('securitypolicyviolation',
            e => done(e.effectiveDirective + ' ' + e.blockedURI));
        const probe = document.createElement('img');
        probe.src = 'http://127.0.0.1:9/probe.png';
        document.body.appendChild(probe);
        setTimeout(() => done('not refused'), 5000);
        """);
    assertEquals("img-src http://127.0.0.1:9/probe.png", refused);
    assertFalse(browser.getPageSource().contains("<script"), "the page has no script");
  }

  private static JsonNode parse(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (java.io.IOException e) {
      throw new AssertionError(json, e);
    }
  }
}
