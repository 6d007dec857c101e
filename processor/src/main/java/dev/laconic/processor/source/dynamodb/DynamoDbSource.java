package dev.laconic.processor.source.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.annotations.DestinationKind;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.DynamoStreamTriggers;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.cfn.PolicyStatements;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.generate.AdapterShape;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.HandlerShape.Input;
import dev.laconic.processor.model.DynamoStreamTriggerModel;
import dev.laconic.processor.parse.AnnotationReader;
import dev.laconic.processor.source.EventSource;
import dev.laconic.processor.source.Signatures;
import dev.laconic.processor.source.Signatures.Signature;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * DynamoDB streams: {@code @DynamoStreamTrigger} on a handler of {@code DynamodbEvent}, its
 * records, or the user's own type mapped from the items' images.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using Lambda with
 *     DynamoDB</a>
 */
public final class DynamoDbSource implements EventSource<DynamoStreamTriggerModel> {

  static final String EVENTS = "com.amazonaws.services.lambda.runtime.events";
  static final String DYNAMODB_EVENT = EVENTS + ".DynamodbEvent";
  static final String STREAM_RECORD = DYNAMODB_EVENT + ".DynamodbStreamRecord";
  static final String STREAMS_RESPONSE = EVENTS + ".StreamsEventResponse";
  static final String WINDOW_EVENT = EVENTS + ".DynamodbTimeWindowEvent";
  static final String WINDOW_RESPONSE = EVENTS + ".TimeWindowEventResponse";
  static final String STREAM_CHANGE = "dev.laconic.stream.StreamChange";

  private static final Signatures SIGNATURES = new Signatures(List.of(
      Signature.of(Input.BATCH, DYNAMODB_EVENT, Signature.VOID, STREAMS_RESPONSE),
      Signature.of(Input.RECORD, STREAM_RECORD, Signature.VOID),
      Signature.of(Input.WINDOW, WINDOW_EVENT, WINDOW_RESPONSE),
      Signature.ofUserType(Input.CHANGE, STREAM_CHANGE, Signature.VOID),
      Signature.userType(Input.NEW_IMAGE, Signature.VOID)),
      "  void                 m(DynamodbEvent event)\n"
          + "  void                 m(DynamodbEvent event, Context context)\n"
          + "  StreamsEventResponse m(DynamodbEvent event)\n"
          + "  StreamsEventResponse m(DynamodbEvent event, Context context)\n"
          + "  void                 m(DynamodbEvent.DynamodbStreamRecord record)\n"
          + "  void                 m(DynamodbEvent.DynamodbStreamRecord record, Context context)\n"
          + "  void                 m(T newImage)\n"
          + "  void                 m(T newImage, Context context)\n"
          + "  void                 m(StreamChange<T> change)\n"
          + "  void                 m(StreamChange<T> change, Context context)\n"
          + "  TimeWindowEventResponse m(DynamodbTimeWindowEvent window)\n"
          + "  TimeWindowEventResponse m(DynamodbTimeWindowEvent window, Context context)\n"
          + "with DynamodbEvent, DynamodbTimeWindowEvent, StreamsEventResponse and"
          + " TimeWindowEventResponse from com.amazonaws.services.lambda.runtime.events, Context"
          + " from com.amazonaws.services.lambda.runtime, StreamChange from dev.laconic.stream, and"
          + " T a record or class of your own.");

  @Override
  public String annotation() {
    return DynamoStreamTrigger.class.getCanonicalName();
  }

  @Override
  public String container() {
    return DynamoStreamTriggers.class.getCanonicalName();
  }

  @Override
  public Class<DynamoStreamTriggerModel> triggerType() {
    return DynamoStreamTriggerModel.class;
  }

  @Override
  public DynamoStreamTriggerModel read(AnnotationReader a,
      Function<String, ArnRef.Resource> baseResources) {
    String onFailure = a.string("onFailure", "");
    return new DynamoStreamTriggerModel(
        ArnRef.parse(a.string("streamArn", ""), baseResources),
        a.enumConstant("startingPosition", StartingPosition.class, StartingPosition.TRIM_HORIZON),
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
    return List.of(DYNAMODB_EVENT, STREAMS_RESPONSE, WINDOW_EVENT, WINDOW_RESPONSE);
  }

  @Override
  public Signatures signatures() {
    return SIGNATURES;
  }

  @Override
  public ValidationReport validate(List<DynamoStreamTriggerModel> triggers, FunctionModel function) {
    return DynamoStreamValidator.validate(triggers, function.shape());
  }

  @Override
  public void addPermissions(List<DynamoStreamTriggerModel> triggers, FunctionModel function,
      PolicyStatements statements) {
    DynamoStreamTemplate.addPermissions(triggers, statements);
  }

  @Override
  public String mappingIdSuffix() {
    return "StreamMapping";
  }

  @Override
  public SamEvent samEvent() {
    return new SamEvent("DynamoDB", "Stream");
  }

  @Override
  public ObjectNode mappingProperties(DynamoStreamTriggerModel trigger, FunctionModel function,
      String invokedId) {
    return DynamoStreamTemplate.mappingProperties(trigger, function, invokedId);
  }

  @Override
  public AdapterShape adapter(FunctionModel function) {
    return DynamoStreamAdapter.of(function);
  }
}
