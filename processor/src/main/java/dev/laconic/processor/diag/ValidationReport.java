package dev.laconic.processor.diag;

import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic.Kind;

/**
 * What one check found: the problems in the order found, and whether any of them is an error.
 *
 * <p>Checks return a report instead of printing, and success is {@link #isClean()}, never a
 * comparison of error counts before and after (dagger's {@code ValidationReport}). The {@link
 * Reporter} prints reports once the step that asked for them is done.
 */
public final class ValidationReport {

  private static final ValidationReport CLEAN = new ValidationReport(List.of());

  private final List<Reporter.Report> items;

  private ValidationReport(List<Reporter.Report> items) {
    this.items = List.copyOf(items);
  }

  /** A report with no problem at all. */
  public static ValidationReport clean() {
    return CLEAN;
  }

  /** A builder to collect problems into. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether nothing found is an error; warnings leave a report clean. */
  public boolean isClean() {
    return items.stream().noneMatch(item -> item.diagnostic().kind() == Kind.ERROR);
  }

  /** The problems, in the order found. */
  public List<Reporter.Report> items() {
    return items;
  }

  /** Collects problems; several checks may add to one builder. */
  public static final class Builder {

    private final List<Reporter.Report> items = new ArrayList<>();

    private Builder() {}

    /** Adds {@code diagnostic} at {@code location}, its message formatted with {@code args}. */
    public Builder report(Diagnostic diagnostic, Origin.Location location, Object... args) {
      items.add(new Reporter.Report(diagnostic, location, diagnostic.message(args)));
      return this;
    }

    /** Adds {@code diagnostic} unless {@code min <= value <= max}; the value is its argument. */
    public Builder range(int value, int min, int max, Diagnostic diagnostic,
        Origin.Location location) {
      if (value < min || value > max) {
        report(diagnostic, location, value);
      }
      return this;
    }

    /** Adds every problem of {@code report}. */
    public Builder add(ValidationReport report) {
      items.addAll(report.items);
      return this;
    }

    /** Whether nothing added so far is an error. */
    public boolean isClean() {
      return items.stream().noneMatch(item -> item.diagnostic().kind() == Kind.ERROR);
    }

    public ValidationReport build() {
      return items.isEmpty() ? CLEAN : new ValidationReport(items);
    }
  }
}
