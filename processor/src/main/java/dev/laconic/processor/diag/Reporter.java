package dev.laconic.processor.diag;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.Diagnostic.Kind;

/**
 * Collects diagnostics from every step and prints them, on {@link #flush()}, through javac's
 * {@link Messager} at the most precise place known: the annotation value when it was written,
 * else the annotation, else the element. The steps only report; the processor flushes, so no step
 * prints on its own.
 */
public final class Reporter {

  /** One reported diagnostic with its formatted message. */
  public record Report(Diagnostic diagnostic, Origin.Location location, String message) {}

  private final Messager messager;
  private final RepeatedAnnotationTrees trees;
  private final List<Report> reports = new ArrayList<>();
  private int printed;
  private int errors;

  /**
   * A reporter printing through the environment's {@code Messager}, and on repeated annotations
   * through javac's tree API when the compiler offers it.
   */
  public Reporter(ProcessingEnvironment env) {
    this.messager = env.getMessager();
    this.trees = RepeatedAnnotationTrees.of(env);
  }

  /** Reports {@code diagnostic} at {@code location}; it is printed on the next flush. */
  public void report(Diagnostic diagnostic, Origin.Location location, Object... args) {
    add(new Report(diagnostic, location, diagnostic.message(args)));
  }

  /**
   * Queues every problem of {@code report} for the next flush.
   *
   * @return whether the report is clean, so a step can report and branch in one call
   */
  public boolean report(ValidationReport report) {
    report.items().forEach(this::add);
    return report.isClean();
  }

  /**
   * Queues {@code report} unless the same message was already queued at the same place: a type
   * or a class-level statement shared by several handlers is checked for each, and its problem
   * is printed once.
   */
  private void add(Report report) {
    if (reports.contains(report)) {
      return;
    }
    reports.add(report);
    if (report.diagnostic().kind() == Kind.ERROR) {
      errors++;
    }
  }

  /** Prints every report not printed yet, in the order reported. */
  public void flush() {
    for (; printed < reports.size(); printed++) {
      print(reports.get(printed));
    }
  }

  /** Whether any error was reported since this reporter was created. */
  public boolean hasErrors() {
    return errors > 0;
  }

  private void print(Report report) {
    Origin.Location at = report.location();
    if (at != null && at.repeated() != null && trees != null
        && trees.print(report.diagnostic().kind(), report.message(), at)) {
      return;
    }
    if (at == null || at.element() == null) {
      messager.printMessage(report.diagnostic().kind(), report.message());
    } else if (at.annotation() == null) {
      messager.printMessage(report.diagnostic().kind(), report.message(), at.element());
    } else if (at.value() == null) {
      messager.printMessage(
          report.diagnostic().kind(), report.message(), at.element(), at.annotation());
    } else {
      messager.printMessage(
          report.diagnostic().kind(), report.message(), at.element(), at.annotation(), at.value());
    }
  }
}
