package org.doppel.runtime.scenario;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as scenarios write them: {@code 30m}, {@code 1h}, {@code 1h30m}, {@code 500ms},
 * {@code 1d}, {@code 1w}, {@code 1mo}, {@code 1y}, or ISO-8601 ({@code PT30M}, {@code P1D},
 * {@code P1M}).
 *
 * <p>Months and years are calendar units with no fixed length; they are given as multiples
 * of {@link ChronoUnit#MONTHS}'s estimated duration, which the CSV ingest reads as "step by
 * calendar months". They cannot be mixed with days or smaller units. Stateless.
 */
final class DurationText {

  /** What a user may write, for messages. */
  static final String EXAMPLES = "such as 30m, 1h, 1d, 1mo or PT30M";

  private static final Pattern PART = Pattern.compile("(\\d+)\\s*([a-z]+)");
  private static final Map<String, Duration> UNITS = Map.ofEntries(
      Map.entry("ms", Duration.ofMillis(1)), Map.entry("s", Duration.ofSeconds(1)),
      Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)),
      Map.entry("h", Duration.ofHours(1)), Map.entry("d", Duration.ofDays(1)),
      Map.entry("w", Duration.ofDays(7)), Map.entry("mo", ChronoUnit.MONTHS.getDuration()),
      Map.entry("y", ChronoUnit.YEARS.getDuration()));

  private DurationText() {
  }

  /**
   * Reads {@code text}.
   *
   * @throws IllegalArgumentException with the reason in the user's terms
   */
  static Duration parse(String text) {
    String trimmed = text.strip();
    Duration duration = trimmed.toUpperCase(Locale.ROOT).startsWith("P")
        ? parseIso(trimmed)
        : parseShort(trimmed.toLowerCase(Locale.ROOT));
    if (duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException("must be longer than zero");
    }
    return duration;
  }

  private static Duration parseShort(String text) {
    if (text.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
      throw new IllegalArgumentException("needs a unit, " + EXAMPLES);
    }
    Matcher part = PART.matcher(text);
    Duration total = Duration.ZERO;
    int at = 0;
    boolean calendar = false;
    boolean clock = false;
    while (at < text.length()) {
      if (!part.find(at) || part.start() != at || !UNITS.containsKey(part.group(2))) {
        throw new IllegalArgumentException("is not a duration " + EXAMPLES);
      }
      boolean months = part.group(2).equals("mo") || part.group(2).equals("y");
      calendar |= months;
      clock |= !months;
      total = total.plus(UNITS.get(part.group(2)).multipliedBy(Long.parseLong(part.group(1))));
      at = skipSpaces(text, part.end());
    }
    if (calendar && clock) {
      throw new IllegalArgumentException("mixes calendar months or years with fixed units");
    }
    return total;
  }

  private static int skipSpaces(String text, int from) {
    int at = from;
    while (at < text.length() && text.charAt(at) == ' ') {
      at++;
    }
    return at;
  }

  private static Duration parseIso(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException notTime) {
      try {
        Period period = Period.parse(text);
        if (period.getDays() != 0 && period.toTotalMonths() != 0) {
          throw new IllegalArgumentException("mixes calendar months or years with days");
        }
        return period.getDays() != 0
            ? Duration.ofDays(period.getDays())
            : ChronoUnit.MONTHS.getDuration().multipliedBy(period.toTotalMonths());
      } catch (DateTimeParseException notPeriod) {
        throw new IllegalArgumentException("is not an ISO-8601 duration " + EXAMPLES);
      }
    }
  }
}
