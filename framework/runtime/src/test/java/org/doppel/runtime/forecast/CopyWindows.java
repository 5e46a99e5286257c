package org.doppel.runtime.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.doppel.sdk.forecast.WindowSet;

/**
 * Synthetic windows whose target is, by construction, a copy of one known token's first
 * feature (scaled and shifted into other units) plus small noise; every other value is an
 * independent normal draw, so no other token carries information about the target.
 */
public final class CopyWindows {

  public static final double NOISE = 0.05;
  public static final double GAIN = 2.0;
  public static final double OFFSET = 10.0;

  private CopyWindows() {
  }

  /** {@code windows} windows of {@code tokens} tokens of {@code features} features. */
  static WindowSet of(int windows, int tokens, int features, int keyToken, long seed) {
    Random random = new Random(seed);
    double[][][] inputs = new double[windows][tokens][features];
    double[][] targets = new double[windows][1];
    for (int w = 0; w < windows; w++) {
      for (int t = 0; t < tokens; t++) {
        for (int f = 0; f < features; f++) {
          inputs[w][t][f] = random.nextGaussian();
        }
      }
      targets[w][0] = OFFSET + GAIN * inputs[w][keyToken][0] + NOISE * random.nextGaussian();
    }
    return new WindowSet(inputs, null, targets, names("feature", features), List.of("copy"),
        names("token", tokens));
  }

  /**
   * Windows of {@code tokens} tokens with the features {@code value}, {@code marker} and
   * {@code noise}: in each window one token, at a random position, has marker 1 (the others
   * 0), and the target copies that token's value. Where the copied token sits changes from
   * window to window, so only attention can fetch it: a fixed position could be read by the
   * head straight through a variant's residual connection, leaving the weights uniform.
   */
  public static Marked marked(int windows, int tokens, long seed) {
    Random random = new Random(seed);
    double[][][] inputs = new double[windows][tokens][3];
    double[][] targets = new double[windows][1];
    int[] keys = new int[windows];
    for (int w = 0; w < windows; w++) {
      keys[w] = random.nextInt(tokens);
      for (int t = 0; t < tokens; t++) {
        inputs[w][t][0] = random.nextGaussian();
        inputs[w][t][1] = t == keys[w] ? 1 : 0;
        inputs[w][t][2] = random.nextGaussian();
      }
      targets[w][0] = OFFSET + GAIN * inputs[w][keys[w]][0] + NOISE * random.nextGaussian();
    }
    return new Marked(new WindowSet(inputs, null, targets, List.of("value", "marker",
        "noise"), List.of("copy"), names("token", tokens)), keys);
  }

  /** Windows and, per window, the token whose value the target copies. */
  public record Marked(WindowSet windows, int[] keys) {
  }

  public static List<String> names(String prefix, int count) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      names.add(prefix + i);
    }
    return names;
  }

  /** Mean squared error of {@code forecasts} against the targets of {@code windows}. */
  public static double meanSquaredError(WindowSet windows, double[][] forecasts) {
    double sum = 0;
    int count = 0;
    for (int w = 0; w < windows.size(); w++) {
      for (int o = 0; o < windows.outputs(); o++) {
        double error = forecasts[w][o] - windows.targets()[w][o];
        sum += error * error;
        count++;
      }
    }
    return sum / count;
  }

  /** Attention weights averaged over windows and queries, {@code [tokens]}. */
  static double[] meanWeights(double[][][] weights) {
    double[] mean = new double[weights[0][0].length];
    int rows = 0;
    for (double[][] window : weights) {
      for (double[] query : window) {
        for (int t = 0; t < mean.length; t++) {
          mean[t] += query[t];
        }
        rows++;
      }
    }
    for (int t = 0; t < mean.length; t++) {
      mean[t] /= rows;
    }
    return mean;
  }

  static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
