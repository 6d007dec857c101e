package dev.laconic.processor.source.kinesis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.annotations.DestinationKind;
import dev.laconic.annotations.KinesisTrigger;
import dev.laconic.annotations.KinesisTriggers;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.cfn.PolicyStatements;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.HandlerShape.Input;
import dev.laconic.processor.model.KinesisTriggerModel;
import dev.laconic.processor.parse.AnnotationReader;
import dev.laconic.processor.source.EventSource;
import dev.laconic.processor.source.Signatures;
import dev.laconic.processor.source.Signatures.Signature;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Kinesis data streams: {@code @KinesisTrigger} on a handler of {@code KinesisEvent}, its
 * records, a table's changes ({@code StreamChange<T>}) or a tumbling window.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html">Using Lambda
 *     with Kinesis Data Streams</a>
 */
public final class KinesisSource implements EventSource<KinesisTriggerModel> {

  static final String EVENTS = "com.amazonaws.services.lambda.runtime.events";
  static final String KINESIS_EVENT = EVENTS + ".KinesisEvent";
  static final String RECORD = KINESIS_EVENT + ".KinesisEventRecord";
  static final String WINDOW_EVENT = EVENTS + ".KinesisTimeWindowEvent";
  static final String STREAMS_RESPONSE = EVENTS + ".StreamsEventResponse";
  static final String WINDOW_RESPONSE = EVENTS + ".TimeWindowEventResponse";
  static final String STREAM_CHANGE = "dev.laconic.stream.StreamChange";

  private static final Signatures SIGNATURES = new Signatures(List.of(
      Signature.of(Input.BATCH, KINESIS_EVENT, Signature.VOID, STREAMS_RESPONSE),
      Signature.of(Input.RECORD, RECORD, Signature.VOID),
      Signature.of(Input.WINDOW, WINDOW_EVENT, WINDOW_RESPONSE),
      Signature.ofUserType(Input.CHANGE, STREAM_CHANGE, Signature.VOID),
      Signature.userType(Input.JSON_BODY, Signature.VOID)),
      "  void                    m(KinesisEvent event)\n"
          + "  StreamsEventResponse    m(KinesisEvent event)\n"
          + "  void                    m(KinesisEvent.KinesisEventRecord record)\n"
          + "  void                    m(T data)\n"
          + "  void                    m(StreamChange<T> change)\n"
          + "  TimeWindowEventResponse m(KinesisTimeWindowEvent window)\n"
          + "each optionally followed by a Context parameter, with KinesisEvent,"
          + " KinesisTimeWindowEvent, StreamsEventResponse and TimeWindowEventResponse from"
          + " com.amazonaws.services.lambda.runtime.events, Context from"
          + " com.amazonaws.services.lambda.runtime, StreamChange from dev.laconic.stream (for a"
          + " table's changes delivered through Kinesis Data Streams for DynamoDB), and T a record"
          + " or class of your own, read from each record's JSON data.");

  @Override
  public String annotation() {
    return KinesisTrigger.class.getCanonicalName();
  }

  @Override
  public String container() {
    return KinesisTriggers.class.getCanonicalName();
  }

  @Override
  public Class<KinesisTriggerModel> triggerType() {
    return KinesisTriggerModel.class;
  }

  @Override
  public KinesisTriggerModel read(AnnotationReader a,
      Function<String, ArnRef.Resource> baseResources) {
    String consumer = a.string("consumerArn", "");
    String onFailure = a.string("onFailure", "");
    return new KinesisTriggerModel(
        ArnRef.parse(a.string("streamArn", ""), baseResources),
        consumer.isEmpty() ? Optional.empty() : Optional.of(ArnRef.parse(consumer, baseResources)),
        a.enumConstant("startingPosition", StartingPosition.class, StartingPosition.TRIM_HORIZON),
        a.string("startingPositionTimestamp", ""),
        a.integer("batchSize", 100),
        a.bool("enabled", true),
        a.integer("maximumBatchingWindowInSeconds", 0),
        a.integer("maximumRetryAttempts", -1),
        a.integer("maximumRecordAgeInSeconds", -1),
        a.bool("bisectBatchOnFunctionError", false),
        a.integer("parallelizationFactor", 1),
        a.integer("tumblingWindowInSeconds", 0),
        onFailure.isEmpty() ? Optional.empty() : Optional.of(ArnRef.parse(onFailure, baseResources)),
        a.enumConstant("onFailureKind", DestinationKind.class, DestinationKind.AUTO),
        a.strings("filters"),
        a.enumConstants("metrics", MappingMetric.class),
        a.origin());
  }

  @Override
  public List<String> requiredTypes() {
    return List.of(KINESIS_EVENT, WINDOW_EVENT, STREAMS_RESPONSE, WINDOW_RESPONSE);
  }

  @Override
  public Signatures signatures() {
    return SIGNATURES;
  }

  @Override
  public ValidationReport validate(List<KinesisTriggerModel> triggers, FunctionModel function) {
    return KinesisValidator.validate(triggers, function.shape());
  }

  @Override
  public void addPermissions(List<KinesisTriggerModel> triggers, FunctionModel function,
      PolicyStatements statements) {
    KinesisTemplate.addPermissions(triggers, statements);
  }

  @Override
  public String mappingIdSuffix() {
    return "KinesisMapping";
  }

  @Override
  public SamEvent samEvent() {
    return new SamEvent("Kinesis", "Stream");
  }

  @Override
  public ObjectNode mappingProperties(KinesisTriggerModel trigger, FunctionModel function,
      String invokedId) {
    return KinesisTemplate.mappingProperties(trigger, function, invokedId);
  }

  @Override
  public AdapterShape adapter(FunctionModel function) {
    return KinesisAdapter.of(function);
  }
}
