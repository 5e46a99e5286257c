package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.function.DoubleFunction;
import org.doppel.sdk.Plugin;

/** Checks and numerics the contracts share. */
final class Contracts {

  /** The relative step of central differences: near the cube root of machine epsilon. */
  static final double DIFFERENCE_STEP = 1e-5;

  private Contracts() {
  }

  /** An id a scenario can name: lower-case words joined by hyphens, and a description. */
  static void requireId(Plugin plugin) {
    String id = plugin.id();
    if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      fail(plugin.getClass().getName() + ": id() is '" + id + "'; an id is lower-case"
          + " letters and digits in words joined by hyphens, such as 'thermal-room'");
    }
    if (plugin.description() == null || plugin.description().isBlank()) {
      fail(id + ": description() is blank; it is the line 'doppel plugins' shows");
    }
  }

  static void requireSame(String message, double[] expected, double[] actual) {
    if (!Arrays.equals(expected, actual)) {
      fail(message + ": " + Arrays.toString(expected) + " became " + Arrays.toString(actual));
    }
  }

  /** A copy of {@code values} with entry {@code index} moved by {@code step}. */
  static double[] shifted(double[] values, int index, double step) {
    double[] copy = values.clone();
    copy[index] += step;
    return copy;
  }

  /** (f(v + h) − f(v − h)) / 2h with a step relative to the value {@code at}. */
  static double[] centralDifference(DoubleFunction<double[]> f, double at) {
    double step = DIFFERENCE_STEP * Math.max(1, Math.abs(at));
    double[] up = f.apply(step);
    double[] down = f.apply(-step);
    double[] slope = new double[up.length];
    for (int i = 0; i < slope.length; i++) {
      slope[i] = (up[i] - down[i]) / (2 * step);
    }
    return slope;
  }
}
