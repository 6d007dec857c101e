package dev.laconic.processor.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.annotations.MappingMetric;
import dev.laconic.processor.diag.Origin;
import java.util.List;

/**
 * One {@code @SqsTrigger}: an SQS queue and how the mapping polls it.
 *
 * @param maximumConcurrency 0 for no limit of the mapping's own
 * @param key the customer managed KMS key of a queue of the base template, resolved while
 *     reading, when it has one
 */
public record SqsTriggerModel(
    ArnRef queueArn,
    int batchSize,
    int maximumBatchingWindowInSeconds,
    int maximumConcurrency,
    boolean enabled,
    List<String> filters,
    List<MappingMetric> metrics,
    QueueKey key,
    Origin origin) implements TriggerModel {

  /**
   * The KMS key a queue's messages are encrypted with, as the role must be granted
   * {@code kms:Decrypt} on it.
   *
   * @param arn the key's ARN as a template value; null when no grant is needed or possible
   * @param unresolved the queue's {@code KmsMasterKeyId} as written when it names a key Laconic
   *     cannot grant on (an alias, a parameter, another intrinsic); empty otherwise
   */
  public record QueueKey(JsonNode arn, String unresolved) {

    /** No key, or SQS's own managed key, which needs no grant. */
    public static final QueueKey NONE = new QueueKey(null, "");
  }

  public SqsTriggerModel {
    filters = List.copyOf(filters);
    metrics = List.copyOf(metrics);
  }

  /** A trigger on {@code queueArn} with every other setting at its default. */
  public static SqsTriggerModel of(ArnRef queueArn) {
    return new SqsTriggerModel(queueArn, 10, 0, 0, true, List.of(), List.of(), QueueKey.NONE,
        Origin.NONE);
  }

  @Override
  public ArnRef sourceArn() {
    return queueArn;
  }

  @Override
  public List<ParameterUse> parameterUses() {
    return queueArn instanceof ArnRef.Parameter p
        ? List.of(new ParameterUse(p.name(), ArnKind.SQS_QUEUE, "queueArn", origin.at("queueArn")))
        : List.of();
  }

  /**
   * Whether the queue is FIFO as far as the sources tell: a literal ARN ending in {@code .fifo},
   * or a queue of the base template with {@code FifoQueue: true}. A parameter is not known.
   */
  public boolean knownFifo() {
    if (queueArn instanceof ArnRef.Literal literal) {
      return literal.arn().endsWith(".fifo");
    }
    return queueArn instanceof ArnRef.Resource resource
        && resource.properties().path("FifoQueue").asText("").equalsIgnoreCase("true");
  }
}
