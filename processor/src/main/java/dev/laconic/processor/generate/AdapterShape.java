package dev.laconic.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * What an event source puts into one function's adapter: the types it reads and answers with,
 * the run-time library methods that read and write them, and the code that hands one record to a
 * per-record handler and reports one that failed. The {@link AdapterGenerator} builds the rest,
 * the same for every source.
 *
 * @param event the event type the adapter's {@code handle} takes, such as {@code DynamodbEvent}
 * @param record the record type of the event's {@code getRecords()}
 * @param response the response type, such as {@code StreamsEventResponse}
 * @param reader the class whose static {@code readMethod(InputStream)} reads the event
 * @param writer the class whose static {@code writeMethod(response, OutputStream)} writes the
 *     response as the Lambda runtime does
 * @param recordCall for per-record handlers, the statement that calls the handler with
 *     {@code record}; null for handlers of the whole event
 * @param noFailures an expression for a response that reports no failure
 * @param failure an expression for the response when the handler threw {@code e} on {@code
 *     record}: a call into the run-time library that logs the failure and reports the record
 * @param recordLoop for per-record handlers of a source that does not stop at the first failure
 *     (SQS), the whole body of {@code handle}; null for the stream loop, which returns at the
 *     first failure so that order holds
 * @param priming what the adapter of a SnapStart function primes with; null for a source that
 *     gives none
 */
public record AdapterShape(ClassName event, ClassName record, ClassName response,
    ClassName reader, String readMethod, ClassName writer, String writeMethod,
    CodeBlock recordCall, CodeBlock noFailures, CodeBlock failure, CodeBlock recordLoop,
    Priming priming) {

  /**
   * How a SnapStart adapter primes its reading, mapping and writing: the same reader reads
   * {@code event}, {@code mapRecord} maps each of its records as the handler call would, and the
   * same writer writes {@code response}. The handler is never called.
   *
   * @param event an {@code InputStream} expression: a synthetic event of {@code
   *     dev.laconic.snapstart.SyntheticEvents}
   * @param mapRecord the statements that map {@code record}, the argument of a per-record or
   *     typed handler without the call; null for handlers of raw records or of the whole event,
   *     whose event is read through instead ({@code SyntheticEvents.readAll})
   * @param response an expression of the response type, to write
   */
  public record Priming(CodeBlock event, CodeBlock mapRecord, CodeBlock response) {}

  /** This shape, primed as {@code priming} says. */
  public AdapterShape withPriming(Priming priming) {
    return new AdapterShape(event, record, response, reader, readMethod, writer, writeMethod,
        recordCall, noFailures, failure, recordLoop, priming);
  }

  /** A shape without priming, whose per-record handlers may have a loop of their own. */
  public AdapterShape(ClassName event, ClassName record, ClassName response, ClassName reader,
      String readMethod, ClassName writer, String writeMethod, CodeBlock recordCall,
      CodeBlock noFailures, CodeBlock failure, CodeBlock recordLoop) {
    this(event, record, response, reader, readMethod, writer, writeMethod, recordCall,
        noFailures, failure, recordLoop, null);
  }

  private static final String EVENTS = "com.amazonaws.services.lambda.runtime.events";
  private static final ClassName STREAMS_RESPONSE = ClassName.get(EVENTS, "StreamsEventResponse");
  private static final ClassName WINDOW_RESPONSE =
      ClassName.get(EVENTS, "TimeWindowEventResponse");
  private static final ClassName STREAM_EVENT_JSON =
      ClassName.get("dev.laconic.stream", "StreamEventJson");
  private static final ClassName TIME_WINDOW_JSON =
      ClassName.get("dev.laconic.stream", "TimeWindowJson");
  private static final ClassName BATCH_ITEM_FAILURES =
      ClassName.get("dev.laconic.stream", "BatchItemFailures");

  /**
   * The shape of a stream source (DynamoDB streams, Kinesis): {@code StreamsEventResponse} out,
   * written as the runtime writes it, and a failing record reported by its sequence number
   * through {@code BatchItemFailures}, which has an overload per record type.
   *
   * @param reader the class whose static {@code read(InputStream)} reads {@code event}
   * @param recordCall the statement calling a per-record handler; null for the whole event
   */
  public static AdapterShape stream(ClassName event, ClassName record, ClassName reader,
      CodeBlock recordCall, String function) {
    return new AdapterShape(event, record, STREAMS_RESPONSE, reader, "read", STREAM_EVENT_JSON,
        "write", recordCall,
        CodeBlock.of("new $T($T.of())", STREAMS_RESPONSE, List.class),
        CodeBlock.of("$T.firstFailure($S, record, e, context)", BATCH_ITEM_FAILURES, function));
  }

  /**
   * The shape of a stream source's tumbling window: {@code windowEvent} in, read by {@code
   * reader.readWindow}, {@code TimeWindowEventResponse} out.
   */
  public static AdapterShape window(ClassName windowEvent, ClassName record, ClassName reader) {
    return new AdapterShape(windowEvent, record, WINDOW_RESPONSE, reader, "readWindow",
        TIME_WINDOW_JSON, "write", null, null, null);
  }

  /** A shape whose per-record handlers run the stream loop. */
  public AdapterShape(ClassName event, ClassName record, ClassName response, ClassName reader,
      String readMethod, ClassName writer, String writeMethod, CodeBlock recordCall,
      CodeBlock noFailures, CodeBlock failure) {
    this(event, record, response, reader, readMethod, writer, writeMethod, recordCall,
        noFailures, failure, null);
  }
}
