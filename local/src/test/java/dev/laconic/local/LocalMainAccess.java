package dev.laconic.local;

import dev.laconic.local.engine.LocalDynamoDb;
import java.util.function.Consumer;

/** Lets tests in other packages run the command line with their own output and actions. */
public final class LocalMainAccess {

  /** What a test does while the mappings run. */
  public interface During {
    void run(LocalRunner runner, LocalDynamoDb engine) throws Exception;
  }

  private LocalMainAccess() {}

  public static int run(String[] args, Consumer<String> out, Consumer<String> err, During during)
      throws InterruptedException {
    return run(args, new byte[0], out, err, during);
  }

  /** Runs the command line with {@code stdin} as standard input. */
  public static int run(String[] args, byte[] stdin, Consumer<String> out, Consumer<String> err,
      During during) throws InterruptedException {
    return LocalMain.run(args, new java.io.ByteArrayInputStream(stdin), out, err,
        (runner, engine) -> {
          try {
            during.run(runner, engine);
          } catch (InterruptedException | RuntimeException | Error e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
