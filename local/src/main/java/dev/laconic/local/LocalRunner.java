package dev.laconic.local;

import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.app.MappingDefinition;
import dev.laconic.local.app.TemplateValue;
import dev.laconic.local.engine.LocalDynamoDb;
import dev.laconic.local.poller.Checkpoints;
import dev.laconic.local.poller.FailureSink;
import dev.laconic.local.poller.FunctionInvoker;
import dev.laconic.local.poller.Invocation;
import dev.laconic.local.poller.MappingPoller;
import dev.laconic.local.poller.PollerSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * Runs the event source mappings of an application against a DynamoDB Streams endpoint, as
 * Lambda would run them after a deployment: one poller per enabled mapping, each invoking its
 * function's generated adapter in this JVM.
 *
 * <pre>
 * try (LocalDynamoDb dynamo = LocalDynamoDb.start();
 *      LocalRunner runner = LocalRunner.builder(Application.fromClassPath(loader))
 *          .engine(dynamo)
 *          .parameter("OtherStreamArn", "Other")   // a ${Name} stream: table name or ARN
 *          .start()) {
 *   ... write items ...
 *   runner.awaitIdle(Duration.ofSeconds(30));
 * }
 * </pre>
 */
public final class LocalRunner implements AutoCloseable {

  private final DynamoDbClient dynamo;
  private final DynamoDbStreamsClient streams;
  private final List<MappingPoller> pollers;
  private final Checkpoints checkpoints;

  private LocalRunner(DynamoDbClient dynamo, DynamoDbStreamsClient streams,
      List<MappingPoller> pollers, Checkpoints checkpoints) {
    this.dynamo = dynamo;
    this.streams = streams;
    this.pollers = List.copyOf(pollers);
    this.checkpoints = checkpoints;
  }

  /** A runner of {@code application}'s mappings, to configure. */
  public static Builder builder(Application application) {
    return new Builder(application);
  }

  /** The running mappings, in template order. */
  public List<MappingPoller> pollers() {
    return pollers;
  }

  /**
   * Waits until every mapping has listed its shards and taken its iterators, so that a LATEST
   * mapping sees everything written after this returns.
   */
  public boolean awaitStarted(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (MappingPoller poller : pollers) {
      if (!poller.awaitStarted(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Waits until every mapping has handled everything written before this call (delivered,
   * filtered out or given up), or {@code timeout} passes.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (MappingPoller poller : pollers) {
      if (!poller.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where each mapping stands in each shard; give them to {@link Builder#checkpoints} of another
   * runner to go on from there.
   */
  public Checkpoints checkpoints() {
    return checkpoints;
  }

  /**
   * Stops every mapping, as disabling it does on Lambda. A batch in a function is given until
   * the function's timeout (at most 10 s) to finish; a function still running then is
   * interrupted. Its batch, and a batch waiting for a retry, stays after the mapping's
   * checkpoint: a runner going on from {@link #checkpoints()} sends it again.
   */
  @Override
  public void close() {
    pollers.forEach(MappingPoller::close);
    streams.close();
    dynamo.close();
  }

  /** How to reach the stream, and where output and discarded batches go. */
  public static final class Builder {

    private final Application application;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private URI endpoint;
    private String region;
    private AwsCredentialsProvider credentials;
    private String accountId = "000000000000";
    private Consumer<String> output = System.out::println;
    private FailureSink failures;
    private PollerSettings settings = PollerSettings.defaults();
    private Checkpoints checkpoints = new Checkpoints();
    private ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private java.util.Set<String> only;
    /** Null unless a listener asked for the invocations: recording them costs a copy each. */
    private Consumer<Invocation> invocations;

    private Builder(Application application) {
      this.application = application;
    }

    /** Reads from the in-process engine {@code engine}. */
    public Builder engine(LocalDynamoDb engine) {
      this.endpoint = engine.endpoint();
      this.region = engine.region();
      this.accountId = engine.accountId();
      this.credentials = StaticCredentialsProvider.create(
          AwsBasicCredentials.create("local", "local"));
      return this;
    }

    /**
     * Reads from the endpoint {@code endpoint}, such as another local DynamoDB; leave it unset
     * for the region's real endpoint.
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** The region; without it, the SDK's default region provider decides. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** The credentials; without them, the SDK's default chain (profile, environment, ...). */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    /**
     * The value of template parameter {@code name}: for a stream parameter, a stream ARN or the
     * name of a table with a stream.
     */
    public Builder parameter(String name, String value) {
      parameters.put(name, value);
      return this;
    }

    /** Where function logs and runner messages go; standard output by default. */
    public Builder output(Consumer<String> output) {
      this.output = output;
      return this;
    }

    /** Where discarded batches go; by default they are printed to the output. */
    public Builder failureSink(FailureSink failures) {
      this.failures = failures;
      return this;
    }

    /**
     * Runs only the functions with these logical ids (such as {@code OrderEventsEchoFunction});
     * all by default.
     */
    public Builder only(String... functionLogicalIds) {
      this.only = java.util.Set.of(functionLogicalIds);
      for (String id : only) {
        Optional<FunctionDefinition> function = application.function(id);
        if (function.isEmpty()) {
          throw new IllegalArgumentException("no function " + id + " in the template; it has "
              + application.generatedFunctions().stream().map(FunctionDefinition::logicalId)
                  .toList());
        }
        if (!function.get().generated()) {
          throw new IllegalArgumentException(id + " is a function of the application's own"
              + " template; the runner runs only the functions Laconic generated");
        }
      }
      return this;
    }

    /**
     * Tells {@code listener} of every invocation, with the event, the response or error and the
     * function's log lines; called on the mapping's thread once the function has returned.
     */
    public Builder onInvocation(Consumer<Invocation> listener) {
      this.invocations = listener;
      return this;
    }

    /**
     * Goes on from {@code checkpoints}, such as another runner's {@link #checkpoints()}, and
     * keeps the mappings' places there: as Lambda does for a mapping disabled and enabled
     * again. By default a runner starts each mapping at its {@code StartingPosition}, as a new
     * mapping.
     */
    public Builder checkpoints(Checkpoints checkpoints) {
      this.checkpoints = checkpoints;
      return this;
    }

    /** The pace of polling and retries. */
    public Builder settings(PollerSettings settings) {
      this.settings = settings;
      return this;
    }

    /** The class loader the adapters are loaded from; the context class loader by default. */
    public Builder classLoader(ClassLoader loader) {
      this.loader = loader;
      return this;
    }

    /**
     * Resolves every mapping's stream and starts polling.
     *
     * @throws IllegalArgumentException for a parameter without a value, an unknown table or
     *     stream, a table without a stream, or a handler that cannot be created
     */
    public LocalRunner start() {
      DynamoDbClient dynamo = configure(DynamoDbClient.builder()).build();
      DynamoDbStreamsClient streams = configure(DynamoDbStreamsClient.builder()).build();
      List<MappingPoller> pollers = new ArrayList<>();
      try {
        FailureSink sink = failures != null ? failures : FailureSink.printing(output);
        String regionName = region != null ? region
            : dynamo.serviceClientConfiguration().region().id();
        for (FunctionDefinition function : application.generatedFunctions()) {
          if (only != null && !only.contains(function.logicalId())) {
            continue;
          }
          String functionArn = "arn:aws:lambda:" + regionName + ":" + accountId + ":function:"
              + function.name();
          LocalInvoker.environmentNote(function).ifPresent(output);
          for (MappingDefinition mapping : function.mappings()) {
            if (!mapping.enabled()) {
              output.accept("[laconic] " + mapping.logicalId() + " is disabled (Enabled: false);"
                  + " not polling.");
              continue;
            }
            TemplateValue source = mapping.eventSourceArn();
            if (!source.service(parameters).equals("dynamodb")) {
              // Kinesis, SQS and the others: their events are local only through invoke. A
              // resource of the template is told by its type, a parameter by its value's ARN.
              output.accept("[laconic] " + mapping.logicalId() + " reads "
                  + (source.resource() != null ? source : source.resolve(parameters))
                  + "; the runner polls DynamoDB streams only. Invoke " + function.logicalId()
                  + " with an event instead (LocalMain invoke --function "
                  + function.logicalId() + " --event FILE).");
              continue;
            }
            String streamArn = streamArn(dynamo, streams, mapping, source.resolve(parameters));
            FunctionInvoker invoker = new FunctionInvoker(function, mapping.logicalId(),
                functionArn, loader, output, invocations);
            pollers.add(MappingPoller.start(mapping, streamArn, invoker, streams, sink, settings,
                output, functionArn, checkpoints));
            output.accept("[laconic] " + mapping.logicalId() + ": " + function.handlerClass()
                + " <- " + streamArn + " (" + mapping.startingPosition() + ", batch size "
                + mapping.batchSize() + ")");
          }
        }
      } catch (RuntimeException | Error e) {
        pollers.forEach(MappingPoller::close);
        streams.close();
        dynamo.close();
        throw e;
      }
      return new LocalRunner(dynamo, streams, pollers, checkpoints);
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
        & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, ?>> B configure(
        B builder) {
      builder.httpClientBuilder(UrlConnectionHttpClient.builder());
      builder.credentialsProvider(
          credentials != null ? credentials : DefaultCredentialsProvider.builder().build());
      if (region != null) {
        builder.region(Region.of(region));
      }
      if (endpoint != null) {
        builder.endpointOverride(endpoint);
      }
      return builder;
    }

    /** The stream ARN: {@code value} itself, or the latest stream of the table it names. */
    private String streamArn(DynamoDbClient dynamo, DynamoDbStreamsClient streams,
        MappingDefinition mapping, String value) {
      if (value.startsWith("arn:")) {
        try {
          streams.describeStream(r -> r.streamArn(value).limit(1));
        } catch (ResourceNotFoundException e) {
          throw new IllegalArgumentException(mapping.logicalId() + ": stream " + value
              + " does not exist at this endpoint.", e);
        } catch (software.amazon.awssdk.services.dynamodb.model.DynamoDbException e) {
          throw new IllegalArgumentException(mapping.logicalId() + ": " + value + " is not a"
              + " DynamoDB stream's ARN (" + e.awsErrorDetails().errorMessage() + ").", e);
        }
        return value;
      }
      TableDescription table;
      try {
        table = dynamo.describeTable(r -> r.tableName(value)).table();
      } catch (ResourceNotFoundException e) {
        if (mapping.eventSourceArn().resource() != null) {
          throw new IllegalArgumentException(mapping.logicalId() + ": the table "
              + mapping.eventSourceArn() + " of the template is not at this endpoint: create a"
              + " table named " + value + ", with a stream, before starting the runner.", e);
        }
        throw new IllegalArgumentException(mapping.logicalId() + ": " + mapping.eventSourceArn()
            + " = \"" + value + "\" is neither a stream ARN nor a table at this endpoint.", e);
      }
      if (table.latestStreamArn() == null || table.streamSpecification() == null
          || !Boolean.TRUE.equals(table.streamSpecification().streamEnabled())) {
        throw new IllegalArgumentException(mapping.logicalId() + ": table " + value
            + " has no stream. Enable one with StreamSpecification (StreamEnabled: true,"
            + " StreamViewType: NEW_AND_OLD_IMAGES).");
      }
      return table.latestStreamArn();
    }
  }
}
