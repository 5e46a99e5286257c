package org.doppel.runtime.pipeline;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the twin's attention weighed: the weights of one forecast, and the mean weight of each
 * input token over every test forecast, with each token named by the stretch of history it
 * holds. Immutable.
 *
 * @param origin the forecast origin whose weights are in {@code weights}
 * @param weights {@code [queries][tokens]} for that origin
 * @param meanByToken each token's weight averaged over queries and test origins
 * @param tokens each token's stretch of history, oldest first
 */
record Explanation(LocalDateTime origin, double[][] weights, double[] meanByToken,
    List<Token> tokens) {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

  /**
   * One input token: the values from {@code firstLag} down to {@code lastLag} steps before
   * the origin (lag 1 is the last value before it).
   */
  record Token(int index, int firstLag, int lastLag, String label) {
  }

  /** The tokens of a window of {@code window} steps cut into patches of {@code patch}. */
  static List<Token> tokens(int window, int patch, Duration interval, LocalDateTime origin) {
    List<Token> tokens = new ArrayList<>();
    for (int t = 0; t * patch < window; t++) {
      int firstLag = window - t * patch;
      int lastLag = Math.max(1, window - (t + 1) * patch + 1);
      tokens.add(new Token(t, firstLag, lastLag, label(firstLag, lastLag, interval, origin)));
    }
    return tokens;
  }

  /** The {@code count} tokens that carry the most weight on average, heaviest first. */
  List<Token> heaviest(int count) {
    return tokens.stream()
        .sorted(Comparator.comparingDouble((Token t) -> -meanByToken[t.index()]))
        .limit(count).toList();
  }

  /**
   * Names a stretch of history as a user reads it: how many days before the forecast day
   * and the clock times, e.g. "7 d before 00:00–03:30". No weekday: the mean weights pool
   * forecasts issued on every day of the week.
   */
  private static String label(int firstLag, int lastLag, Duration interval,
      LocalDateTime origin) {
    LocalDateTime from = origin.minus(interval.multipliedBy(firstLag));
    LocalDateTime to = origin.minus(interval.multipliedBy(lastLag));
    long days = Duration.between(from.toLocalDate().atStartOfDay(),
        origin.toLocalDate().atStartOfDay()).toDays();
    String when = days == 0 ? "same day" : days == 1 ? "1 d before" : days + " d before";
    return String.format(Locale.ROOT, "%s %s–%s", when, CLOCK.format(from),
        CLOCK.format(to));
  }
}
