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
    return LocalMain.run(args, out, err, (runner, engine) -> {
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
