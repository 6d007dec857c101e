package dev.laconic.snapstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Core;
import org.junit.jupiter.api.Test;

/**
 * The hook outside a CRaC JVM, as in every test and on a function without SnapStart: registering
 * is harmless, and {@code beforeCheckpoint}, called as Lambda calls it, runs the primer.
 */
class PrimingTest {

  @Test
  void registeringOutsideACracJvmIsHarmlessAndTheHookRunsThePrimer() {
    AtomicInteger runs = new AtomicInteger();
    Priming priming = Priming.register("Test.handle", runs::incrementAndGet);

    assertEquals(0, runs.get(), "registering primes nothing");
    priming.beforeCheckpoint(Core.getGlobalContext());
    assertEquals(Priming.ITERATIONS, runs.get());
    priming.afterRestore(Core.getGlobalContext());
    assertEquals(Priming.ITERATIONS, runs.get(), "restoring primes nothing");
  }

  @Test
  void aPrimerThatThrowsStopsPrimingWithOneLineAndNeverFailsTheCheckpoint() {
    AtomicInteger runs = new AtomicInteger();
    Priming priming = Priming.register("Test.handle", () -> {
      runs.incrementAndGet();
      throw new IllegalStateException("boom");
    });

    String err = stderrOf(() -> priming.beforeCheckpoint(null));

    assertEquals(1, runs.get(), "the first failure stops priming");
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.startsWith("Laconic: priming Test.handle for SnapStart stopped"), err);
    assertTrue(err.contains("IllegalStateException: boom"), err);
  }

  @Test
  void aUserTypeWhoseInitializerFailsStopsPrimingWithoutFailingTheCheckpoint() {
    Priming priming = Priming.register("Test.handle", () -> {
      throw new ExceptionInInitializerError("static init");
    });
    String[] err = new String[1];
    boolean[] finished = new boolean[1];
    err[0] = stderrOf(() -> finished[0] = priming.prime(3));
    assertFalse(finished[0]);
    assertEquals(1, err[0].lines().count(), err[0]);
  }

  @Test
  void primingThatSucceedsWritesNothing() {
    String err = stderrOf(() -> assertTrue(Priming.register("Test.handle", () -> { }).prime(5)));
    assertEquals("", err);
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
