package dev.laconic.processor.adapters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.processor.LaconicProcessor;
import dev.laconic.processor.cfn.CfnSchemaValidator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * The handlers of {@code src/test/resources/adapters/handlers/} compiled with Laconic onto disk in
 * one adapter flavor, loaded as Lambda loads a function's code (a class loader of its own over
 * the compiled classes, whose parent holds the runtime library and the events library), and
 * invoked as the Lambda Java runtime invokes a handler class.
 *
 * <p>A stream adapter gets the event's bytes and writes its response itself. A request-handler
 * adapter is invoked as the runtime interface client's {@code EventHandlerLoader} invokes a
 * {@code RequestHandler<I, O>}: {@code I} and {@code O} are read from the class's generic
 * interface; the event is read with {@link LambdaEventSerializers#serializerFor} for the event
 * types the runtime supports (with the function's class loader), otherwise with the plain
 * {@link JacksonFactory}; the response is written with the serializer the same rule picks for
 * {@code O}; a failure to read the event is an {@code "An error occurred during JSON parsing"}
 * error. Both run with the function's class loader as the thread's context class loader.
 */
final class Deployment implements AutoCloseable {

  /** Where the handler sources are, on the test class path. */
  static final String HANDLERS = "adapters/handlers/relay";

  /** The adapter flavors, with the processor option that selects each. */
  enum Flavor {
    STREAM(List.of()),
    REQUEST_HANDLER(List.of("-Alaconic.adapter=request-handler"));

    final List<String> options;

    Flavor(List<String> options) {
      this.options = options;
    }
  }

  private final Flavor flavor;
  private final URLClassLoader loader;
  private final Path classes;
  private final Path generated;
  private final Map<Type, PojoSerializer<Object>> serializers = new HashMap<>();

  private Deployment(Flavor flavor, URLClassLoader loader, Path classes, Path generated) {
    this.flavor = flavor;
    this.loader = loader;
    this.classes = classes;
    this.generated = generated;
  }

  /**
   * Compiles every handler source with Laconic into {@code classes} (generated sources into
   * {@code generated}), requiring a build without errors or warnings, and loads the result.
   */
  static Deployment compile(Flavor flavor, Path classes, Path generated) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
      files.setLocation(StandardLocation.CLASS_PATH, Arrays.stream(
              System.getProperty("java.class.path").split(File.pathSeparator))
          .map(File::new).collect(Collectors.toList()));
      List<String> options = new ArrayList<>(List.of(
          // What the project's other compilation tests pin: the release Laconic supports at least.
          "--release", "17", "-Alaconic.code=../../app.jar", "-implicit:none"));
      options.addAll(flavor.options);
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(handlerSources()));
      task.setProcessors(List.of(new LaconicProcessor()));
      boolean compiled = task.call();
      List<Diagnostic<? extends JavaFileObject>> problems = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() != Diagnostic.Kind.NOTE)
          .collect(Collectors.toList());
      assertTrue(compiled && problems.isEmpty(), () -> flavor + ": " + problems);
    }
    URLClassLoader loader = new URLClassLoader("relay-" + flavor,
        new URL[] {classes.toUri().toURL()}, Deployment.class.getClassLoader());
    return new Deployment(flavor, loader, classes, generated);
  }

  static List<Path> handlerSources() {
    try (Stream<Path> files = Files.list(Path.of(
        Deployment.class.getClassLoader().getResource(HANDLERS).toURI()))) {
      return files.filter(f -> f.toString().endsWith(".java")).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  Flavor flavor() {
    return flavor;
  }

  /** The generated source files, by name, sorted. */
  List<String> generatedSources() throws IOException {
    try (Stream<Path> files = Files.walk(generated)) {
      return files.filter(Files::isRegularFile)
          .map(f -> generated.relativize(f).toString().replace(File.separatorChar, '/'))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /**
   * For each function of the template, by the adapter's name without its prefix (such as {@code
   * Clicks_record}), whether its event source mappings declare {@code ReportBatchItemFailures}:
   * without it Lambda ignores the partial failures an adapter answers.
   */
  Map<String, Boolean> reportsBatchItemFailures() throws IOException {
    JsonNode resources = CfnSchemaValidator.readTemplate(
        Files.readString(classes.resolve("laconic/template.yaml"))).path("Resources");
    Map<String, String> functions = new HashMap<>();
    resources.properties().forEach(resource -> {
      JsonNode value = resource.getValue();
      if (value.path("Type").asText().equals("AWS::Lambda::Function")) {
        String handler = value.path("Properties").path("Handler").asText();
        functions.put(resource.getKey(),
            handler.replaceFirst("^relay\\.Laconic_(.*)::handleRequest$", "$1"));
      }
    });
    Map<String, Boolean> reports = new TreeMap<>();
    resources.forEach(value -> {
      if (value.path("Type").asText().equals("AWS::Lambda::EventSourceMapping")) {
        JsonNode properties = value.path("Properties");
        String function = functions.get(properties.path("FunctionName").path("Ref").asText());
        boolean declared = false;
        for (JsonNode type : properties.path("FunctionResponseTypes")) {
          declared |= type.asText().equals("ReportBatchItemFailures");
        }
        reports.merge(function, declared, Boolean::logicalAnd);
      }
    });
    return reports;
  }

  /** The adapter class of {@code function}, such as {@code Clicks_record}. */
  Class<?> adapter(String function) {
    try {
      return loader.loadClass("relay.Laconic_" + function);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(flavor + ": no adapter for " + function, e);
    }
  }

  /**
   * Invokes the adapter of {@code function} with the bytes of {@code event}, the handlers failing
   * on the records whose identifiers are in {@code poison}.
   */
  Invocation invoke(String function, byte[] event, Collection<String> poison) {
    Class<?> seen = load("relay.Seen");
    call(seen, "reset", poison);
    RecordingContext context = new RecordingContext();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Throwable failure = null;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Object adapter = adapter(function).getConstructor().newInstance();
      if (flavor == Flavor.STREAM) {
        ((RequestStreamHandler) adapter).handleRequest(new ByteArrayInputStream(event), output,
            context);
      } else {
        invokeRequestHandler(adapter, event, output, context);
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(flavor + ": cannot create the adapter of " + function, e);
    } catch (Exception | Error e) {
      if (e instanceof AssertionError) {
        throw (AssertionError) e;
      }
      failure = e;
    } finally {
      thread.setContextClassLoader(previous);
    }
    List<Object> inputs = new ArrayList<>(inputs(seen));
    return new Invocation(failure == null ? output.toByteArray() : null, failure, inputs,
        context.log());
  }

  /** What {@code EventHandlerLoader.PojoHandlerAsStreamHandler.handleRequest} does. */
  @SuppressWarnings("unchecked")
  private void invokeRequestHandler(Object adapter, byte[] event, ByteArrayOutputStream output,
      RecordingContext context) {
    Type[] types = requestHandlerTypes(adapter.getClass());
    Object input;
    try {
      input = serializer(types[0]).fromJson(new ByteArrayInputStream(event));
    } catch (Throwable t) {
      throw new RuntimeException("An error occurred during JSON parsing", t);
    }
    Object response = ((RequestHandler<Object, Object>) adapter).handleRequest(input, context);
    serializer(types[1]).toJson(response, output);
  }

  /** The {@code I} and {@code O} of the {@code RequestHandler<I, O>} a class implements. */
  static Type[] requestHandlerTypes(Class<?> adapter) {
    for (Type type : adapter.getGenericInterfaces()) {
      if (type instanceof ParameterizedType parameterized
          && parameterized.getRawType() == RequestHandler.class) {
        return parameterized.getActualTypeArguments();
      }
    }
    throw new AssertionError(adapter + " does not implement RequestHandler<I, O>");
  }

  /** {@code EventHandlerLoader.getSerializer} for a context without a client context. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  PojoSerializer<Object> serializer(Type type) {
    return serializers.computeIfAbsent(type, t -> {
      if (t instanceof Class<?> c && LambdaEventSerializers.isLambdaSupportedEvent(c.getName())) {
        return LambdaEventSerializers.serializerFor((Class) c, loader);
      }
      return JacksonFactory.getInstance().getSerializer(t);
    });
  }

  private Class<?> load(String name) {
    try {
      return loader.loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  private static void call(Class<?> type, String method, Collection<String> argument) {
    try {
      type.getMethod(method, Collection.class).invoke(null, argument);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> inputs(Class<?> seen) {
    try {
      return (List<Object>) seen.getField("INPUTS").get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Override
  public void close() throws IOException {
    loader.close();
  }

  @Override
  public String toString() {
    return flavor.toString();
  }
}
