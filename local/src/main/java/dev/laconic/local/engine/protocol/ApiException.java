package dev.laconic.local.engine.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An error the endpoint answers with HTTP 400 and a typed JSON body, as DynamoDB does.
 *
 * <p>The body is {@code {"__type":"<namespace>#<Code>","message":"..."}}; the SDKs map the code after {@code #} to
 * their exception classes. See
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html">Error handling
 * with DynamoDB</a>. Client errors must never be 5xx, because the SDKs retry those.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private static final String DYNAMODB = "com.amazonaws.dynamodb.v20120810#";
  private static final String CORAL_VALIDATE = "com.amazon.coral.validate#";
  private static final String CORAL_SERVICE = "com.amazon.coral.service#";

  private final String type;
  private final transient ObjectNode extraFields;

  private ApiException(String type, String message, ObjectNode extraFields) {
    super(message);
    this.type = type;
    this.extraFields = extraFields;
  }

  public static ApiException validation(String message) {
    return new ApiException(CORAL_VALIDATE + "ValidationException", message, null);
  }

  /** A ValidationException for parameter values DynamoDB finds invalid, with the words it puts first. */
  public static ApiException invalidParameters(String message) {
    return validation("One or more parameter values were invalid: " + message);
  }

  public static ApiException serialization(String message) {
    return new ApiException(CORAL_SERVICE + "SerializationException", message, null);
  }

  public static ApiException unknownOperation(String message) {
    return new ApiException(CORAL_SERVICE + "UnknownOperationException", message, null);
  }

  public static ApiException resourceNotFound(String message) {
    return new ApiException(DYNAMODB + "ResourceNotFoundException", "Requested resource not found: " + message, null);
  }

  /** A missing table as PartiQL statements report it, with no detail after the words. */
  public static ApiException resourceNotFound() {
    return new ApiException(DYNAMODB + "ResourceNotFoundException", "Requested resource not found", null);
  }

  /** A PartiQL INSERT of an item that exists. */
  public static ApiException duplicateItem() {
    return new ApiException(DYNAMODB + "DuplicateItemException", "Duplicate primary key exists in table", null);
  }

  public static ApiException resourceInUse(String message) {
    return new ApiException(DYNAMODB + "ResourceInUseException", message, null);
  }

  public static ApiException limitExceeded(String message) {
    return new ApiException(DYNAMODB + "LimitExceededException", message, null);
  }

  /**
   * The failed-condition error; {@code oldItem} is returned in the body's {@code Item} field when the request asked
   * for it with {@code ReturnValuesOnConditionCheckFailure=ALL_OLD}.
   */
  public static ApiException conditionalCheckFailed(ObjectNode oldItem) {
    ObjectNode extra = null;
    if (oldItem != null) {
      extra = Json.object();
      extra.set("Item", oldItem);
    }
    return new ApiException(DYNAMODB + "ConditionalCheckFailedException", "The conditional request failed", extra);
  }

  /**
   * A transaction none of whose actions was applied: one reason per action, in order, with the
   * item of a failed condition when the action asked for it.
   */
  public static ApiException transactionCanceled(List<ObjectNode> reasons) {
    ObjectNode extra = Json.object();
    extra.putArray("CancellationReasons").addAll(reasons);
    return new ApiException(DYNAMODB + "TransactionCanceledException", "Transaction cancelled,"
        + " please refer cancellation reasons for specific reasons " + reasons.stream()
            .map(reason -> reason.path("Code").asText()).toList(), extra);
  }

  /** Whether this is a failed condition, and the item it failed on, if asked for. */
  public boolean isConditionalCheckFailed() {
    return type.endsWith("#ConditionalCheckFailedException");
  }

  /** A cancellation reason of a transaction action that failed with this. */
  public ObjectNode cancellationReason() {
    ObjectNode reason = Json.object();
    reason.put("Code", isConditionalCheckFailed() ? "ConditionalCheckFailed"
        : type.substring(type.indexOf('#') + 1).replace("Exception", ""));
    reason.put("Message", getMessage());
    if (extraFields != null && extraFields.has("Item")) {
      reason.set("Item", extraFields.get("Item"));
    }
    return reason;
  }

  public static ApiException expiredIterator(String message) {
    return new ApiException(DYNAMODB + "ExpiredIteratorException", message, null);
  }

  public static ApiException trimmedDataAccess(String message) {
    return new ApiException(DYNAMODB + "TrimmedDataAccessException", message, null);
  }

  /** The JSON error body. */
  public ObjectNode body() {
    ObjectNode body = Json.object();
    body.put("__type", type);
    body.put("message", getMessage());
    if (extraFields != null) {
      body.setAll(extraFields);
    }
    return body;
  }
}
