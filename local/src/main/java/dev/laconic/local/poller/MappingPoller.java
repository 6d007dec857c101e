package dev.laconic.local.poller;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.app.MappingDefinition;
import dev.laconic.local.filter.FilterCriteria;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * One event source mapping, run on its own thread: reads every shard of the stream in order
 * (a parent shard to its end before its children), and hands batches to the function.
 *
 * <p>What it reproduces of Lambda's poller, each from the mapping's settings:
 *
 * <ul>
 *   <li>{@code StartingPosition}: TRIM_HORIZON reads the retained records, LATEST only what is
 *       written after the mapping starts; shards that appear later are read from their start.
 *   <li>Filters are applied to each record before it joins a batch; a record that matches no
 *       pattern is skipped for good.
 *   <li>A batch is sent when it has {@code BatchSize} records or 6 MB, when the batching window
 *       has passed since its first record, at once when the window is 0, or when the shard has
 *       ended.
 *   <li>A failed batch is retried, with backoff, up to {@code MaximumRetryAttempts}; with
 *       {@code BisectBatchOnFunctionError} it is split in two first (splits do not count as
 *       retries); records older than {@code MaximumRecordAgeInSeconds} are not sent. A batch
 *       given up goes to the failure sink, and the shard goes on after it.
 *   <li>With {@code ReportBatchItemFailures}, the records before the earliest reported one are
 *       done, and the batch is retried from it.
 *   <li>An expired shard iterator is renewed after the last record read; records trimmed from
 *       the stream before they were read are reported and skipped.
 *   <li>A checkpoint per shard, in {@link Checkpoints}: after the last record done. A mapping
 *       that finds checkpoints of its own goes on from them, and reads the shards without one
 *       from their start, whatever its {@code StartingPosition}.
 *   <li>{@link #close()} lets a batch in the function finish, up to the function's timeout (at
 *       most {@value #MAX_STOP_WAIT_SECONDS} s), as Lambda lets an invocation finish when a
 *       mapping is disabled; a function still running then is interrupted, and its batch is not
 *       checkpointed.
 * </ul>
 */
public final class MappingPoller implements AutoCloseable {

  /** Lambda's cap on an invocation's payload. */
  static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

  /** {@code {"Records":[} and {@code ]}} around the records. */
  static final int ENVELOPE_BYTES = EventRecords.ENVELOPE_BYTES;

  /** How long DynamoDB Streams keeps a record: the age limit of a mapping without limits. */
  static final long RETENTION_SECONDS = 24 * 60 * 60;

  /** How often a busy mapping lists the stream's shards. */
  static final long LISTING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

  /** The longest {@link #close()} waits for a batch in the function. */
  static final int MAX_STOP_WAIT_SECONDS = 10;

  private final MappingDefinition mapping;
  private final String streamArn;
  private final FunctionInvoker invoker;
  private final DynamoDbStreamsClient streams;
  private final FailureSink failures;
  private final PollerSettings settings;
  private final Consumer<String> output;
  private final String functionArn;
  private final FilterCriteria filters;
  private final Checkpoints checkpoints;
  /** Whether the checkpoints held this mapping's place when it started. */
  private final boolean resuming;
  private final Map<String, ShardState> shards = new LinkedHashMap<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  /** Set by the mapping's thread around each invocation, read by {@link #close()}. */
  private volatile boolean invoking;
  /** Set by {@link #close()} when it interrupts a function that did not finish in time. */
  private volatile boolean interruptedInFunction;
  /** When the last idle polling cycle started, by {@code System.nanoTime()}; long ago at first. */
  private volatile long idleCycleStart = System.nanoTime() - TimeUnit.DAYS.toNanos(365);
  private boolean discovered;

  MappingPoller(MappingDefinition mapping, String streamArn, FunctionInvoker invoker,
      DynamoDbStreamsClient streams, FailureSink failures, PollerSettings settings,
      Consumer<String> output, String functionArn, Checkpoints checkpoints) {
    this.mapping = mapping;
    this.streamArn = streamArn;
    this.invoker = invoker;
    this.streams = streams;
    this.failures = failures;
    this.settings = settings;
    this.output = output;
    this.functionArn = functionArn;
    this.filters = FilterCriteria.of(mapping.filters());
    this.checkpoints = checkpoints;
    this.resuming = checkpoints.resumes(mapping.logicalId(), streamArn);
    this.thread = new Thread(this::run, "laconic-" + mapping.logicalId());
    this.thread.setDaemon(true);
  }

  /**
   * Starts polling {@code streamArn} for {@code mapping}, invoking the function through
   * {@code invoker}, from the place {@code checkpoints} holds for it, if any, and keeping its
   * place there.
   */
  public static MappingPoller start(MappingDefinition mapping, String streamArn,
      FunctionInvoker invoker, DynamoDbStreamsClient streams, FailureSink failures,
      PollerSettings settings, Consumer<String> output, String functionArn,
      Checkpoints checkpoints) {
    MappingPoller poller = new MappingPoller(mapping, streamArn, invoker, streams, failures,
        settings, output, functionArn, checkpoints);
    poller.thread.start();
    return poller;
  }

  /**
   * Waits until the shards were found and their iterators taken, so that with LATEST every
   * record written from now on is delivered.
   */
  public boolean awaitStarted(Duration timeout) throws InterruptedException {
    return started.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /**
   * Waits until everything written before this call has been handled: the shards were listed
   * and read to their current end after it, and no batch is waiting or being retried.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long since = System.nanoTime();
    long deadline = since + timeout.toNanos();
    while (!idleSince(since)) {
      if (System.nanoTime() - deadline > 0 || !thread.isAlive()) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }

  /**
   * Whether everything written before {@code nanoTime} (a {@link System#nanoTime()}) has been
   * handled: a polling cycle that started then or later found nothing to read, send or retry.
   */
  public boolean idleSince(long nanoTime) {
    return idleCycleStart - nanoTime >= 0;
  }

  /**
   * Stops polling. A batch in the function is given until the function's timeout (at most
   * {@value #MAX_STOP_WAIT_SECONDS} s) to finish, and is checkpointed if it succeeds; a function
   * still running then is interrupted, and its batch is left after the checkpoint, to be sent
   * again by a mapping that goes on from it. A batch waiting for a retry is left there too.
   */
  @Override
  public void close() {
    running = false;
    try {
      // Read once after running is cleared: an invocation not started by now never starts.
      if (invoking) {
        long deadline = System.nanoTime() + stopWait().toNanos();
        while (invoking && thread.isAlive() && System.nanoTime() - deadline < 0) {
          Thread.sleep(1);
        }
        interruptedInFunction = invoking;
      }
      thread.interrupt();
      thread.join(10_000);
    } catch (InterruptedException e) {
      thread.interrupt();
      Thread.currentThread().interrupt();
    }
  }

  /** How long {@link #close()} waits for a batch in the function. */
  private Duration stopWait() {
    Duration most = Duration.ofSeconds(MAX_STOP_WAIT_SECONDS);
    return invoker.timeout().compareTo(most) < 0 ? invoker.timeout() : most;
  }

  // ---- the polling loop ------------------------------------------------------------------------

  private void run() {
    long nextListing = System.nanoTime();
    while (running) {
      long cycleStart = System.nanoTime();
      try {
        // While there are records to read, the shards are listed once a second, not before each
        // batch; a cycle that finds nothing to read lists them before the mapping rests.
        boolean listed = !discovered || cycleStart - nextListing >= 0;
        if (listed) {
          discoverShards();
          nextListing = cycleStart + LISTING_INTERVAL_NANOS;
        }
        started.countDown();
        boolean progress = false;
        boolean pending = false;
        for (ShardState shard : eligibleShards()) {
          progress |= step(shard);
          pending |= !shard.buffer.isEmpty();
        }
        if (!progress && !listed) {
          nextListing = cycleStart; // a new shard may be what there is to read
        } else if (!progress) {
          if (!pending) {
            idleCycleStart = cycleStart;
          }
          sleep(settings.pollInterval()); // Lambda polls a quiet shard four times a second
        }
      } catch (Stopped e) {
        return;
      } catch (RuntimeException | Error e) {
        if (!running) {
          return; // close() interrupted a call to the stream: the SDK fails it, nothing broke
        }
        // Nothing but close() ends a mapping: on Lambda it keeps polling too.
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        log("Polling " + streamArn + " failed, trying again: " + trace);
        sleepQuietly(settings.pollInterval());
      }
    }
  }

  /** Lists the stream's shards; the first listing sets where each shard starts. */
  private void discoverShards() {
    String exclusiveStart = null;
    do {
      DescribeStreamResponse response = streams.describeStream(DescribeStreamRequest.builder()
          .streamArn(streamArn).exclusiveStartShardId(exclusiveStart).build());
      for (Shard shard : response.streamDescription().shards()) {
        if (!shards.containsKey(shard.shardId())) {
          boolean closed = shard.sequenceNumberRange() != null
              && shard.sequenceNumberRange().endingSequenceNumber() != null;
          ShardState state = new ShardState(shard.shardId(), shard.parentShardId());
          Optional<Checkpoints.Position> kept =
              checkpoints.position(mapping.logicalId(), streamArn, shard.shardId());
          if (kept.isPresent()) {
            resume(state, kept.get());
          } else if (!discovered && !resuming && mapping.startingPosition().equals("LATEST")) {
            if (closed) {
              finish(state); // nothing new can arrive in a closed shard
            } else {
              state.startAt = ShardIteratorType.LATEST;
              state.latestSince = settings.clock().instant();
              save(state);
            }
          }
          shards.put(shard.shardId(), state);
        }
      }
      exclusiveStart = response.streamDescription().lastEvaluatedShardId();
    } while (exclusiveStart != null);
    if (!discovered) {
      for (ShardState shard : eligibleShards()) {
        shard.iterator = iterator(shard); // LATEST means "from when the mapping started"
      }
      discovered = true;
    }
  }

  /** Takes up a shard where the checkpoint left it. */
  private static void resume(ShardState shard, Checkpoints.Position position) {
    shard.finished = position.finished();
    shard.checkpoint = position.sequenceNumber();
    shard.lastFetched = position.sequenceNumber();
    if (position.sequenceNumber() == null && position.latestSince() != null) {
      // Read nothing since a LATEST start: from the shard's start, skipping what came before.
      shard.latestSince = position.latestSince();
      shard.notBefore = position.latestSince().truncatedTo(ChronoUnit.SECONDS);
    }
  }

  /** Moves the shard's checkpoint to {@code sequenceNumber}, the last record done. */
  private void checkpoint(ShardState shard, String sequenceNumber) {
    if (!sequenceNumber.equals(shard.checkpoint)) {
      shard.checkpoint = sequenceNumber;
      save(shard);
    }
  }

  private void finish(ShardState shard) {
    shard.finished = true;
    save(shard);
  }

  private void save(ShardState shard) {
    checkpoints.put(mapping.logicalId(), streamArn, shard.shardId, new Checkpoints.Position(
        shard.checkpoint, shard.checkpoint == null ? shard.latestSince : null, shard.finished));
  }

  /** Unfinished shards whose parent is finished or no longer listed: parents before children. */
  private List<ShardState> eligibleShards() {
    List<ShardState> eligible = new ArrayList<>();
    for (ShardState shard : shards.values()) {
      ShardState parent = shard.parentId == null ? null : shards.get(shard.parentId);
      if (!shard.finished && (parent == null || parent.finished)) {
        eligible.add(shard);
      }
    }
    return eligible;
  }

  /** Reads and delivers what one shard has; true when it made progress. */
  private boolean step(ShardState shard) {
    if (!running) {
      throw new Stopped();
    }
    boolean progress = false;
    if (!shard.ended && shard.buffer.size() < mapping.batchSize()) {
      progress = fetch(shard);
    }
    if (!shard.buffer.isEmpty() && batchReady(shard)) {
      deliver(shard, takeBatch(shard));
      progress = true;
    }
    if (shard.buffer.isEmpty() && shard.lastFetched != null) {
      checkpoint(shard, shard.lastFetched); // records filtered out since are done too
    }
    if (shard.ended && shard.buffer.isEmpty()) {
      finish(shard);
      progress = true;
    }
    return progress;
  }

  /** One GetRecords call; true when it read records or renewed its iterator. */
  private boolean fetch(ShardState shard) {
    if (shard.iterator == null) {
      shard.iterator = iterator(shard);
    }
    GetRecordsResponse response;
    try {
      response = streams.getRecords(r -> r.shardIterator(shard.iterator).limit(1000));
    } catch (ExpiredIteratorException e) {
      // Iterators expire 15 minutes after they are issued; continue after the last record read.
      shard.iterator = iterator(shard);
      return true;
    } catch (TrimmedDataAccessException e) {
      shard.iterator = trimmed(shard);
      return true;
    } catch (ResourceNotFoundException e) {
      // DynamoDB drops a shard 24 hours after it closed; nothing more can come from it.
      log("Shard " + shard.shardId + " is gone from the stream; going on with its children.");
      shard.ended = true;
      shard.iterator = null;
      return true;
    }
    for (Record record : response.records()) {
      shard.lastFetched = record.dynamodb().sequenceNumber();
      Instant created = record.dynamodb().approximateCreationDateTime();
      if (shard.notBefore != null && created != null && created.isBefore(shard.notBefore)) {
        continue; // written before a LATEST mapping started; see iterator()
      }
      shard.notBefore = null;
      ObjectNode json = EventRecords.toJson(record, streamArn);
      byte[] utf8 = EventRecords.utf8(json);
      if (filters.passes(utf8)) {
        if (shard.buffer.isEmpty()) {
          shard.firstBufferedNanos = System.nanoTime();
        }
        shard.buffer.add(new Pending(json, created, utf8));
      }
    }
    shard.iterator = response.nextShardIterator();
    if (shard.iterator == null) {
      shard.ended = true; // a closed shard read to its end: its children come next
    }
    return !response.records().isEmpty() || shard.ended;
  }

  /**
   * A new iterator for {@code shard}: after the last record read, else at the start position.
   * A LATEST iterator that expires before it read anything cannot be renewed at the same place,
   * so it is renewed at the shard's start and skips what was written before the mapping started
   * (to the second, as DynamoDB dates records).
   */
  private String iterator(ShardState shard) {
    ShardIteratorType type = shard.lastFetched != null
        ? ShardIteratorType.AFTER_SEQUENCE_NUMBER : shard.startAt;
    if (type == ShardIteratorType.LATEST && shard.iterator != null) {
      type = ShardIteratorType.TRIM_HORIZON;
      shard.startAt = type;
      shard.notBefore = shard.latestSince.truncatedTo(ChronoUnit.SECONDS);
    }
    ShardIteratorType chosen = type;
    try {
      return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId)
          .shardIteratorType(chosen).sequenceNumber(shard.lastFetched)).shardIterator();
    } catch (TrimmedDataAccessException e) {
      return trimmed(shard);
    }
  }

  /** Records were trimmed (older than 24 hours) before they were read: say so, go on. */
  private String trimmed(ShardState shard) {
    log("Records of shard " + shard.shardId + " were trimmed from the stream before they were"
        + " read (DynamoDB keeps them 24 hours); going on from the oldest record left.");
    shard.lastFetched = null;
    shard.startAt = ShardIteratorType.TRIM_HORIZON;
    return streams.getShardIterator(r -> r.streamArn(streamArn).shardId(shard.shardId)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
  }

  private boolean batchReady(ShardState shard) {
    if (shard.buffer.size() >= mapping.batchSize() || shard.ended
        || mapping.maximumBatchingWindowInSeconds() == 0) {
      return true;
    }
    int bytes = 0;
    for (Pending pending : shard.buffer) {
      bytes += pending.bytes();
    }
    long waited = System.nanoTime() - shard.firstBufferedNanos;
    return bytes >= MAX_PAYLOAD_BYTES
        || waited >= TimeUnit.SECONDS.toNanos(mapping.maximumBatchingWindowInSeconds());
  }

  private List<Pending> takeBatch(ShardState shard) {
    List<Pending> batch = new ArrayList<>();
    int bytes = 0;
    while (!shard.buffer.isEmpty() && batch.size() < mapping.batchSize()
        && (batch.isEmpty()
            || bytes + shard.buffer.peek().bytes() <= MAX_PAYLOAD_BYTES - ENVELOPE_BYTES)) {
      Pending next = shard.buffer.poll();
      bytes += next.bytes();
      batch.add(next);
    }
    shard.firstBufferedNanos = System.nanoTime();
    return batch;
  }

  // ---- delivery with the retry policy ---------------------------------------------------------

  /**
   * Sends {@code batch} until it succeeds or is given up; the shard goes on after it either way.
   *
   * <p>A partial batch response retries from the earliest reported record (with bisect on, that
   * is where Lambda bisects). A failed invocation with bisect on splits the batch in two first,
   * which costs no retry; otherwise it is retried up to {@code MaximumRetryAttempts}. With no
   * limit on retries or age, records are retried until the stream would have trimmed them.
   */
  private void deliver(ShardState shard, List<Pending> batch) {
    List<Pending> current = batch;
    int retries = 0;
    int invocations = 0;
    boolean threw = false;
    while (true) {
      current = dropExpired(shard, current, invocations, threw);
      if (current.isEmpty()) {
        return;
      }
      FunctionInvoker.Outcome outcome = invoke(shard, current);
      invocations++;
      if (outcome instanceof FunctionInvoker.Outcome.Success) {
        checkpoint(shard, sequenceNumber(current.get(current.size() - 1)));
        return;
      }
      threw = outcome instanceof FunctionInvoker.Outcome.Failure;
      if (outcome instanceof FunctionInvoker.Outcome.PartialFailure partial) {
        if (partial.index() > 0) {
          checkpoint(shard, sequenceNumber(current.get(partial.index() - 1)));
        }
        current = current.subList(partial.index(), current.size());
      } else if (mapping.bisectBatchOnFunctionError() && current.size() > 1) {
        int half = (current.size() + 1) / 2;
        log("Batch of " + current.size() + " records failed; bisecting it into " + half + " and "
            + (current.size() - half) + ".");
        deliver(shard, new ArrayList<>(current.subList(0, half)));
        deliver(shard, new ArrayList<>(current.subList(half, current.size())));
        return;
      }
      if (mapping.maximumRetryAttempts() >= 0 && retries >= mapping.maximumRetryAttempts()) {
        discard(shard, current, "RetryAttemptsExhausted", invocations, threw);
        return;
      }
      retries++;
      sleep(backoff(retries));
    }
  }

  /**
   * One invocation with {@code records}, unless the mapping is stopping. A function that
   * {@link #close()} had to interrupt did not complete: its batch is not checkpointed, and the
   * mapping stops without a word of failure.
   */
  private FunctionInvoker.Outcome invoke(ShardState shard, List<Pending> batch) {
    List<ObjectNode> records = batch.stream().map(Pending::json).toList();
    FunctionInvoker.Outcome outcome;
    // Set before running is read, as close() sets running before reading this: either the
    // invocation does not start, or close() sees it and waits for it.
    invoking = true;
    try {
      if (!running) {
        throw new Stopped();
      }
      outcome = invoker.invoke(EventRecords.eventBytes(batch.stream().map(Pending::utf8).toList()),
          records, mapping.reportBatchItemFailures(), () -> interruptedInFunction);
    } finally {
      invoking = false;
    }
    if (interruptedInFunction) {
      log("Stopped while the function still had a batch of " + records.size() + " record(s) of"
          + " shard " + shard.shardId + " (" + FunctionInvoker.sequenceNumber(records.get(0))
          + " to " + FunctionInvoker.sequenceNumber(records.get(records.size() - 1)) + "),"
          + " after waiting " + stopWait().toMillis() / 1000.0 + " s for it; the function was"
          + " interrupted and the batch is not checkpointed: a runner going on from these"
          + " checkpoints sends it again.");
      throw new Stopped();
    }
    return outcome;
  }

  private static String sequenceNumber(Pending pending) {
    return FunctionInvoker.sequenceNumber(pending.json);
  }

  /** Gives up the records older than {@code MaximumRecordAgeInSeconds}; returns the rest. */
  private List<Pending> dropExpired(ShardState shard, List<Pending> batch, int invocations,
      boolean threw) {
    long maximumAge = mapping.maximumRecordAgeInSeconds();
    if (maximumAge < 0) {
      if (mapping.maximumRetryAttempts() >= 0) {
        return batch;
      }
      maximumAge = RETENTION_SECONDS; // no limit at all: until the stream trims the record
    }
    Instant oldestAllowed = settings.clock().instant().minusSeconds(maximumAge);
    int expired = 0;
    while (expired < batch.size() && batch.get(expired).created != null
        && batch.get(expired).created.isBefore(oldestAllowed)) {
      expired++;
    }
    if (expired > 0) {
      discard(shard, batch.subList(0, expired), "RecordAgeExceeded", invocations, threw);
    }
    return batch.subList(expired, batch.size());
  }

  /**
   * Sends the invocation record of a discarded batch to the failure sink: the shape Lambda sends
   * to an on-failure destination, with {@code DDBStreamBatchInfo} and not the records. See
   * "Configuring destinations" in https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html.
   */
  private void discard(ShardState shard, List<Pending> batch, String condition, int invocations,
      boolean threw) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode record = nodes.objectNode();
    ObjectNode request = record.putObject("requestContext");
    request.put("requestId", UUID.randomUUID().toString());
    request.put("functionArn", functionArn);
    request.put("condition", condition);
    request.put("approximateInvokeCount", invocations);
    if (invocations > 0) {
      ObjectNode response = record.putObject("responseContext");
      response.put("statusCode", 200);
      response.put("executedVersion", "$LATEST");
      if (threw) {
        response.put("functionError", "Unhandled");
      }
    }
    record.put("version", "1.0");
    record.put("timestamp", settings.clock().instant().truncatedTo(ChronoUnit.MILLIS).toString());
    ObjectNode info = record.putObject("DDBStreamBatchInfo");
    info.put("shardId", shard.shardId);
    info.put("startSequenceNumber", FunctionInvoker.sequenceNumber(batch.get(0).json));
    info.put("endSequenceNumber",
        FunctionInvoker.sequenceNumber(batch.get(batch.size() - 1).json));
    info.put("approximateArrivalOfFirstRecord", isoSeconds(batch.get(0).created));
    info.put("approximateArrivalOfLastRecord", isoSeconds(batch.get(batch.size() - 1).created));
    info.put("batchSize", batch.size());
    info.put("streamArn", streamArn);
    checkpoint(shard, sequenceNumber(batch.get(batch.size() - 1)));
    if (mapping.onFailure().isEmpty()) {
      // Lambda drops such a batch without a trace; the local run says so, with what was lost.
      log("Giving up " + batch.size() + " record(s) of shard " + shard.shardId + " ("
          + condition + ", " + invocations + " invocation(s)); the mapping has no failure"
          + " destination, so Lambda would drop them. The invocation record: " + record);
      return;
    }
    log("Giving up " + batch.size() + " record(s) of shard " + shard.shardId + " ("
        + condition + ", " + invocations + " invocation(s)); sent to the failure destination "
        + mapping.onFailure().get() + ".");
    try {
      failures.discarded(record);
    } catch (RuntimeException e) {
      // The batch is already given up; losing its record too would drop it without a word.
      log("The failure destination failed (" + e + "); the invocation record: " + record);
    }
  }

  private static String isoSeconds(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private Duration backoff(int retries) {
    Duration backoff = settings.retryBackoff().multipliedBy(1L << Math.min(retries - 1, 20));
    return backoff.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : backoff;
  }

  private void sleep(Duration duration) {
    if (!running) {
      throw new Stopped();
    }
    try {
      Thread.sleep(Math.max(1, duration.toMillis()));
    } catch (InterruptedException e) {
      throw new Stopped();
    }
    if (!running) {
      throw new Stopped();
    }
  }

  private void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      // close() interrupts; the loop checks running next
    }
  }

  private void log(String message) {
    output.accept("[laconic] " + mapping.logicalId() + ": " + message);
  }

  /** Thrown out of sleeps when the poller is closed, to leave the loop from anywhere. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Stopped() {
      super(null, null, false, false);
    }
  }

  /** A record waiting for its batch. */
  private record Pending(ObjectNode json, Instant created, byte[] utf8) {
    /** Its size in the event, with the comma that follows it. */
    int bytes() {
      return utf8.length + 1;
    }
  }

  /** Where the mapping stands in one shard. */
  private static final class ShardState {
    final String shardId;
    final String parentId;
    final Deque<Pending> buffer = new ArrayDeque<>();
    ShardIteratorType startAt = ShardIteratorType.TRIM_HORIZON;
    String iterator;
    String lastFetched;
    /** The last record done: delivered, filtered out or given up. */
    String checkpoint;
    /** When a LATEST shard was started, for renewing its iterator before it read anything. */
    Instant latestSince;
    /** Records dated before this are skipped: set when a LATEST iterator had to be renewed. */
    Instant notBefore;
    long firstBufferedNanos;
    boolean ended;
    boolean finished;

    ShardState(String shardId, String parentId) {
      this.shardId = shardId;
      this.parentId = parentId;
    }
  }

  /** For messages only. */
  @Override
  public String toString() {
    return mapping.logicalId() + " on " + streamArn;
  }
}
