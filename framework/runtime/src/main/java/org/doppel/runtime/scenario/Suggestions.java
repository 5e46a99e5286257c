package org.doppel.runtime.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a misspelt one most likely meant. Stateless. */
final class Suggestions {

  private Suggestions() {
  }

  /**
   * The candidate closest to {@code given} by edit distance, when it is close enough to be a
   * typo: at most one edit per three characters of {@code given}, and at least one allowed.
   */
  static Optional<String> closest(String given, Collection<String> candidates) {
    String lower = given.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, given.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates.stream().sorted().toList()) {
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Levenshtein distance, with the separators {@code -} and {@code _} counted as equal. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = same(a.charAt(i - 1), b.charAt(j - 1)) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1),
            previous[j - 1] + substitution);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static boolean same(char a, char b) {
    return a == b || (a == '-' && b == '_') || (a == '_' && b == '-');
  }
}
