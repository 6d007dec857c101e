package dev.laconic.processor.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

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
 */
public record AdapterShape(ClassName event, ClassName record, ClassName response,
    ClassName reader, String readMethod, ClassName writer, String writeMethod,
    CodeBlock recordCall, CodeBlock noFailures, CodeBlock failure, CodeBlock recordLoop) {

  /** A shape whose per-record handlers run the stream loop. */
  public AdapterShape(ClassName event, ClassName record, ClassName response, ClassName reader,
      String readMethod, ClassName writer, String writeMethod, CodeBlock recordCall,
      CodeBlock noFailures, CodeBlock failure) {
    this(event, record, response, reader, readMethod, writer, writeMethod, recordCall,
        noFailures, failure, null);
  }
}
