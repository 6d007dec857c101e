package dev.laconic.processor.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.processor.cfn.PolicyStatements;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.TriggerModel;
import dev.laconic.processor.parse.AnnotationReader;
import java.util.List;
import java.util.function.Function;

/**
 * One kind of event source, such as a DynamoDB stream: everything the pipeline needs to know
 * about it, each step in one method, so that a new source is one package and a registration line
 * in {@link EventSources}.
 *
 * <p>The pipeline calls a source at each step: {@link #read parse} the trigger annotation into
 * the source's {@link TriggerModel} record, match the handler against its {@link #signatures()},
 * {@link #validate} the triggers, write the template's {@link #addPermissions permissions} and
 * {@link #mappingProperties event source mappings}, and {@link #adapter generate} the adapter.
 *
 * @param <T> the source's trigger record
 */
public interface EventSource<T extends TriggerModel> {

  /** The trigger annotation's qualified name, such as {@code dev.laconic.annotations.X}. */
  String annotation();

  /** The container javac wraps repeated trigger annotations in. */
  String container();

  /** The record this source's triggers are read into. */
  Class<T> triggerType();

  /**
   * Reads one trigger annotation into its record.
   *
   * @param baseResources the resources of the user's base template by logical id, for
   *     {@code @Name} values; null for an unknown name
   */
  T read(AnnotationReader annotation, Function<String, ArnRef.Resource> baseResources);

  /**
   * The types this source's handlers need from the AWS events library: the first one missing is
   * reported (LACONIC-002) and no handler of the source is parsed further.
   */
  List<String> requiredTypes();

  /** The handler signatures a method with this source's trigger may have. */
  Signatures signatures();

  /**
   * Checks the triggers of one function (all of this source) against what Lambda accepts, each
   * on its own and together (a stream read twice).
   */
  ValidationReport validate(List<T> triggers, FunctionModel function);

  /** Adds what reading the sources of {@code triggers} needs to the function's IAM policy. */
  void addPermissions(List<T> triggers, FunctionModel function, PolicyStatements statements);

  /**
   * The event source mappings' logical id after the function's stem: {@code StreamMapping} gives
   * {@code OrderEventsEchoStreamMapping}, {@code ...StreamMapping2} for a second trigger.
   */
  String mappingIdSuffix();

  /**
   * The properties of the event source mapping of {@code trigger}.
   *
   * @param invokedId the logical id of what the mapping invokes: the function, or its alias when
   *     the function publishes versions for SnapStart
   */
  ObjectNode mappingProperties(T trigger, FunctionModel function, String invokedId);

  /**
   * How the SAM variant of the template writes this source's mappings: as events of this type
   * ({@code DynamoDB}, {@code Kinesis}, {@code SQS}) on the {@code AWS::Serverless::Function},
   * with the mapping's {@code EventSourceArn} under {@code arnProperty} ({@code Stream},
   * {@code Queue}); SAM writes every other property to the mapping as it is.
   */
  SamEvent samEvent();

  /** A SAM event type and the name SAM gives the event source's ARN in it. */
  record SamEvent(String type, String arnProperty) {}

  /** How the function's adapter receives events and answers. */
  AdapterShape adapter(FunctionModel function);
}
