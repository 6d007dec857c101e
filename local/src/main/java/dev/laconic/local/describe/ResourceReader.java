package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.describe.ResourceNode.Service;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sources and destinations the template declares: DynamoDB tables with their streams,
 * Kinesis streams, SQS queues, SNS topics; what each sets, and where a table also writes its
 * changes or a queue its dead letters.
 */
final class ResourceReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResourceReader() {}

  /** Whether the template's resources of {@code type} are drawn even when nothing names them. */
  static boolean drawn(String type) {
    return References.serviceOfType(type) != Service.OTHER
        && !type.equals("AWS::Kinesis::StreamConsumer");
  }

  static ResourceNode read(String id, String type, JsonNode properties) {
    Service service = References.serviceOfType(type);
    Settings settings = new Settings(properties);
    switch (service) {
      case DYNAMODB -> {
        settings.addIfSet("Table name", "TableName");
        key(properties, settings);
        JsonNode viewType = properties.path("StreamSpecification").path("StreamViewType");
        settings.add("Stream", viewType.isMissingNode() ? "none" : TemplateText.of(viewType));
        settings.addOrDefault("Billing", "BillingMode", "PROVISIONED");
        JsonNode kinesis = properties.path("KinesisStreamSpecification").path("StreamArn");
        if (!kinesis.isMissingNode()) {
          settings.add("Changes also to", TemplateText.named(kinesis));
        }
        List<String> indexes = new ArrayList<>();
        properties.path("GlobalSecondaryIndexes")
            .forEach(index -> indexes.add(index.path("IndexName").asText()));
        if (!indexes.isEmpty()) {
          settings.add("Global indexes", String.join(", ", indexes));
        }
        JsonNode ttl = properties.path("TimeToLiveSpecification");
        if (ttl.path("Enabled").asBoolean(false)) {
          settings.add("Time to live", ttl.path("AttributeName").asText());
        }
      }
      case KINESIS -> {
        settings.addIfSet("Stream name", "Name");
        if (properties.path("StreamModeDetails").path("StreamMode").asText()
            .equals("ON_DEMAND")) {
          settings.add("Capacity", "on demand");
        } else {
          settings.addWithUnit("Shards", "ShardCount", "", null);
        }
        settings.addWithUnit("Retention", "RetentionPeriodHours", " h", "24 h");
      }
      case SQS -> {
        settings.addIfSet("Queue name", "QueueName");
        if (properties.path("FifoQueue").asText().equals("true")) {
          settings.add("FIFO", "yes");
        }
        settings.addSeconds("Visibility timeout", "VisibilityTimeout", "30 s");
        settings.addSeconds("Retention", "MessageRetentionPeriod", "4 days");
        redrivePolicy(properties).ifPresent(redrive -> settings.add("Dead letters",
            TemplateText.named(redrive.path("deadLetterTargetArn")) + " after "
                + redrive.path("maxReceiveCount").asText("?") + " receives"));
      }
      case SNS -> {
        settings.addIfSet("Topic name", "TopicName");
        if (properties.path("FifoTopic").asText().equals("true")) {
          settings.add("FIFO", "yes");
        }
      }
      default -> settings.addIfSet("Name", "BucketName");
    }
    return new ResourceNode(id, service, type, settings.list());
  }

  /** Where the resource passes on what it holds: a table's Kinesis stream, a queue's DLQ. */
  static List<Link> links(String id, JsonNode properties, References references) {
    List<Link> links = new ArrayList<>();
    JsonNode kinesis = properties.path("KinesisStreamSpecification").path("StreamArn");
    if (!kinesis.isMissingNode()) {
      links.add(new Link(id, references.nodeOf(kinesis, Service.KINESIS), Link.Kind.CHANGES));
    }
    redrivePolicy(properties).map(redrive -> redrive.path("deadLetterTargetArn"))
        .filter(target -> !target.isMissingNode())
        .ifPresent(target -> links.add(new Link(id, references.nodeOf(target, Service.SQS),
            Link.Kind.DEAD_LETTERS)));
    return links;
  }

  private static void key(JsonNode properties, Settings settings) {
    for (JsonNode key : properties.path("KeySchema")) {
      String name = key.path("AttributeName").asText();
      String type = "";
      for (JsonNode attribute : properties.path("AttributeDefinitions")) {
        if (attribute.path("AttributeName").asText().equals(name)) {
          type = " (" + attribute.path("AttributeType").asText() + ")";
        }
      }
      settings.add(key.path("KeyType").asText().equals("RANGE") ? "Sort key" : "Partition key",
          name + type);
    }
  }

  /** A queue's {@code RedrivePolicy}: an object, or (as older templates write it) JSON text. */
  private static Optional<JsonNode> redrivePolicy(JsonNode properties) {
    JsonNode policy = properties.path("RedrivePolicy");
    if (policy.isTextual()) {
      try {
        policy = JSON.readTree(policy.asText());
      } catch (IOException notJson) {
        return Optional.empty();
      }
    }
    return policy.isObject() ? Optional.of(policy) : Optional.empty();
  }
}
