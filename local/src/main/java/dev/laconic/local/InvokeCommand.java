package dev.laconic.local;

import dev.laconic.local.LocalMain.UsageException;
import dev.laconic.local.app.Application;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code LocalMain invoke}: one function, one event, as {@code sam local invoke} does. The
 * payload goes to {@code out} (the response, or Lambda's error JSON), the logs to {@code err}.
 */
final class InvokeCommand {

  private InvokeCommand() {}

  /** Runs {@code invoke} with the arguments after it; returns the exit status. */
  static int run(String[] args, InputStream in, Consumer<String> out, Consumer<String> err) {
    String function = null;
    String event = null;
    Path template = null;
    String region = null;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--function" -> function = LocalMain.value(args, ++i);
        case "--event" -> event = LocalMain.value(args, ++i);
        case "--template" -> template = Path.of(LocalMain.value(args, ++i));
        case "--region" -> region = LocalMain.value(args, ++i);
        default -> throw new UsageException("invoke: unknown argument " + args[i]);
      }
    }
    if (function == null) {
      throw new UsageException("invoke needs --function");
    }
    if (event == null) {
      throw new UsageException("invoke needs --event FILE (or - for standard input)");
    }
    byte[] payload = read(event, in);
    LocalInvoker.Builder builder;
    try {
      builder = LocalInvoker.builder(template != null ? Application.fromTemplate(template)
          : Application.fromClassPath(Thread.currentThread().getContextClassLoader()));
    } catch (IllegalStateException e) {
      throw new UsageException(e.getMessage(), false);
    } catch (UncheckedIOException e) {
      throw new UsageException("--template " + template + ": " + e.getCause(), false);
    }
    if (region != null) {
      builder.region(region);
    }
    InvokeResult result;
    try (LocalInvoker invoker = builder.output(err).build()) {
      result = invoker.invoke(function, payload);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), false);
    }
    out.accept(result.payloadText());
    return result.succeeded() ? 0 : 1;
  }

  private static byte[] read(String event, InputStream in) {
    try {
      return event.equals("-") ? in.readAllBytes() : Files.readAllBytes(Path.of(event));
    } catch (NoSuchFileException e) {
      throw new UsageException("--event " + event + ": no such file", false);
    } catch (IOException e) {
      throw new UsageException("--event " + event + ": " + e, false);
    }
  }
}
