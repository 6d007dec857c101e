package dev.laconic.processor.generate;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.laconic.processor.model.CompositeType;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.MappedProperty;
import dev.laconic.processor.model.MappedType;
import dev.laconic.processor.model.ScalarKind;
import dev.laconic.processor.model.TypeRef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The item a SnapStart adapter primes its mapper with, written at compile time from the mapped
 * type: every property gets a value of its type (nested types, lists, sets, maps, an enum's first
 * constant, under the attribute names the mapper reads), so priming takes every branch the
 * mapper has. As DynamoDB JSON for stream records, as plain JSON for Kinesis data and SQS bodies.
 *
 * <p>A type nested in itself gets NULL (JSON {@code null}) the second time, so the item is
 * finite. Values a converter or a constructor might still reject are the adapter's to catch:
 * priming is best effort. The output depends on the model only, so it is deterministic.
 */
public final class SyntheticItems {

  private static final String TEXT = "laconic";
  private static final String INSTANT = "2024-01-01T00:00:00Z";
  private static final String UUID = "00000000-0000-4000-8000-000000000000";
  private static final String BASE64 = "AQID";
  private static final String MAP_KEY = "k";

  private final Map<TypeRef, CompositeType> types = new HashMap<>();
  private final Deque<TypeRef> open = new ArrayDeque<>();

  private SyntheticItems(FunctionModel function) {
    for (CompositeType composite : function.composites()) {
      types.put(composite.type(), composite);
    }
  }

  /** The item of {@code function}'s item type as DynamoDB JSON: {@code {"pk":{"S":"..."}}}. */
  public static String dynamoItem(FunctionModel function) {
    SyntheticItems items = new SyntheticItems(function);
    StringBuilder json = new StringBuilder();
    items.dynamoMap(json, function.shape().itemType());
    return json.toString();
  }

  /**
   * The {@code Keys} of that item: the attributes of its partition and sort key when the type
   * declares them (Enhanced Client types), else its first attribute.
   */
  public static String dynamoKeys(FunctionModel function) {
    SyntheticItems items = new SyntheticItems(function);
    CompositeType item = items.types.get(function.shape().itemType());
    StringBuilder json = new StringBuilder("{");
    boolean declared = item.properties().stream()
        .anyMatch(p -> p.key() != MappedProperty.Key.NONE);
    for (MappedProperty property : item.properties()) {
      if (property.ignored() || property.flattened()
          || (declared ? property.key() == MappedProperty.Key.NONE : json.length() > 1)) {
        continue;
      }
      items.dynamoProperty(json, property);
    }
    return json.append('}').toString();
  }

  /** The item of {@code function}'s item type as a JSON document: {@code {"pk":"..."}}. */
  public static String json(FunctionModel function) {
    SyntheticItems items = new SyntheticItems(function);
    StringBuilder json = new StringBuilder();
    items.jsonObject(json, function.shape().itemType());
    return json.toString();
  }

  // ---- DynamoDB JSON -------------------------------------------------------------------------

  private void dynamoMap(StringBuilder json, TypeRef type) {
    json.append('{');
    dynamoProperties(json, types.get(type));
    json.append('}');
  }

  /** The attributes of {@code composite}, a flattened member's in place, comma-separated. */
  private void dynamoProperties(StringBuilder json, CompositeType composite) {
    open.push(composite.type());
    for (MappedProperty property : composite.properties()) {
      if (property.ignored()) {
        continue;
      }
      if (property.flattened()) {
        // A flattened member's attributes sit in this item's own map; a flattened
        // Map<String, String> holds whatever attributes are left, so it needs none of its own.
        if (property.type() instanceof MappedType.Composite nested) {
          dynamoProperties(json, types.get(nested.type()));
        }
        continue;
      }
      dynamoProperty(json, property);
    }
    open.pop();
  }

  private void dynamoProperty(StringBuilder json, MappedProperty property) {
    if (json.charAt(json.length() - 1) != '{') {
      json.append(',');
    }
    quote(json, property.attributeName());
    json.append(':');
    dynamoValue(json, property.type());
  }

  private void dynamoValue(StringBuilder json, MappedType type) {
    if (type instanceof MappedType.Scalar scalar) {
      dynamoScalar(json, scalar.kind());
    } else if (type instanceof MappedType.EnumOf enumType) {
      json.append("{\"S\":");
      quote(json, enumType.constants().isEmpty() ? TEXT : enumType.constants().get(0));
      json.append('}');
    } else if (type instanceof MappedType.Composite composite) {
      if (open.contains(composite.type()) || !types.containsKey(composite.type())) {
        json.append("{\"NULL\":true}");
      } else {
        json.append("{\"M\":");
        dynamoMap(json, composite.type());
        json.append('}');
      }
    } else if (type instanceof MappedType.ListOf list) {
      json.append("{\"L\":[");
      dynamoValue(json, list.element());
      json.append("]}");
    } else if (type instanceof MappedType.SetOf set) {
      dynamoSet(json, set.element());
    } else if (type instanceof MappedType.MapOf map) {
      json.append("{\"M\":{");
      quote(json, MAP_KEY);
      json.append(':');
      dynamoValue(json, map.value());
      json.append("}}");
    } else if (type instanceof MappedType.OptionalOf optional) {
      dynamoValue(json, optional.value());
    } else if (type instanceof MappedType.ProviderConverted provided) {
      json.append(providedValue(provided.javaType()));
    } else {
      // A user's converter: any S is as good a guess as another; a converter that rejects it
      // is caught.
      json.append("{\"S\":\"" + TEXT + "\"}");
    }
  }

  /** SS, NS or BS for sets of strings, numbers or binaries, as DynamoDB writes them; else L. */
  private void dynamoSet(StringBuilder json, MappedType element) {
    if (element instanceof MappedType.Scalar scalar && !dynamoType(scalar.kind()).equals("BOOL")) {
      json.append("{\"").append(dynamoType(scalar.kind())).append("S\":[\"")
          .append(dynamoText(scalar.kind())).append("\"]}");
    } else if (element instanceof MappedType.EnumOf enumType) {
      json.append("{\"SS\":[");
      quote(json, enumType.constants().isEmpty() ? TEXT : enumType.constants().get(0));
      json.append("]}");
    } else {
      json.append("{\"L\":[");
      dynamoValue(json, element);
      json.append("]}");
    }
  }

  private static void dynamoScalar(StringBuilder json, ScalarKind kind) {
    String type = dynamoType(kind);
    json.append(type.equals("BOOL") ? "{\"BOOL\":true}"
        : "{\"" + type + "\":\"" + dynamoText(kind) + "\"}");
  }

  /** The DynamoDB type a scalar is stored as. */
  private static String dynamoType(ScalarKind kind) {
    return switch (kind) {
      case STRING, INSTANT, UUID -> "S";
      case BOOLEAN, BOOLEAN_BOX -> "BOOL";
      case BYTES, BYTE_BUFFER -> "B";
      default -> "N";
    };
  }

  /** The text of a synthetic S, N or B value of {@code kind}. */
  private static String dynamoText(ScalarKind kind) {
    return switch (kind) {
      case STRING -> TEXT;
      case INSTANT -> INSTANT;
      case UUID -> UUID;
      case BYTES, BYTE_BUFFER -> BASE64;
      case DOUBLE, DOUBLE_BOX, FLOAT, FLOAT_BOX, BIG_DECIMAL -> "1.5";
      default -> "1";
    };
  }

  /** A value the SDK's converter of {@code javaType} reads, for the common ones; else an S. */
  private static String providedValue(String javaType) {
    return switch (javaType) {
      case "java.time.LocalDate" -> "{\"S\":\"2024-01-01\"}";
      case "java.time.LocalDateTime" -> "{\"S\":\"2024-01-01T00:00\"}";
      case "java.time.LocalTime" -> "{\"S\":\"00:00\"}";
      case "java.time.OffsetDateTime", "java.time.ZonedDateTime" ->
          "{\"S\":\"" + INSTANT + "\"}";
      case "java.time.Duration" -> "{\"N\":\"1\"}";
      case "software.amazon.awssdk.core.SdkBytes" -> "{\"B\":\"" + BASE64 + "\"}";
      case "java.lang.Character", "char" -> "{\"S\":\"l\"}";
      default -> "{\"S\":\"" + TEXT + "\"}";
    };
  }

  // ---- plain JSON ----------------------------------------------------------------------------

  private void jsonObject(StringBuilder json, TypeRef type) {
    CompositeType composite = types.get(type);
    open.push(type);
    json.append('{');
    for (MappedProperty property : composite.properties()) {
      if (property.ignored()) {
        continue;
      }
      if (json.charAt(json.length() - 1) != '{') {
        json.append(',');
      }
      quote(json, property.attributeName());
      json.append(':');
      jsonValue(json, property.type());
    }
    json.append('}');
    open.pop();
  }

  private void jsonValue(StringBuilder json, MappedType type) {
    if (type instanceof MappedType.Scalar scalar) {
      json.append(switch (scalar.kind()) {
        case STRING -> "\"" + TEXT + "\"";
        case BOOLEAN, BOOLEAN_BOX -> "true";
        case DOUBLE, DOUBLE_BOX, FLOAT, FLOAT_BOX, BIG_DECIMAL -> "1.5";
        case INT, INT_BOX, LONG, LONG_BOX, SHORT, SHORT_BOX, BYTE, BYTE_BOX, BIG_INTEGER -> "1";
        case BYTES, BYTE_BUFFER -> "\"" + BASE64 + "\"";
        case INSTANT -> "\"" + INSTANT + "\"";
        case UUID -> "\"" + UUID + "\"";
      });
    } else if (type instanceof MappedType.EnumOf enumType) {
      quote(json, enumType.constants().isEmpty() ? TEXT : enumType.constants().get(0));
    } else if (type instanceof MappedType.Composite composite) {
      if (open.contains(composite.type()) || !types.containsKey(composite.type())) {
        json.append("null");
      } else {
        jsonObject(json, composite.type());
      }
    } else if (type instanceof MappedType.ListOf list) {
      json.append('[');
      jsonValue(json, list.element());
      json.append(']');
    } else if (type instanceof MappedType.SetOf set) {
      json.append('[');
      jsonValue(json, set.element());
      json.append(']');
    } else if (type instanceof MappedType.MapOf map) {
      json.append('{');
      quote(json, MAP_KEY);
      json.append(':');
      jsonValue(json, map.value());
      json.append('}');
    } else if (type instanceof MappedType.OptionalOf optional) {
      jsonValue(json, optional.value());
    } else {
      quote(json, TEXT);
    }
  }

  private static void quote(StringBuilder json, String text) {
    json.append('"').append(JsonStringEncoder.getInstance().quoteAsString(text)).append('"');
  }

}
