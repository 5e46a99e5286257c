package org.doppel.sdk.forecast;

import java.util.List;
import java.util.Objects;

/**
 * Examples for a sequence forecaster: each window is a sequence of tokens, each token a row
 * of features, and each window has one target vector.
 *
 * <p>A token is whatever attention should run over: a time step, a patch of steps, a
 * detector, a sample of a patient. The forecast for a window is {@code baseline + f(window)},
 * so a domain that supplies a good naive forecast (persistence, last week) as the baseline
 * has the network learn only the departure from it.
 *
 * @param inputs {@code [windows][tokens][features]}, in the data's units; every window has
 *     the same number of tokens and every token the same number of features
 * @param baseline {@code [windows][targets]} in the targets' units, or {@code null} for none
 *     (a zero baseline)
 * @param targets {@code [windows][targets]} in the data's units; {@code null} for windows
 *     that are only forecast, never trained on
 * @param featureNames one name per feature, for errors and explanations
 * @param targetNames one name per target
 * @param tokenNames one name per token position (for example {@code "t-5 min"} or a
 *     detector id), for explanations
 */
public record WindowSet(double[][][] inputs, double[][] baseline, double[][] targets,
    List<String> featureNames, List<String> targetNames, List<String> tokenNames) {

  public WindowSet {
    Objects.requireNonNull(inputs, "inputs");
    featureNames = List.copyOf(featureNames);
    targetNames = List.copyOf(targetNames);
    tokenNames = List.copyOf(tokenNames);
    if (inputs.length == 0) {
      throw new IllegalArgumentException("a window set needs at least one window");
    }
    int tokens = tokenNames.size();
    int features = featureNames.size();
    for (int w = 0; w < inputs.length; w++) {
      if (inputs[w].length != tokens) {
        throw new IllegalArgumentException("window " + w + " has " + inputs[w].length
            + " tokens, expected " + tokens + " (one per token name)");
      }
      for (int t = 0; t < tokens; t++) {
        if (inputs[w][t].length != features) {
          throw new IllegalArgumentException("window " + w + ", token " + tokenNames.get(t)
              + " has " + inputs[w][t].length + " features, expected " + features);
        }
        for (int f = 0; f < features; f++) {
          if (!Double.isFinite(inputs[w][t][f])) {
            throw new IllegalArgumentException("window " + w + ", token " + tokenNames.get(t)
                + ", feature " + featureNames.get(f) + " is " + inputs[w][t][f]);
          }
        }
      }
    }
    checkRows("baseline", baseline, inputs.length, targetNames);
    checkRows("target", targets, inputs.length, targetNames);
  }

  /** The same windows without targets, to forecast. */
  public static WindowSet unlabelled(double[][][] inputs, double[][] baseline,
      List<String> featureNames, List<String> targetNames, List<String> tokenNames) {
    return new WindowSet(inputs, baseline, null, featureNames, targetNames, tokenNames);
  }

  public int size() {
    return inputs.length;
  }

  public int tokens() {
    return tokenNames.size();
  }

  public int features() {
    return featureNames.size();
  }

  public int outputs() {
    return targetNames.size();
  }

  private static void checkRows(String what, double[][] rows, int windows,
      List<String> names) {
    if (rows == null) {
      return;
    }
    if (rows.length != windows) {
      throw new IllegalArgumentException(rows.length + " " + what + " rows for " + windows
          + " windows");
    }
    for (int w = 0; w < rows.length; w++) {
      if (rows[w].length != names.size()) {
        throw new IllegalArgumentException(what + " row " + w + " has " + rows[w].length
            + " values, expected " + names.size());
      }
      for (int o = 0; o < names.size(); o++) {
        if (!Double.isFinite(rows[w][o])) {
          throw new IllegalArgumentException(what + " of window " + w + ", "
              + names.get(o) + " is " + rows[w][o]);
        }
      }
    }
  }
}
