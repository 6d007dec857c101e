package dev.laconic.local.it;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the load test's function acknowledged, kept small enough not to weigh on the heap the
 * test measures: a count per (key, version) in an array, not the records.
 *
 * <p>The function acknowledges the records of a batch before the first one it reports failed
 * (all of them when it reports none): those are the records Lambda checkpoints past and never
 * sends again. The ledger counts each acknowledgement, and notes every departure from what
 * Lambda does:
 *
 * <ul>
 *   <li>a record acknowledged twice;
 *   <li>an acknowledged record whose sequence number is not above the previous acknowledged
 *       one's (the stream has one open shard at a time and sequence numbers rise across shards,
 *       so parent-before-child order and in-shard order both show up as rising numbers, and
 *       so does the order of a key's versions, written one after the other);
 *   <li>after a partial batch response, a next invocation that is not the rest of the batch from
 *       the reported record on, unless that record was given up.
 * </ul>
 *
 * <p>Keys are {@code k00000} to {@code k<keys - 1>}, each written in versions 1 to
 * {@link #VERSIONS}. Calls come from the mapping's thread, the counters are read by the test's,
 * hence the atomic counters and the synchronized methods.
 */
final class LoadLedger {

  static final int VERSIONS = 2;

  private static volatile LoadLedger current;

  private final String flakyKey;
  private final int flakyFailures;
  private final String poisonKey;
  private final int maximumRetryAttempts;
  private final byte[] acknowledged;
  private final AtomicInteger acknowledgements = new AtomicInteger();
  private final AtomicInteger delivered = new AtomicInteger();
  private final AtomicInteger invocations = new AtomicInteger();
  /** The first departures from what Lambda does, and how many there were. */
  private final List<String> violations = new ArrayList<>();
  private int violationCount;
  private BigInteger lastAcknowledged = BigInteger.ZERO;
  /** The rest of the last batch from the record it reported failed, when it reported one. */
  private List<String> retryExpected;
  private int flakyDeliveries;
  private int poisonDeliveries;

  /**
   * A ledger for {@code keys} keys: the record {@code flakyKey} fails its first
   * {@code flakyFailures} deliveries, {@code poisonKey} fails every one.
   */
  private LoadLedger(int keys, String flakyKey, int flakyFailures, String poisonKey,
      int maximumRetryAttempts) {
    this.flakyKey = flakyKey;
    this.flakyFailures = flakyFailures;
    this.poisonKey = poisonKey;
    this.maximumRetryAttempts = maximumRetryAttempts;
    this.acknowledged = new byte[keys * VERSIONS];
  }

  static LoadLedger start(int keys, String flakyKey, int flakyFailures, String poisonKey,
      int maximumRetryAttempts) {
    current = new LoadLedger(keys, flakyKey, flakyFailures, poisonKey, maximumRetryAttempts);
    return current;
  }

  /** The function's work on one batch, called by the load test's function. */
  static StreamsEventResponse handle(DynamodbEvent event) {
    return current.receive(event.getRecords());
  }

  /** {@code k00042 v2}: the key and version of {@code record}. */
  static String name(DynamodbStreamRecord record) {
    return record.getDynamodb().getKeys().get("id").getS() + " v"
        + record.getDynamodb().getNewImage().get("v").getN();
  }

  static String key(int index) {
    return String.format("k%05d", index);
  }

  private synchronized StreamsEventResponse receive(List<DynamodbStreamRecord> records) {
    invocations.incrementAndGet();
    delivered.addAndGet(records.size());
    if (retryExpected != null) {
      List<String> sequenceNumbers = new ArrayList<>();
      records.forEach(r -> sequenceNumbers.add(r.getDynamodb().getSequenceNumber()));
      if (!sequenceNumbers.equals(retryExpected)) {
        violation("after a partial batch response, expected the rest of the batch "
            + retryExpected + ", got " + sequenceNumbers);
      }
      retryExpected = null;
    }
    int failed = -1;
    boolean givenUp = false;
    for (int i = 0; i < records.size() && failed < 0; i++) {
      String name = name(records.get(i));
      if (name.equals(flakyKey) && ++flakyDeliveries <= flakyFailures) {
        failed = i;
      } else if (name.equals(poisonKey)) {
        failed = i;
        // The first try and every retry fail: after the last one Lambda gives the rest up.
        givenUp = ++poisonDeliveries > maximumRetryAttempts;
      }
    }
    int done = failed < 0 ? records.size() : failed;
    for (int i = 0; i < done; i++) {
      acknowledge(records.get(i));
    }
    if (failed < 0) {
      return new StreamsEventResponse(List.of());
    }
    if (!givenUp) {
      retryExpected = new ArrayList<>();
      for (DynamodbStreamRecord record : records.subList(failed, records.size())) {
        retryExpected.add(record.getDynamodb().getSequenceNumber());
      }
    }
    return failure(records.get(failed));
  }

  private void violation(String violation) {
    if (violationCount++ < 20) {
      violations.add(violation);
    }
  }

  private static StreamsEventResponse failure(DynamodbStreamRecord record) {
    return new StreamsEventResponse(List.of(
        new BatchItemFailure(record.getDynamodb().getSequenceNumber())));
  }

  private void acknowledge(DynamodbStreamRecord record) {
    String id = record.getDynamodb().getKeys().get("id").getS();
    int key = Integer.parseInt(id.substring(1));
    int version = Integer.parseInt(record.getDynamodb().getNewImage().get("v").getN());
    BigInteger sequence = new BigInteger(record.getDynamodb().getSequenceNumber());
    int slot = key * VERSIONS + version - 1;
    if (acknowledged[slot] > 0) {
      violation(name(record) + " acknowledged again");
    }
    if (sequence.compareTo(lastAcknowledged) <= 0) {
      violation(name(record) + " (" + sequence + ") acknowledged after " + lastAcknowledged);
    }
    lastAcknowledged = sequence;
    acknowledged[slot]++;
    acknowledgements.incrementAndGet();
  }

  int acknowledgements() {
    return acknowledgements.get();
  }

  int delivered() {
    return delivered.get();
  }

  int invocations() {
    return invocations.get();
  }

  synchronized int flakyDeliveries() {
    return flakyDeliveries;
  }

  synchronized int poisonDeliveries() {
    return poisonDeliveries;
  }

  /** The first 20 departures from what Lambda does, and how many there were in all. */
  synchronized List<String> violations() {
    List<String> first = new ArrayList<>(violations);
    if (violationCount > violations.size()) {
      first.add("... " + violationCount + " in all");
    }
    return first;
  }

  /** The records acknowledged {@code times} times, as {@code k00042 v2}, at most {@code max}. */
  synchronized List<String> acknowledged(int times, int max) {
    List<String> names = new ArrayList<>();
    for (int slot = 0; slot < acknowledged.length && names.size() < max; slot++) {
      if (acknowledged[slot] == times) {
        names.add(key(slot / VERSIONS) + " v" + (slot % VERSIONS + 1));
      }
    }
    return names;
  }
}
