package dev.laconic.local.poller;

import java.time.Clock;
import java.time.Duration;

/**
 * How a local mapping paces itself. Lambda polls each shard four times a second and backs off
 * between retries; tests shorten both.
 *
 * @param pollInterval the pause after a read that returned no records (Lambda: 250 ms)
 * @param retryBackoff the pause before the first retry of a failed batch, doubled for each
 *     further retry up to {@code maxRetryBackoff}
 * @param clock the clock record ages are measured with (against ApproximateCreationDateTime)
 */
public record PollerSettings(Duration pollInterval, Duration retryBackoff,
    Duration maxRetryBackoff, Clock clock) {

  /** Lambda's pace: 250 ms between empty reads, retries after 100 ms doubling up to 2 s. */
  public static PollerSettings defaults() {
    return new PollerSettings(Duration.ofMillis(250), Duration.ofMillis(100),
        Duration.ofSeconds(2), Clock.systemUTC());
  }

  public PollerSettings withPollInterval(Duration interval) {
    return new PollerSettings(interval, retryBackoff, maxRetryBackoff, clock);
  }

  public PollerSettings withRetryBackoff(Duration backoff) {
    return new PollerSettings(pollInterval, backoff, maxRetryBackoff, clock);
  }

  public PollerSettings withClock(Clock clock) {
    return new PollerSettings(pollInterval, retryBackoff, maxRetryBackoff, clock);
  }
}
