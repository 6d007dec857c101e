package dev.laconic.processor.source;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.processor.cfn.PolicyStatements;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.TriggerModel;
import dev.laconic.processor.source.dynamodb.DynamoDbSource;
import dev.laconic.processor.source.kinesis.KinesisSource;
import dev.laconic.processor.source.sqs.SqsSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The event sources Laconic knows, in the order their triggers are looked for: the one place a
 * new source is registered.
 */
public final class EventSources {

  /** Every source. A new one is added here, and its record to {@link TriggerModel}'s permits. */
  public static final List<EventSource<?>> ALL = List.of(
      new DynamoDbSource(),
      new KinesisSource(),
      new SqsSource());

  private EventSources() {}

  /** The source that reads {@code trigger}'s kind of record. */
  public static EventSource<?> of(TriggerModel trigger) {
    for (EventSource<?> source : ALL) {
      if (source.triggerType().isInstance(trigger)) {
        return source;
      }
    }
    throw new IllegalArgumentException("no event source reads " + trigger.getClass());
  }

  /**
   * The triggers of {@code function} with their source, a group per source in registry order
   * (a function has triggers of one source, but models built by hand need not).
   */
  public static List<Triggers<?>> groups(FunctionModel function) {
    List<Triggers<?>> groups = new ArrayList<>();
    for (EventSource<?> source : ALL) {
      Triggers<?> group = Triggers.of(source, function.triggers());
      if (!group.triggers().isEmpty()) {
        groups.add(group);
      }
    }
    return groups;
  }

  /** The source of {@code function}'s triggers: the source of its first. */
  public static EventSource<?> of(FunctionModel function) {
    if (function.triggers().isEmpty()) {
      throw new IllegalArgumentException(function.displayName() + " has no trigger");
    }
    return of(function.triggers().get(0));
  }

  /**
   * The triggers of one source, typed, so the pipeline can hand them to their source without
   * knowing its record.
   */
  public record Triggers<T extends TriggerModel>(EventSource<T> source, List<T> triggers) {

    static <T extends TriggerModel> Triggers<T> of(EventSource<T> source,
        List<TriggerModel> all) {
      List<T> mine = new ArrayList<>();
      for (TriggerModel trigger : all) {
        if (source.triggerType().isInstance(trigger)) {
          mine.add(source.triggerType().cast(trigger));
        }
      }
      return new Triggers<>(source, List.copyOf(mine));
    }

    public ValidationReport validate(FunctionModel function) {
      return source.validate(triggers, function);
    }

    public void addPermissions(FunctionModel function, PolicyStatements statements) {
      source.addPermissions(triggers, function, statements);
    }

    /** The mapping properties of each trigger, in source order. */
    public List<ObjectNode> mappingProperties(FunctionModel function, String invokedId) {
      return triggers.stream()
          .map(trigger -> source.mappingProperties(trigger, function, invokedId))
          .toList();
    }
  }
}
