package dev.laconic.processor.parse;

import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.DynamoStreamTriggers;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.StreamTriggerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/** Reads the {@code @DynamoStreamTrigger}s of a method, repeated or not, in source order. */
final class DynamoStreamTriggerReader {

  static final String ANNOTATION = DynamoStreamTrigger.class.getCanonicalName();
  static final String CONTAINER = DynamoStreamTriggers.class.getCanonicalName();

  private final Elements elements;
  private final java.util.function.Function<String, ArnRef.Resource> baseResources;

  DynamoStreamTriggerReader(Elements elements, java.util.function.Function<String, ArnRef.Resource> baseResources) {
    this.elements = elements;
    this.baseResources = baseResources;
  }

  List<StreamTriggerModel> read(ExecutableElement method) {
    List<StreamTriggerModel> triggers = new ArrayList<>();
    for (Annotations.Found found :
        Annotations.repeated(elements, method, ANNOTATION, CONTAINER)) {
      triggers.add(read(new AnnotationReader(elements, method, found.mirror(), found.repeated())));
    }
    return triggers;
  }

  private StreamTriggerModel read(AnnotationReader a) {
    String onFailure = a.string("onFailure", "");
    return new StreamTriggerModel(
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
        a.strings("filters"),
        a.enumConstants("metrics", MappingMetric.class),
        a.origin());
  }
}
