package org.doppel.runtime.ingest;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * The regular time grid a series must lie on: its first timestamp plus whole multiples of
 * the declared interval.
 *
 * <p>An interval that is a whole multiple of {@link ChronoUnit#MONTHS}'s estimated duration
 * (Java's 30.436875 days; {@link ChronoUnit#YEARS} is twelve of them) means calendar months,
 * so monthly and yearly series, whose months differ in length, lie on a grid too.
 * Immutable.
 */
final class SamplingGrid {

  private static final Duration MONTH = ChronoUnit.MONTHS.getDuration();
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final LocalDateTime origin;
  private final Duration interval;
  private final long months;

  private SamplingGrid(LocalDateTime origin, Duration interval) {
    this.origin = origin;
    this.interval = interval;
    this.months = calendarMonths(interval);
  }

  /** The grid through {@code origin} with step {@code interval}. */
  static SamplingGrid anchoredAt(LocalDateTime origin, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, got " + interval);
    }
    return new SamplingGrid(origin, interval);
  }

  /** The index of {@code time} on the grid, or empty when it falls between grid points. */
  OptionalLong indexOf(LocalDateTime time) {
    if (months > 0) {
      long elapsed = ChronoUnit.MONTHS.between(origin, time);
      boolean onGrid = elapsed % months == 0 && origin.plusMonths(elapsed).equals(time);
      return onGrid ? OptionalLong.of(elapsed / months) : OptionalLong.empty();
    }
    return durationIndex(time);
  }

  /** Whole-nanosecond arithmetic: {@link Duration#dividedBy(Duration)} is far slower. */
  private OptionalLong durationIndex(LocalDateTime time) {
    try {
      long seconds = time.toEpochSecond(ZoneOffset.UTC) - origin.toEpochSecond(ZoneOffset.UTC);
      long elapsed = Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND),
          time.getNano() - origin.getNano());
      long step = interval.toNanos();
      return elapsed % step == 0 ? OptionalLong.of(elapsed / step) : OptionalLong.empty();
    } catch (ArithmeticException beyondThreeCenturies) {
      Duration elapsed = Duration.between(origin, time);
      long steps = elapsed.dividedBy(interval);
      return interval.multipliedBy(steps).equals(elapsed)
          ? OptionalLong.of(steps)
          : OptionalLong.empty();
    }
  }

  /** The timestamp of grid point {@code index}. */
  LocalDateTime at(long index) {
    return months > 0
        ? origin.plusMonths(index * months)
        : origin.plus(interval.multipliedBy(index));
  }

  /** The interval as a user would write it: {@code 30m}, {@code 1h}, {@code 1 month}. */
  static String describe(Duration interval) {
    long months = calendarMonths(interval);
    if (months > 0) {
      return months % 12 == 0 ? months / 12 + " year(s)" : months + " month(s)";
    }
    long seconds = interval.getSeconds();
    if (interval.getNano() != 0) {
      return interval.toMillis() + "ms";
    }
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }

  private static long calendarMonths(Duration interval) {
    long steps = interval.dividedBy(MONTH);
    return steps > 0 && MONTH.multipliedBy(steps).equals(interval) ? steps : 0;
  }
}
