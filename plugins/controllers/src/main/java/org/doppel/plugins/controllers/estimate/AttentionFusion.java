package org.doppel.plugins.controllers.estimate;

import java.util.List;

/**
 * x̂_j = Σᵢ α_ji y_ij: the readings of S sensors fused with attention weights
 * α_j = softmax(s_j) per state component j, so every component has its own non-negative
 * weights summing to one. Immutable and thread-safe.
 *
 * <p>The scores are learned by {@link #learn} with plain gradient descent in Java: per
 * component the loss is a quadratic in α with an S × S Gram matrix, so each step costs S²
 * operations and no compute backend is needed (ND4J's start-up alone would take seconds,
 * for a problem of a few dozen numbers).
 */
public final class AttentionFusion {

  private static final int MAX_STEPS = 20_000;
  private static final double GRADIENT_TOLERANCE = 1e-12;

  private final double[][] weights;

  private AttentionFusion(double[][] weights) {
    this.weights = weights;
  }

  /** The unweighted mean of the sensors (all scores zero): the plain estimate. */
  public static AttentionFusion mean(int states, int sensors) {
    return fromScores(new double[states][sensors]);
  }

  /** The fusion whose scores are {@code scores[state][sensor]}. */
  public static AttentionFusion fromScores(double[][] scores) {
    double[][] weights = new double[scores.length][];
    for (int j = 0; j < scores.length; j++) {
      weights[j] = softmax(scores[j]);
    }
    return new AttentionFusion(weights);
  }

  /**
   * Learns the scores that minimise the mean squared error of the fused estimate against
   * {@code truth} over a calibration trajectory, starting from the mean (scores zero).
   *
   * @param readings per step, the readings {@code [sensor][state]}
   * @param truth per step, the true state
   */
  public static AttentionFusion learn(List<double[][]> readings, List<double[]> truth) {
    int states = truth.get(0).length;
    int sensors = readings.get(0).length;
    double[][] scores = new double[states][];
    for (int j = 0; j < states; j++) {
      scores[j] = learnComponent(readings, truth, j, sensors);
    }
    return fromScores(scores);
  }

  /** The weights α, {@code [state][sensor]} (a copy). */
  public double[][] weights() {
    double[][] copy = new double[weights.length][];
    for (int j = 0; j < weights.length; j++) {
      copy[j] = weights[j].clone();
    }
    return copy;
  }

  /** The fused estimate of one step's readings {@code [sensor][state]}. */
  public double[] fuse(double[][] readings) {
    double[] estimate = new double[weights.length];
    for (int j = 0; j < estimate.length; j++) {
      for (int i = 0; i < readings.length; i++) {
        estimate[j] += weights[j][i] * readings[i][j];
      }
    }
    return estimate;
  }

  /** Mean over steps and state components of the squared error of the fused estimate. */
  public double meanSquaredError(List<double[][]> readings, List<double[]> truth) {
    double sum = 0;
    for (int k = 0; k < truth.size(); k++) {
      double[] estimate = fuse(readings.get(k));
      double[] x = truth.get(k);
      for (int j = 0; j < x.length; j++) {
        sum += (estimate[j] - x[j]) * (estimate[j] - x[j]);
      }
    }
    return sum / (truth.size() * (double) weights.length);
  }

  /**
   * Gradient descent on the scores of component j. With the Gram matrix M = mean y yᵀ and
   * b = mean y x the loss is αᵀMα − 2bᵀα + const; it is divided by the largest diagonal of
   * M so that one step size fits every state's scale.
   */
  private static double[] learnComponent(List<double[][]> readings, List<double[]> truth,
      int j, int sensors) {
    double[][] gram = new double[sensors][sensors];
    double[] cross = new double[sensors];
    for (int k = 0; k < truth.size(); k++) {
      double[][] y = readings.get(k);
      for (int i = 0; i < sensors; i++) {
        cross[i] += y[i][j] * truth.get(k)[j];
        for (int l = 0; l < sensors; l++) {
          gram[i][l] += y[i][j] * y[l][j];
        }
      }
    }
    double scale = 0;
    for (int i = 0; i < sensors; i++) {
      scale = Math.max(scale, gram[i][i]);
    }
    double[] scores = new double[sensors];
    if (scale == 0) {
      return scores;
    }

    // The normalised Hessian in α is at most 2S; the softmax Jacobian at most 1/2.
    double rate = 1.0 / sensors;
    for (int step = 0; step < MAX_STEPS; step++) {
      double[] alpha = softmax(scores);
      double[] gradient = new double[sensors];
      double mean = 0;
      for (int i = 0; i < sensors; i++) {
        double g = -2 * cross[i];
        for (int l = 0; l < sensors; l++) {
          g += 2 * gram[i][l] * alpha[l];
        }
        gradient[i] = g / scale;
        mean += alpha[i] * gradient[i];
      }
      double norm = 0;
      for (int i = 0; i < sensors; i++) {
        double scoreGradient = alpha[i] * (gradient[i] - mean);
        scores[i] -= rate * scoreGradient;
        norm += scoreGradient * scoreGradient;
      }
      if (norm < GRADIENT_TOLERANCE * GRADIENT_TOLERANCE) {
        break;
      }
    }
    return scores;
  }

  static double[] softmax(double[] scores) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double[] alpha = new double[scores.length];
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      alpha[i] = Math.exp(scores[i] - max);
      sum += alpha[i];
    }
    for (int i = 0; i < scores.length; i++) {
      alpha[i] /= sum;
    }
    return alpha;
  }
}
