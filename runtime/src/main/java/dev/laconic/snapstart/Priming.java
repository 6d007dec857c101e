package dev.laconic.snapstart;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The SnapStart runtime hook of one function: before Lambda takes the snapshot, it runs the
 * adapter's primer, which reads a synthetic event, maps its records and writes a response
 * without calling the handler.
 *
 * <p>Lambda's Java runtime calls the {@code beforeCheckpoint} of every resource registered with
 * {@link Core#getGlobalContext()} before it snapshots the initialised function
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html">SnapStart
 * runtime hooks</a>). Outside a CRaC JVM that context registers nothing, so the hook is harmless
 * where no snapshot is taken. The context holds its resources weakly: the adapter keeps the
 * {@code Priming} in a static field, or it could be collected before the checkpoint.
 *
 * <p>Priming is best effort. A synthetic value the user's type rejects is the adapter's to catch,
 * record by record; anything else the primer throws stops priming with one line on standard
 * error, and the checkpoint goes on, so priming never fails a deployment.
 */
public final class Priming implements Resource {

  /**
   * How many times {@code beforeCheckpoint} runs the primer. Once loads and initialises every
   * class on the path; more runs let the JIT compile the hottest methods before the snapshot.
   * Measured with {@code java -jar benchmarks/target/benchmarks.jar priming} (see
   * docs/performance.md).
   */
  public static final int ITERATIONS = 10;

  /** Code that reads, maps and writes one synthetic event, as an invocation would. */
  @FunctionalInterface
  public interface Primer {
    /** Primes once; throws only when priming itself went wrong. */
    void prime() throws Exception;
  }

  private final String function;
  private final Primer primer;

  private Priming(String function, Primer primer) {
    this.function = function;
    this.primer = primer;
  }

  /**
   * Registers the priming of {@code function} ({@code Class.method}, for the failure line) with
   * the CRaC global context; keep the result in a static field.
   */
  public static Priming register(String function, Primer primer) {
    Priming priming = new Priming(function, primer);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  /** Primes {@link #ITERATIONS} times; never throws. */
  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime(ITERATIONS);
  }

  /** Nothing to restore: priming holds no connection, file or synthetic data. */
  @Override
  public void afterRestore(Context<? extends Resource> context) {}

  /**
   * Runs the primer {@code iterations} times, and says whether every run finished; a run that
   * throws stops priming with one line on standard error.
   */
  public boolean prime(int iterations) {
    try {
      for (int i = 0; i < iterations; i++) {
        primer.prime();
      }
      return true;
    } catch (Exception | LinkageError e) {
      // A LinkageError too: a user type whose static initializer fails must not fail the
      // checkpoint; the real invocation meets the same error and reports it.
      System.err.println("Laconic: priming " + function + " for SnapStart stopped, the snapshot"
          + " is taken as it is: " + e);
      return false;
    }
  }
}
