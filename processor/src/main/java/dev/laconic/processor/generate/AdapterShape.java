package dev.laconic.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.laconic.processor.model.FunctionModel;

/**
 * What an event source puts into an adapter: the types it reads and answers with, and the code
 * that hands one record to a per-record handler and reports one that failed. The {@link
 * AdapterGenerator} builds the rest, the same for every source.
 */
public interface AdapterShape {

  /** The event type, such as {@code DynamodbEvent}. */
  ClassName event();

  /** The record type of the event's {@code getRecords()}. */
  ClassName record();

  /** The response type, such as {@code StreamsEventResponse}. */
  ClassName response();

  /**
   * The class whose static {@code read(InputStream)} and {@code write(response, OutputStream)}
   * the stream flavor calls, such as {@code StreamEventJson}.
   */
  ClassName json();

  /** The statement calling the handler with {@code record}, for per-record handlers. */
  CodeBlock recordCall(FunctionModel function);

  /** An expression for a response that reports no failure. */
  CodeBlock noFailures();

  /**
   * An expression for the response when the handler threw {@code e} on {@code record}: a call
   * into the run-time library that logs the failure and reports the record, so no adapter carries
   * its own copy of that logic.
   */
  CodeBlock failure(FunctionModel function);
}
