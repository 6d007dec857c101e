package dev.laconic.maven;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.LocalRunner;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.TemplateTables;
import dev.laconic.local.engine.LocalDynamoDb;
import dev.laconic.local.poller.FailureSink;
import java.io.IOException;
import java.net.URLClassLoader;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code mvn compile laconic:run}: the application on this machine. It starts the in-process
 * DynamoDB, creates the template's tables with their streams, starts every generated function's
 * DynamoDB stream mapping as Lambda polls it, and prints the endpoint to write items to and each
 * function's logs, until Ctrl-C, which stops the mappings and the database and says so.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RunMojo extends ProjectMojo {

  /**
   * Template parameters, as {@code Name=value,Name=value}: for a stream, a stream ARN or the name
   * of a table.
   */
  @Parameter(property = "laconic.parameters")
  private String parameters;

  /** Stop after this long (ISO-8601, such as {@code PT30S}) instead of waiting for Ctrl-C. */
  @Parameter(property = "laconic.runFor")
  private String runFor;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    JsonNode template = template();
    Duration stopAfter = stopAfter();
    Map<String, String> values = parameters();
    Consumer<String> out = line -> getLog().info(line);
    URLClassLoader loader = projectClassLoader();
    LocalDynamoDb engine = null;
    LocalRunner runner = null;
    try {
      engine = LocalDynamoDb.start();
      try (DynamoDbClient dynamo = engine.client()) {
        TemplateTables.create(template, dynamo)
            .forEach(line -> out.accept("[laconic] " + line));
      }
      LocalRunner.Builder builder = LocalRunner.builder(Application.parse(template))
          .engine(engine).classLoader(loader).output(out)
          .failureSink(FailureSink.printing(out));
      values.forEach(builder::parameter);
      runner = builder.start();
      // Writes made after the line below must reach a LATEST mapping too.
      if (!runner.awaitStarted(Duration.ofSeconds(30))) {
        getLog().warn("[laconic] A mapping has not started within 30 s; writes made now may be"
            + " missed by a LATEST mapping.");
      }
    } catch (RuntimeException e) {
      close(runner, engine, loader);
      if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
        throw new MojoFailureException(e.getMessage(), e);
      }
      throw new MojoExecutionException("Cannot start the application: " + e, e);
    } catch (InterruptedException e) {
      close(runner, engine, loader);
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while starting the application", e);
    }
    out.accept("[laconic] In-process DynamoDB at " + engine.endpoint() + " (region "
        + engine.region() + ", any credentials); write items with: aws dynamodb put-item"
        + " --endpoint-url " + engine.endpoint() + " --region " + engine.region() + " ...");
    out.accept("[laconic] Running " + runner.pollers().size() + " mapping(s)."
        + (stopAfter == null ? " Stop with Ctrl-C." : " Stopping after " + stopAfter + "."));
    untilStopped(runner, engine, loader, stopAfter);
  }

  /**
   * Waits for Ctrl-C, which ends the JVM: its shutdown hooks run while this thread still
   * waits, so the hook stops everything; or for {@code stopAfter}, then stops it here.
   */
  private static void untilStopped(LocalRunner runner, LocalDynamoDb engine,
      URLClassLoader loader, Duration stopAfter) {
    AtomicBoolean stopping = new AtomicBoolean();
    CountDownLatch stopped = new CountDownLatch(1);
    Runnable stop = () -> {
      if (stopping.compareAndSet(false, true)) {
        try {
          close(runner, engine, loader);
        } finally {
          // Standard output: on Ctrl-C, Maven's logger may be shut down by now.
          System.out.println("[laconic] Stopped: the mappings and the in-process DynamoDB.");
          stopped.countDown();
        }
      }
    };
    Thread hook = new Thread(stop, "laconic-run-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      if (stopAfter == null) {
        stopped.await();
      } else if (!stopped.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS)) {
        stop.run();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop.run();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C came as the time ran out: the hook has run, or runs now, and stops nothing twice.
      }
    }
  }

  private Map<String, String> parameters() throws MojoFailureException {
    Map<String, String> values = new LinkedHashMap<>();
    for (String parameter : parameters == null ? new String[0] : parameters.split(",")) {
      int equals = parameter.indexOf('=');
      if (equals <= 0) {
        throw new MojoFailureException("-Dlaconic.parameters takes Name=value,Name=value, not "
            + parameters);
      }
      values.put(parameter.substring(0, equals).trim(), parameter.substring(equals + 1).trim());
    }
    return values;
  }

  private Duration stopAfter() throws MojoFailureException {
    if (runFor == null || runFor.isBlank()) {
      return null;
    }
    try {
      return Duration.parse(runFor.trim());
    } catch (DateTimeParseException e) {
      throw new MojoFailureException("-Dlaconic.runFor takes an ISO-8601 duration, such as"
          + " PT30S, not " + runFor, e);
    }
  }

  /** Closes what was started, each whatever the others do. */
  private static void close(LocalRunner runner, LocalDynamoDb engine, URLClassLoader loader) {
    try {
      if (runner != null) {
        runner.close();
      }
    } finally {
      if (engine != null) {
        engine.close();
      }
      closeQuietly(loader);
    }
  }

  private static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // Nothing was written through it; the JVM is about to end or the build to go on.
    }
  }

  @Override
  String goal() {
    return "run";
  }
}
