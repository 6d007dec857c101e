package dev.laconic.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.LocalMain.UsageException;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.app.MappingDefinition;
import dev.laconic.local.app.TemplateValue;
import dev.laconic.local.events.EventGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code LocalMain generate-event dynamodb|kinesis|sqs}: prints an event, as
 * {@code sam local generate-event} does, for {@code invoke --event -}.
 */
final class GenerateEventCommand {

  private static final ObjectMapper JSON = new ObjectMapper();

  private GenerateEventCommand() {}

  /** The event sources, as the first argument names them, and the service of their ARNs. */
  private enum Source {
    DYNAMODB("dynamodb"), KINESIS("kinesis"), SQS("sqs");

    final String service;

    Source(String service) {
      this.service = service;
    }
  }

  /** Runs {@code generate-event} with the arguments after it; returns the exit status. */
  static int run(String[] args, Consumer<String> out, Consumer<String> err) {
    if (args.length < 2) {
      throw new UsageException("generate-event needs a source: dynamodb, kinesis or sqs");
    }
    Source source = switch (args[1]) {
      case "dynamodb" -> Source.DYNAMODB;
      case "kinesis" -> Source.KINESIS;
      case "sqs" -> Source.SQS;
      default -> throw new UsageException("generate-event: unknown source " + args[1]
          + "; it is one of dynamodb, kinesis, sqs");
    };
    String sourceArn = null;
    String function = null;
    Path template = null;
    JsonNode keys = null;
    JsonNode newImage = null;
    JsonNode oldImage = null;
    String partitionKey = "1";
    List<String> records = new ArrayList<>();
    boolean fifo = false;
    String groupId = null;
    for (int i = 2; i < args.length; i++) {
      String arg = args[i];
      switch (source.name() + " " + arg) {
        case "DYNAMODB --keys" -> keys = json(arg, LocalMain.value(args, ++i));
        case "DYNAMODB --new-image" -> newImage = json(arg, LocalMain.value(args, ++i));
        case "DYNAMODB --old-image" -> oldImage = json(arg, LocalMain.value(args, ++i));
        case "KINESIS --data", "SQS --body" -> records.add(LocalMain.value(args, ++i));
        case "KINESIS --partition-key" -> partitionKey = LocalMain.value(args, ++i);
        case "SQS --fifo" -> fifo = true;
        case "SQS --message-group-id" -> groupId = LocalMain.value(args, ++i);
        default -> {
          switch (arg) {
            case "--source-arn" -> sourceArn = LocalMain.value(args, ++i);
            case "--function" -> function = LocalMain.value(args, ++i);
            case "--template" -> template = Path.of(LocalMain.value(args, ++i));
            default -> throw new UsageException("generate-event " + args[1]
                + ": unknown argument " + arg);
          }
        }
      }
    }
    if (sourceArn == null && function != null) {
      sourceArn = arnOfMapping(source, function, template, err).orElse(null);
    }
    if (source == Source.SQS && sourceArn != null && sourceArn.endsWith(".fifo")) {
      fifo = true;
    }
    if (sourceArn == null) {
      sourceArn = switch (source) {
        case DYNAMODB -> EventGenerator.dynamodbStreamArn(EventGenerator.DEFAULT_REGION,
            "my-table");
        case KINESIS -> EventGenerator.kinesisStreamArn();
        case SQS -> EventGenerator.sqsQueueArn(fifo);
      };
    }
    if (records.isEmpty()) {
      records.add("{\"message\": \"hello\"}");
    }
    EventGenerator generator = new EventGenerator();
    ObjectNode event;
    try {
      event = switch (source) {
        case DYNAMODB -> generator.dynamodb(sourceArn, Optional.ofNullable(keys),
            newImage == null && oldImage == null
                ? Optional.of(json("--new-image",
                    "{\"id\": {\"S\": \"item-1\"}, \"message\": {\"S\": \"hello\"}}"))
                : Optional.ofNullable(newImage),
            Optional.ofNullable(oldImage));
        case KINESIS -> generator.kinesis(sourceArn, partitionKey, records.stream()
            .map(data -> data.getBytes(StandardCharsets.UTF_8)).toList());
        case SQS -> generator.sqs(sourceArn, records, fifo
            ? Optional.of(groupId != null ? groupId : "group-1") : Optional.ofNullable(groupId));
      };
    } catch (IllegalArgumentException e) {
      throw new UsageException("generate-event " + args[1] + ": " + e.getMessage(), false);
    }
    out.accept(pretty(event));
    return 0;
  }

  /**
   * The ARN of {@code function}'s mapping of {@code source}, when the template writes it out: a
   * parameter's value is not known before deployment.
   */
  private static Optional<String> arnOfMapping(Source source, String function, Path template,
      Consumer<String> err) {
    Application application;
    try {
      application = template != null ? Application.fromTemplate(template)
          : Application.fromClassPath(Thread.currentThread().getContextClassLoader());
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new UsageException(e.getMessage(), false);
    }
    FunctionDefinition definition;
    try {
      definition = application.find(function);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), false);
    }
    for (MappingDefinition mapping : definition.mappings()) {
      TemplateValue value = mapping.eventSourceArn();
      String literal = value.literal();
      if (literal == null) {
        err.accept("[laconic] " + mapping.logicalId() + " reads " + value
            + ", a template parameter: the event has an example ARN (set one with"
            + " --source-arn).");
        continue;
      }
      if (value.resource() != null) {
        // A resource of the template: its ARN is known once deployed; until then, its name's ARN
        // in the example account. A consumer's events name its stream, which is not known here.
        String region = EventGenerator.DEFAULT_REGION;
        Optional<String> arn = switch (source + " " + value.resourceType()) {
          case "DYNAMODB AWS::DynamoDB::Table" ->
              Optional.of(EventGenerator.dynamodbStreamArn(region, literal));
          case "KINESIS AWS::Kinesis::Stream" ->
              Optional.of(EventGenerator.kinesisStreamArn(region, literal));
          case "SQS AWS::SQS::Queue" -> Optional.of(EventGenerator.sqsQueueArn(region, literal));
          default -> Optional.empty();
        };
        if (arn.isPresent()) {
          return arn;
        }
        continue;
      }
      String[] parts = literal.split(":", 6);
      if (parts.length == 6 && parts[0].equals("arn") && parts[2].equals(source.service)) {
        return Optional.of(literal);
      }
    }
    return Optional.empty();
  }

  private static JsonNode json(String option, String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UsageException(option + " is not JSON: " + e.getOriginalMessage());
    }
  }

  private static String pretty(JsonNode event) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""));
    printer.indentArraysWith(new DefaultIndenter("  ", "\n"));
    printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
