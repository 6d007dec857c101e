package dev.laconic.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.lambda.JavaHandler;
import dev.laconic.local.lambda.LambdaError;
import dev.laconic.local.lambda.LocalContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Invokes one function of an application with an event, as {@code sam local invoke} does: any
 * function of the template, whatever its trigger (DynamoDB, Kinesis, SQS or none), with an event
 * file of your own or one from {@code EventGenerator}.
 *
 * <pre>
 * try (LocalInvoker invoker = LocalInvoker.forClassDirectory(Path.of("target/classes"))
 *     .build()) {
 *   InvokeResult result = invoker.invoke("OrderEventsEchoFunction",
 *       Files.readAllBytes(Path.of("event.json")));
 *   System.out.println(result.payloadText()); // the response, or the error JSON
 * }
 * </pre>
 *
 * <p>The function's {@code Handler} is loaded and called as the Lambda Java runtime does it (see
 * {@link JavaHandler}), with a {@code Context} that has the function's name, memory and timeout.
 * Each function's handler is created at its first invocation and kept for the next ones, as in a
 * warm execution environment. Not reproduced: the timeout (reported by the context, not
 * enforced) and the template's {@code Environment.Variables}, which a running JVM cannot set for
 * itself: each variable the JVM lacks or holds with another value is reported to the output.
 */
public final class LocalInvoker implements AutoCloseable {

  /** Lambda's limit on a synchronous invocation's request payload: 6 MB. */
  static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

  private static final ObjectReader JSON = new ObjectMapper().readerFor(JsonNode.class)
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final Application application;
  private final ClassLoader loader;
  private final URLClassLoader ownedLoader;
  private final Consumer<String> output;
  private final String region;
  private final String accountId;
  private final Map<String, JavaHandler> handlers = new ConcurrentHashMap<>();

  private LocalInvoker(Builder builder) {
    this.application = builder.application;
    this.loader = builder.loader;
    this.ownedLoader = builder.ownedLoader;
    this.output = builder.output;
    this.region = builder.region;
    this.accountId = builder.accountId;
  }

  /** An invoker of {@code application}'s functions, to configure. */
  public static Builder builder(Application application) {
    return new Builder(application, null);
  }

  /**
   * An invoker of the application compiled into {@code classDirectory} (such as
   * {@code target/classes}): its {@code laconic/template.json}, and its classes loaded from that
   * directory first, then from the context class loader (which brings the dependencies).
   *
   * @throws IllegalStateException when the directory has no template
   */
  public static Builder forClassDirectory(Path classDirectory) {
    Path template = classDirectory.resolve(Application.TEMPLATE);
    if (!Files.isRegularFile(template)) {
      throw new IllegalStateException(template + " does not exist. Compile the application"
          + " with the Laconic processor first (a build with errors writes no template).");
    }
    URL classes;
    try {
      classes = classDirectory.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
    return new Builder(Application.fromTemplate(template), new URLClassLoader(
        new URL[] {classes}, Thread.currentThread().getContextClassLoader()));
  }

  /** The application whose functions this invokes. */
  public Application application() {
    return application;
  }

  /**
   * Invokes the function {@code function} names (its logical id, {@code FunctionName}, handler
   * or display name such as {@code OrderEvents.echo}) with {@code event}, and waits for it.
   *
   * @param event the event's JSON bytes; empty for {@code {}}, as Lambda takes an empty payload
   * @return the response, or the function error with the logs that led to it
   * @throws IllegalArgumentException when no function or several have that name (the message
   *     lists the template's functions), or when the event is not JSON or larger than Lambda's
   *     6 MB: Lambda's {@code Invoke} rejects such a request before the function runs
   */
  public InvokeResult invoke(String function, byte[] event) {
    FunctionDefinition definition = application.find(function);
    byte[] payload = event.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : event;
    checkPayload(payload);
    List<String> logs = new ArrayList<>();
    Consumer<String> log = line -> {
      synchronized (logs) {
        logs.add(line);
      }
      output.accept(line);
    };
    String functionArn = "arn:aws:lambda:" + region + ":" + accountId + ":function:"
        + definition.name();
    LocalContext context = new LocalContext(definition.logicalId(), definition.name(),
        functionArn, definition.memorySize(), definition.timeoutSeconds(), definition.logging(),
        log);
    // The runtime runs the function with the class loader of its code as the context's.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return invoke(definition, payload, context, log, logs);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private InvokeResult invoke(FunctionDefinition definition, byte[] payload,
      LocalContext context, Consumer<String> log, List<String> logs) {
    JavaHandler handler;
    try {
      handler = handlers.computeIfAbsent(definition.logicalId(), id -> {
        environmentNote(definition).ifPresent(log);
        return JavaHandler.load(definition.handler(), loader);
      });
    } catch (JavaHandler.LoadException e) {
      // The runtime logs the fault with the trace of its cause, and returns it without frames.
      context.logFault(e.getMessage()
          + (e.getCause() == null ? "" : "\n" + trace(e.getCause())));
      return InvokeResult.failed(definition.logicalId(), context.getAwsRequestId(), e.error(),
          logs);
    }
    try {
      byte[] response = handler.invoke(payload, context);
      return new InvokeResult(definition.logicalId(), context.getAwsRequestId(), response,
          Optional.empty(), logs);
    } catch (Exception | Error e) {
      // The Java runtime reports any Throwable as a function error.
      LambdaError error = LambdaError.of(e);
      context.logFault(trace(e));
      return InvokeResult.failed(definition.logicalId(), context.getAwsRequestId(), error, logs);
    }
  }

  /** Releases the class loader of {@link #forClassDirectory}, if this invoker made one. */
  @Override
  public void close() {
    if (ownedLoader != null) {
      try {
        ownedLoader.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A line for the output when the JVM's environment differs from the function's
   * {@code Environment.Variables}: a running JVM cannot change its own environment.
   */
  static Optional<String> environmentNote(FunctionDefinition function) {
    List<String> differing = function.environmentNotApplied(System.getenv());
    if (differing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("[laconic] " + function.logicalId() + ": this JVM's environment lacks"
        + " the template's " + String.join(", ", differing) + " (or holds other values); the"
        + " function sees the environment the JVM was started with. Start it with them set"
        + " (env NAME=value java ...) to see them as on Lambda.");
  }

  private static void checkPayload(byte[] payload) {
    if (payload.length > MAX_PAYLOAD_BYTES) {
      throw new IllegalArgumentException("The event has " + payload.length + " bytes; Lambda"
          + " accepts at most " + MAX_PAYLOAD_BYTES + " (6 MB) for a synchronous invocation.");
    }
    try {
      JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The event is not JSON, and Lambda would reject it"
          + " before the function runs: " + e.getOriginalMessage() + " (line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String trace(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }

  /** Where the classes come from, where logs go, and the region and account of the ARN. */
  public static final class Builder {

    private final Application application;
    private final URLClassLoader ownedLoader;
    private ClassLoader loader;
    private Consumer<String> output = System.out::println;
    private String region = "us-east-1";
    private String accountId = "000000000000";

    private Builder(Application application, URLClassLoader ownedLoader) {
      this.application = application;
      this.ownedLoader = ownedLoader;
      this.loader = ownedLoader != null ? ownedLoader
          : Thread.currentThread().getContextClassLoader();
    }

    /** The class loader the handlers are loaded from; the context class loader by default. */
    public Builder classLoader(ClassLoader loader) {
      this.loader = loader;
      return this;
    }

    /** Where function logs go, line by line, as they are written; standard output by default. */
    public Builder output(Consumer<String> output) {
      this.output = output;
      return this;
    }

    /** The region of the function's ARN; {@code us-east-1} by default. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The account of the function's ARN; {@code 000000000000} by default. */
    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public LocalInvoker build() {
      return new LocalInvoker(this);
    }
  }
}
