package org.doppel.runtime.simulation;

import org.doppel.sdk.domain.SignalStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.domain.ClosedLoopTrajectory;

/**
 * Keeps every k-th step (and the last) of a run and accumulates full-rate statistics of the
 * states, inputs, disturbances and outputs. Not thread-safe: one recorder per run.
 */
final class Recorder {

  private final long steps;
  private final int keepEvery;
  private final double dt;
  private final double[][] outputMatrix;
  private final double[] time;
  private final double[][] states;
  private final double[][] inputs;
  private final double[][] disturbances;
  private final Accumulator accumulator;
  private final double[] outputs;
  private int kept;

  Recorder(long steps, int keepEvery, double dt, int n, int m, int d, double[][] outputMatrix,
      List<String> channelNames) {
    this.steps = steps;
    this.keepEvery = keepEvery;
    this.dt = dt;
    this.outputMatrix = outputMatrix;
    int rows = keptRows(steps, keepEvery);
    this.time = new double[rows];
    this.states = new double[rows][];
    this.inputs = new double[rows][];
    this.disturbances = new double[rows][];
    this.accumulator = new Accumulator(channelNames);
    this.outputs = new double[outputMatrix.length];
  }

  /** How many rows a run of {@code steps} keeps: every k-th from 0, and the last. */
  static int keptRows(long steps, int keepEvery) {
    if (steps == 0) {
      return 0;
    }
    long rows = (steps - 1) / keepEvery + 1 + ((steps - 1) % keepEvery == 0 ? 0 : 1);
    if (rows > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(steps + " steps kept every " + keepEvery
          + " would keep " + rows + " rows; keep fewer");
    }
    return (int) rows;
  }

  void record(long step, double[] x, double[] u, double[] w) {
    for (int i = 0; i < outputs.length; i++) {
      double sum = 0;
      for (int j = 0; j < x.length; j++) {
        sum += outputMatrix[i][j] * x[j];
      }
      outputs[i] = sum;
    }
    accumulator.add(step * dt, x, u, w, outputs);

    if (step % keepEvery == 0 || step == steps - 1) {
      time[kept] = step * dt;
      states[kept] = x.clone();
      inputs[kept] = u.clone();
      disturbances[kept] = w.clone();
      kept++;
    }
  }

  ClosedLoopTrajectory trajectory(String controller, List<String> stateNames,
      List<String> inputNames) {
    if (kept == time.length) {
      return new ClosedLoopTrajectory(controller, time, states, inputs, disturbances,
          stateNames, inputNames, statistics());
    }
    return new ClosedLoopTrajectory(controller, java.util.Arrays.copyOf(time, kept),
        java.util.Arrays.copyOf(states, kept), java.util.Arrays.copyOf(inputs, kept),
        java.util.Arrays.copyOf(disturbances, kept), stateNames, inputNames, statistics());
  }

  Map<String, SignalStatistics> statistics() {
    return accumulator.statistics();
  }

  /** Running sums, squares and peaks, one slot per channel in name order. */
  private static final class Accumulator {

    private final List<String> names;
    private final double[] sum;
    private final double[] sumOfSquares;
    private final double[] peak;
    private final double[] peakTime;
    private long samples;

    Accumulator(List<String> names) {
      this.names = names;
      int channels = names.size();
      sum = new double[channels];
      sumOfSquares = new double[channels];
      peak = new double[channels];
      peakTime = new double[channels];
    }

    void add(double t, double[] x, double[] u, double[] w, double[] y) {
      int channel = addGroup(t, x, 0);
      channel = addGroup(t, u, channel);
      channel = addGroup(t, w, channel);
      addGroup(t, y, channel);
      samples++;
    }

    private int addGroup(double t, double[] values, int first) {
      int channel = first;
      for (double value : values) {
        sum[channel] += value;
        sumOfSquares[channel] += value * value;
        if (Math.abs(value) > peak[channel]) {
          peak[channel] = Math.abs(value);
          peakTime[channel] = t;
        }
        channel++;
      }
      return channel;
    }

    Map<String, SignalStatistics> statistics() {
      Map<String, SignalStatistics> result = new LinkedHashMap<>();
      for (int c = 0; c < names.size(); c++) {
        double mean = samples == 0 ? 0 : sum[c] / samples;
        double rms = samples == 0 ? 0 : Math.sqrt(sumOfSquares[c] / samples);
        result.put(names.get(c), new SignalStatistics(samples, mean, rms, peak[c],
            peakTime[c]));
      }
      return result;
    }
  }
}
