package dev.laconic.local.engine;

import com.sun.net.httpserver.HttpServer;
import dev.laconic.local.engine.api.Dispatcher;
import dev.laconic.local.engine.protocol.HttpEndpoint;
import dev.laconic.local.engine.storage.Engine;
import dev.laconic.local.engine.stream.Stream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An in-memory DynamoDB with DynamoDB Streams, served over HTTP on the loopback interface for AWS SDK clients.
 *
 * <p>Point the SDK's {@code DynamoDbClient} and {@code DynamoDbStreamsClient} at {@link #endpoint()} with
 * {@code endpointOverride}, the {@link #region()} and any static credentials; signatures are not checked. All data
 * is lost on {@link #close()}. Time (stream record timestamps, iterator expiry after 15 minutes, trimming after 24
 * hours) comes from the {@link Settings#clock() clock}, so tests can move it forward.
 */
public final class LocalDynamoDb implements AutoCloseable {
  private final Settings settings;
  private final Engine engine;
  private final HttpServer server;
  private final ExecutorService executor;
  private final AtomicBoolean closed = new AtomicBoolean();

  private LocalDynamoDb(Settings settings, Engine engine, HttpServer server, ExecutorService executor) {
    this.settings = settings;
    this.engine = engine;
    this.server = server;
    this.executor = executor;
  }

  /** Starts an endpoint on 127.0.0.1 and a free port with {@linkplain Settings#defaults() default settings}. */
  public static LocalDynamoDb start() {
    return start(Settings.defaults());
  }

  /** Starts an endpoint on 127.0.0.1 and a free port. */
  public static LocalDynamoDb start(Settings settings) {
    Objects.requireNonNull(settings, "settings");
    Engine engine = new Engine(settings.clock(), settings.region(), settings.accountId(),
        settings.recordsPerShard());
    // The JDK server writes response headers and body separately; without TCP_NODELAY, Nagle's algorithm and
    // the client's delayed ACK add about 40 ms to every call. The server reads this property once per JVM, so it
    // is set before the first server is created, unless the application chose a value itself.
    System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the local DynamoDB endpoint", e);
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "local-dynamodb-" + threads.incrementAndGet());
      // A forgotten close() must not keep the JVM alive.
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", new HttpEndpoint(new Dispatcher(engine)));
    server.start();
    return new LocalDynamoDb(settings, engine, server, executor);
  }

  /** The endpoint URI, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The region in ARNs and stream records. */
  public String region() {
    return settings.region();
  }

  /** The account id in ARNs. */
  public String accountId() {
    return settings.accountId();
  }

  /**
   * A client of this database: its endpoint and region, any credentials (it checks none), and the
   * SDK's URL connection client, enough for a local endpoint. Close it when done.
   */
  public DynamoDbClient client() {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint())
        .region(Region.of(region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /**
   * Test hook: closes the open shard of the stream and opens a child shard of it (with {@code ParentShardId}
   * set), as DynamoDB does when it rolls shards over; does nothing when the stream is disabled.
   *
   * @throws IllegalArgumentException if there is no stream with this ARN
   */
  public void splitShards(String streamArn) {
    synchronized (engine) {
      Stream stream = engine.findStream(streamArn);
      if (stream == null) {
        throw new IllegalArgumentException("No stream " + streamArn);
      }
      stream.split(engine.now());
    }
  }

  /** Stops the server; the data is discarded. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      server.stop(0);
      executor.shutdownNow();
    }
  }

  /**
   * Engine settings.
   *
   * @param clock the source of all timestamps and of the time used for iterator expiry and trimming
   * @param region the region in ARNs and records
   * @param accountId the 12-digit account id in ARNs
   * @param recordsPerShard when positive, a shard is closed and followed by a child shard once it holds this many
   *     records; 0 keeps one shard open until the stream is disabled or {@link LocalDynamoDb#splitShards split}
   */
  public record Settings(Clock clock, String region, String accountId, int recordsPerShard) {
    /** Validates the settings. */
    public Settings {
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(accountId, "accountId");
      if (region.isBlank()) {
        throw new IllegalArgumentException("region must not be blank");
      }
      if (!accountId.matches("[0-9]{12}")) {
        throw new IllegalArgumentException("accountId must be 12 digits: " + accountId);
      }
      if (recordsPerShard < 0) {
        throw new IllegalArgumentException("recordsPerShard must not be negative: " + recordsPerShard);
      }
    }

    /** The system UTC clock, us-east-1, account 000000000000, shards that never roll over. */
    public static Settings defaults() {
      return new Settings(Clock.systemUTC(), "us-east-1", "000000000000", 0);
    }

    /** These settings with another clock. */
    public Settings withClock(Clock clock) {
      return new Settings(clock, region, accountId, recordsPerShard);
    }

    /** These settings with another region. */
    public Settings withRegion(String region) {
      return new Settings(clock, region, accountId, recordsPerShard);
    }

    /** These settings with another account id. */
    public Settings withAccountId(String accountId) {
      return new Settings(clock, region, accountId, recordsPerShard);
    }

    /** These settings with another shard rollover count; 0 never rolls over. */
    public Settings withRecordsPerShard(int recordsPerShard) {
      return new Settings(clock, region, accountId, recordsPerShard);
    }
  }
}
