package dev.laconic.local.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.lambda.JavaHandler;
import dev.laconic.local.lambda.LocalContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Invokes one function the way the Lambda Java runtime does ({@link JavaHandler}): the event goes
 * in as JSON bytes, through the runtime's own serializer ({@code aws-lambda-java-serialization})
 * for a {@code RequestHandler<DynamodbEvent, ...>}, or as a stream for a
 * {@code RequestStreamHandler}; the response comes back as JSON and is read as Lambda reads it.
 */
public final class FunctionInvoker {

  /** What an invocation tells the mapping. */
  sealed interface Outcome {
    /** Every record succeeded: checkpoint past the batch. */
    record Success() implements Outcome {}

    /** Records before {@code index} succeeded; retry from it. */
    record PartialFailure(int index) implements Outcome {}

    /** The whole batch failed. */
    record Failure(String reason) implements Outcome {}
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FunctionDefinition function;
  private final String functionArn;
  private final Consumer<String> output;
  private final JavaHandler handler;
  private final ClassLoader loader;
  private final String mapping;
  private final Consumer<Invocation> listener;

  /**
   * Creates the function's handler once, as a Lambda execution environment does.
   *
   * @param mapping the logical id of the mapping this invokes for
   * @param listener told of each invocation, once the function has returned or thrown; null
   *     for none
   * @throws IllegalArgumentException when the handler cannot be loaded: the class is missing,
   *     cannot be created, or has no handler method Lambda would call
   */
  public FunctionInvoker(FunctionDefinition function, String mapping, String functionArn,
      ClassLoader loader, Consumer<String> output, Consumer<Invocation> listener) {
    this.mapping = mapping;
    this.listener = listener;
    this.function = function;
    this.functionArn = functionArn;
    this.output = output;
    this.loader = loader;
    try {
      this.handler = JavaHandler.load(function.handler(), loader);
    } catch (JavaHandler.LoadException e) {
      throw new IllegalArgumentException("Handler " + function.handler() + " of "
          + function.logicalId() + ": " + e.getMessage(), e);
    }
  }

  /** The function's {@code Timeout}. */
  Duration timeout() {
    return Duration.ofSeconds(function.timeoutSeconds());
  }

  /**
   * Invokes the function with {@code event}, the bytes of the event of the batch
   * {@code records} (in order).
   *
   * @param reportsBatchItemFailures whether the mapping has {@code ReportBatchItemFailures}:
   *     without it Lambda ignores the response
   * @param stopped whether the mapping interrupted the function to stop: what it throws then is
   *     the stop's doing, and is not reported as the function's failure
   */
  Outcome invoke(byte[] event, List<ObjectNode> records, boolean reportsBatchItemFailures,
      BooleanSupplier stopped) {
    String prefix = "[" + function.logicalId() + "] ";
    // A function may log from threads of its own, as LocalInvoker allows for too.
    List<String> logs = Collections.synchronizedList(new ArrayList<>());
    LocalContext context = new LocalContext(function.logicalId(), function.name(), functionArn,
        function.memorySize(), function.timeoutSeconds(), function.logging(), line -> {
          logs.add(line.startsWith(prefix) ? line.substring(prefix.length()) : line);
          output.accept(line);
        });
    byte[] response;
    // The runtime runs the function with the class loader of its code as the context's.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      response = handler.invoke(event, context);
    } catch (Exception | Error e) {
      if (stopped.getAsBoolean()) {
        return new Outcome.Failure(e.toString());
      }
      // The Java runtime reports any Throwable as a function error, and Lambda retries.
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      context.logFault("Invocation failed (" + records.size() + " records): " + trace);
      if (listener != null) {
        tell(new Invocation(function.logicalId(), Optional.of(mapping),
            context.getAwsRequestId(), EventRecords.event(records).deepCopy(), Optional.empty(),
            Optional.of(e.toString()), logs));
      }
      return new Outcome.Failure(e.toString());
    } finally {
      thread.setContextClassLoader(previous);
    }
    // Copying the event and reading the response are for a listener only: the runner's own
    // path (laconic:run, LocalMain) has none.
    if (listener != null) {
      tell(new Invocation(function.logicalId(), Optional.of(mapping),
          context.getAwsRequestId(), EventRecords.event(records).deepCopy(),
          responseJson(response), Optional.empty(), logs));
    }
    return reportsBatchItemFailures ? readResponse(response, records) : new Outcome.Success();
  }

  /**
   * Tells the listener of {@code invocation}. A listener that fails is reported and the
   * invocation's outcome still counts: thrown on, it would end the delivery of a batch already
   * taken from the shard, without a retry or a failure record.
   */
  private void tell(Invocation invocation) {
    try {
      listener.accept(invocation);
    } catch (RuntimeException e) {
      output.accept("[laconic] " + mapping + ": the invocation listener failed: " + e);
    }
  }

  /**
   * Lambda's reading of a partial batch response: none, null or an empty list is success; an
   * item without a valid identifier of this batch fails the whole batch; otherwise processing
   * resumes at the earliest reported record. See "Reporting batch item failures" in
   * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html.
   */
  private Outcome readResponse(byte[] response, List<ObjectNode> records) {
    if (response.length == 0) {
      return new Outcome.Success();
    }
    JsonNode failures;
    try {
      JsonNode tree = JSON.readTree(response);
      if (tree == null || tree.isNull()) {
        return new Outcome.Success();
      }
      failures = tree.get("batchItemFailures");
    } catch (IOException e) {
      return new Outcome.Failure("the response is not JSON: " + e.getMessage());
    }
    if (failures == null || failures.isNull() || failures.isEmpty()) {
      return new Outcome.Success();
    }
    int earliest = Integer.MAX_VALUE;
    for (JsonNode failure : failures) {
      String identifier = failure.path("itemIdentifier").asText("");
      int index = indexOf(records, identifier);
      if (index < 0) {
        return new Outcome.Failure("the response reports the item \"" + identifier
            + "\", which is no sequence number of this batch");
      }
      earliest = Math.min(earliest, index);
    }
    return new Outcome.PartialFailure(earliest);
  }

  private static Optional<JsonNode> responseJson(byte[] response) {
    if (response.length == 0) {
      return Optional.empty();
    }
    try {
      JsonNode tree = JSON.readTree(response);
      return tree == null || tree.isNull() ? Optional.empty() : Optional.of(tree);
    } catch (IOException e) {
      return Optional.of(JSON.getNodeFactory().textNode(
          new String(response, java.nio.charset.StandardCharsets.UTF_8)));
    }
  }

  static String sequenceNumber(ObjectNode record) {
    return record.path("dynamodb").path("SequenceNumber").asText();
  }

  private static int indexOf(List<ObjectNode> records, String sequenceNumber) {
    if (sequenceNumber.isEmpty()) {
      return -1;
    }
    for (int i = 0; i < records.size(); i++) {
      if (sequenceNumber(records.get(i)).equals(sequenceNumber)) {
        return i;
      }
    }
    return -1;
  }
}
