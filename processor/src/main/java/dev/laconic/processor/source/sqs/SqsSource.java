package dev.laconic.processor.source.sqs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.SqsTrigger;
import dev.laconic.annotations.SqsTriggers;
import dev.laconic.processor.cfn.PolicyStatements;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.HandlerShape.Input;
import dev.laconic.processor.model.SqsTriggerModel;
import dev.laconic.processor.parse.AnnotationReader;
import dev.laconic.processor.source.EventSource;
import dev.laconic.processor.source.Signatures;
import dev.laconic.processor.source.Signatures.Signature;
import java.util.List;
import java.util.function.Function;

/**
 * SQS queues: {@code @SqsTrigger} on a handler of {@code SQSEvent}, its messages, or the
 * on-failure records of stream mappings.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html">Using Lambda with
 *     Amazon SQS</a>
 */
public final class SqsSource implements EventSource<SqsTriggerModel> {

  static final String EVENTS = "com.amazonaws.services.lambda.runtime.events";
  static final String SQS_EVENT = EVENTS + ".SQSEvent";
  static final String MESSAGE = SQS_EVENT + ".SQSMessage";
  static final String BATCH_RESPONSE = EVENTS + ".SQSBatchResponse";
  static final String STREAM_FAILURE = "dev.laconic.sqs.StreamFailure";

  private static final Signatures SIGNATURES = new Signatures(List.of(
      Signature.of(Input.BATCH, SQS_EVENT, Signature.VOID, BATCH_RESPONSE),
      Signature.of(Input.RECORD, MESSAGE, Signature.VOID),
      Signature.of(Input.STREAM_FAILURE, STREAM_FAILURE, Signature.VOID),
      Signature.userType(Input.JSON_BODY, Signature.VOID)),
      "  void             m(SQSEvent event)\n"
          + "  SQSBatchResponse m(SQSEvent event)\n"
          + "  void             m(SQSEvent.SQSMessage message)\n"
          + "  void             m(StreamFailure failure)\n"
          + "  void             m(T body)\n"
          + "each optionally followed by a Context parameter, with SQSEvent and SQSBatchResponse"
          + " from com.amazonaws.services.lambda.runtime.events, Context from"
          + " com.amazonaws.services.lambda.runtime, and StreamFailure (the on-failure record of a"
          + " stream mapping) from dev.laconic.sqs, and T a record or class of your own, read from each"
          + " message's JSON body.");

  @Override
  public String annotation() {
    return SqsTrigger.class.getCanonicalName();
  }

  @Override
  public String container() {
    return SqsTriggers.class.getCanonicalName();
  }

  @Override
  public Class<SqsTriggerModel> triggerType() {
    return SqsTriggerModel.class;
  }

  @Override
  public SqsTriggerModel read(AnnotationReader a,
      Function<String, ArnRef.Resource> baseResources) {
    ArnRef queue = ArnRef.parse(a.string("queueArn", ""), baseResources);
    return new SqsTriggerModel(
        queue,
        a.integer("batchSize", 10),
        a.integer("maximumBatchingWindowInSeconds", 0),
        a.integer("maximumConcurrency", 0),
        a.bool("enabled", true),
        a.strings("filters"),
        a.enumConstants("metrics", MappingMetric.class),
        queue instanceof ArnRef.Resource resource
            ? SqsTemplate.key(resource.properties().path("KmsMasterKeyId"), baseResources)
            : SqsTriggerModel.QueueKey.NONE,
        a.origin());
  }

  @Override
  public List<String> requiredTypes() {
    return List.of(SQS_EVENT, BATCH_RESPONSE);
  }

  @Override
  public Signatures signatures() {
    return SIGNATURES;
  }

  @Override
  public ValidationReport validate(List<SqsTriggerModel> triggers, FunctionModel function) {
    return SqsValidator.validate(triggers, function);
  }

  @Override
  public void addPermissions(List<SqsTriggerModel> triggers, FunctionModel function,
      PolicyStatements statements) {
    SqsTemplate.addPermissions(triggers, statements);
  }

  @Override
  public String mappingIdSuffix() {
    return "QueueMapping";
  }

  @Override
  public SamEvent samEvent() {
    return new SamEvent("SQS", "Queue");
  }

  @Override
  public ObjectNode mappingProperties(SqsTriggerModel trigger, FunctionModel function,
      String invokedId) {
    return SqsTemplate.mappingProperties(trigger, function, invokedId);
  }

  @Override
  public AdapterShape adapter(FunctionModel function) {
    return SqsAdapter.of(function);
  }
}
