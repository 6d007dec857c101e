package dev.laconic.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.app.Application;
import dev.laconic.local.poller.PollerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link LaconicTest}: before each test it starts the application under
 * test as a {@link LocalApplication}, which test methods take as a parameter, and after it stops
 * it. Register it yourself to configure it in code:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LaconicExtension LACONIC = LaconicExtension.forApplication(OrderEvents.class)
 *     .parameter("PaymentsStreamArn", "PaymentsTable")
 *     .deliveryTimeout(Duration.ofSeconds(10));
 * </pre>
 *
 * <p>The mappings poll every 10 ms and retry a failed batch after 10 ms (Lambda: 250 ms and 100
 * ms, doubling), so that tests of retries and failure destinations are quick; ordering, batching
 * windows, filters, partial batch failures and record ages are as Lambda does them.
 */
public final class LaconicExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  /**
   * The lock of the in-process DynamoDB that every test of the run shares: tests that run in
   * parallel take it in turn. {@link LaconicTest} holds it; with {@code @RegisterExtension},
   * annotate the class with {@code @ResourceLock(LaconicExtension.RESOURCE)}.
   */
  public static final String RESOURCE = "dev.laconic.junit.LocalDynamoDb";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LaconicExtension.class);

  private Class<?> applicationClass;
  private final Map<String, String> parameters = new LinkedHashMap<>();
  private final List<String> functions = new ArrayList<>();
  private PollerSettings settings = new PollerSettings(Duration.ofMillis(10),
      Duration.ofMillis(10), Duration.ofMillis(200), Clock.systemUTC());
  private Duration deliveryTimeout = Duration.ofSeconds(30);
  private Consumer<String> print = System.out::println;
  private final boolean configuredInCode;
  /** The application of the test each thread runs: tests may run in parallel. */
  private final ThreadLocal<LocalApplication> current = new ThreadLocal<>();
  /** Every application running, for the threads a test starts itself. */
  private final Set<LocalApplication> running = ConcurrentHashMap.newKeySet();

  /** The extension as {@link LaconicTest} registers it: configured by the annotation. */
  public LaconicExtension() {
    this.configuredInCode = false;
  }

  private LaconicExtension(Class<?> applicationClass) {
    this.applicationClass = applicationClass;
    this.configuredInCode = true;
  }

  /**
   * An extension for the application of {@code anyClass} (its template is the one beside it);
   * {@code null} for the only template on the class path.
   */
  public static LaconicExtension forApplication(Class<?> anyClass) {
    return new LaconicExtension(anyClass);
  }

  /** The value of the template parameter {@code name}, as {@link LaconicTest#parameters}. */
  public LaconicExtension parameter(String name, String value) {
    parameters.put(name, value);
    return this;
  }

  /** The functions to run, as {@link LaconicTest#functions}; all by default. */
  public LaconicExtension functions(String... names) {
    functions.addAll(Arrays.asList(names));
    return this;
  }

  /** The pace of polling and retries, such as {@code PollerSettings.defaults()} (Lambda's). */
  public LaconicExtension settings(PollerSettings settings) {
    this.settings = settings;
    return this;
  }

  /** How long {@link LocalApplication#awaitDelivery()} waits: 30 s unless set. */
  public LaconicExtension deliveryTimeout(Duration timeout) {
    this.deliveryTimeout = timeout;
    return this;
  }

  /** Where the functions' logs and the runner's lines go besides the record: standard output. */
  public LaconicExtension printTo(Consumer<String> print) {
    this.print = print;
    return this;
  }

  /**
   * The application of the running test: the one of the test this thread runs, else the only
   * one running (for a thread the test started). When tests run in parallel, another thread
   * cannot tell which is its test's: take the {@link LocalApplication} as a parameter instead.
   */
  public LocalApplication application() {
    LocalApplication app = current.get();
    if (app != null) {
      return app;
    }
    List<LocalApplication> apps = List.copyOf(running);
    if (apps.size() == 1) {
      return apps.get(0);
    }
    throw new IllegalStateException(apps.isEmpty()
        ? "The application runs only during a test (from before each test to after it)."
        : apps.size() + " tests run in parallel, and this thread runs none of them: take the"
            + " LocalApplication as a parameter of the test method.");
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Class<?> anchor = applicationClass;
    Map<String, String> values = new LinkedHashMap<>(parameters);
    List<String> only = new ArrayList<>(functions);
    if (!configuredInCode) {
      LaconicTest annotation = annotation(context);
      if (annotation != null) {
        anchor = annotation.application() == void.class ? null : annotation.application();
        for (String parameter : annotation.parameters()) {
          int equals = parameter.indexOf('=');
          if (equals <= 0) {
            throw new ExtensionConfigurationException("@LaconicTest(parameters = \"" + parameter
                + "\"): write each parameter as Name=value.");
          }
          values.put(parameter.substring(0, equals), parameter.substring(equals + 1));
        }
        Collections.addAll(only, annotation.functions());
      }
    }
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    JsonNode template = template(anchor, loader);
    LocalApplication app;
    try {
      // One database for the whole run, closed when the run ends.
      SharedDynamoDb database = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
          SharedDynamoDb.class, key -> SharedDynamoDb.start(), SharedDynamoDb.class);
      app = LocalApplication.start(database, template, values, only, settings, deliveryTimeout,
          loader, print);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ExtensionConfigurationException("Cannot run the application under test: "
          + e.getMessage(), e);
    }
    context.getStore(NAMESPACE).put(LocalApplication.class, app);
    running.add(app);
    current.set(app);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LocalApplication app = context.getStore(NAMESPACE)
        .remove(LocalApplication.class, LocalApplication.class);
    current.remove();
    if (app != null) {
      running.remove(app);
      app.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalApplication.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    LocalApplication app = context.getStore(NAMESPACE)
        .get(LocalApplication.class, LocalApplication.class);
    if (app == null) {
      throw new ExtensionConfigurationException("A LocalApplication is there for test methods"
          + " (and @BeforeEach / @AfterEach), not for constructors or @BeforeAll.");
    }
    return app;
  }

  /**
   * The {@link LaconicTest} of the test's class, or else of the class it is {@code @Nested} in:
   * the extension of an outer class runs the tests of its nested classes too, and the annotation
   * may be meta-present, on an annotation of the team's own.
   */
  private static LaconicTest annotation(ExtensionContext context) {
    for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent();
        c = c.get().getParent()) {
      Optional<LaconicTest> found = c.get().getTestClass()
          .flatMap(type -> AnnotationSupport.findAnnotation(type, LaconicTest.class));
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  /** The template beside {@code anchor}, or the only one on the class path. */
  private static JsonNode template(Class<?> anchor, ClassLoader loader) {
    URL template;
    if (anchor != null) {
      template = Application.templateBeside(anchor);
    } else {
      List<URL> found;
      try {
        found = Collections.list(loader.getResources(Application.TEMPLATE));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (found.size() != 1) {
        throw new ExtensionConfigurationException(found.isEmpty()
            ? Application.TEMPLATE + " is not on the class path: compile the application with"
                + " the Laconic processor (a build with errors writes no template)."
            : "Several applications are on the class path " + found + ": name a class of the"
                + " one under test, @LaconicTest(application = MyHandlers.class).");
      }
      template = found.get(0);
    }
    try {
      return JSON.readTree(template);
    } catch (IOException e) {
      throw new ExtensionConfigurationException("Cannot read the template " + template
          + " (compile the application with the Laconic processor first): " + e, e);
    }
  }
}
