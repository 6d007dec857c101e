package dev.laconic.local.it;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the test functions received: per function, each invocation's records as
 * {@code <eventName> <id>} where {@code id} is the item's key, in order. Thread-safe: mappings
 * poll on their own threads.
 */
public final class Deliveries {

  private static final Map<String, List<List<String>>> BATCHES = new ConcurrentHashMap<>();
  private static final Map<String, AtomicInteger> FAILURES = new ConcurrentHashMap<>();

  private Deliveries() {}

  static void clear() {
    BATCHES.clear();
    FAILURES.clear();
  }

  /** Records {@code event} as one invocation of {@code function}. */
  static void received(String function, DynamodbEvent event) {
    List<String> batch = new ArrayList<>();
    for (DynamodbStreamRecord record : event.getRecords()) {
      batch.add(describe(record));
    }
    BATCHES.computeIfAbsent(function, f -> new ArrayList<>());
    synchronized (BATCHES) {
      BATCHES.get(function).add(List.copyOf(batch));
    }
  }

  /** Records one record handled alone by {@code function}. */
  static void received(String function, DynamodbStreamRecord record) {
    BATCHES.computeIfAbsent(function, f -> new ArrayList<>());
    synchronized (BATCHES) {
      BATCHES.get(function).add(List.of(describe(record)));
    }
  }

  /** Every invocation of {@code function}, oldest first. */
  static List<List<String>> batches(String function) {
    synchronized (BATCHES) {
      return List.copyOf(BATCHES.getOrDefault(function, List.of()));
    }
  }

  /** Every record {@code function} received, in order, repeats included. */
  static List<String> records(String function) {
    List<String> records = new ArrayList<>();
    batches(function).forEach(records::addAll);
    return records;
  }

  /** Counts one more failure of {@code key}; returns the count so far. */
  static int failed(String key) {
    return FAILURES.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  static String describe(DynamodbStreamRecord record) {
    return record.getEventName() + " " + record.getDynamodb().getKeys().get("id").getS();
  }

  static String id(DynamodbStreamRecord record) {
    return record.getDynamodb().getKeys().get("id").getS();
  }
}
