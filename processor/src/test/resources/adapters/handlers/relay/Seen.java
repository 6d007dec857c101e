package relay;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the handlers of this package received, in the order they received it, and the records
 * they fail on. A test sets the poison and reads the inputs; each class loader that loads this
 * package has its own.
 */
public final class Seen {

  /** Every event, record, change, on-failure record or product a handler was called with. */
  public static final List<Object> INPUTS = new ArrayList<>();

  /**
   * The identifiers of the records to fail on: Kinesis and DynamoDB sequence numbers, SQS message
   * ids, item ids, the start sequence numbers of on-failure records, product names.
   */
  public static final Set<String> POISON = new HashSet<>();

  private Seen() {}

  /** Forgets what was received and poisons {@code poison} instead. */
  public static void reset(Collection<String> poison) {
    INPUTS.clear();
    POISON.clear();
    POISON.addAll(poison);
  }

  static boolean poisoned(String id) {
    return POISON.contains(id);
  }

  /** Fails, as a handler does on a record it cannot handle, when {@code id} is poisoned. */
  static void failIfPoisoned(String id) {
    if (poisoned(id)) {
      throw new IllegalStateException("poison: " + id);
    }
  }
}
