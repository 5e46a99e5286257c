package org.doppel.runtime.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;

/**
 * Measures the sequence forecaster (not a test): training time per epoch, accuracy against
 * the target's variance, and forecast latency, on copy windows of a given size. The command
 * is in {@code docs/notes/surrogate.md}.
 *
 * <p>Arguments: windows, tokens, features, epochs, then attention ids ({@code multi-head}
 * with 2 heads; others with their defaults).
 */
public final class ForecastingBenchmark {

  private ForecastingBenchmark() {
  }

  public static void main(String[] args) {
    int windows = Integer.parseInt(args[0]);
    int tokens = Integer.parseInt(args[1]);
    int features = Integer.parseInt(args[2]);
    int epochs = Integer.parseInt(args[3]);
    SequenceForecasting forecasting = StandaloneForecasting.create(new AttentionModule());
    WindowSet training = CopyWindows.of(windows, tokens, features, tokens - 3, 1);
    WindowSet test = CopyWindows.of(500, tokens, features, tokens - 3, 2);
    double variance = CopyWindows.GAIN * CopyWindows.GAIN;

    for (String id : Arrays.copyOfRange(args, 4, args.length)) {
      Parameters parameters = Parameters.of("attention/" + id,
          id.equals("multi-head") ? Map.of("heads", 2) : Map.of());
      List<Double> epochSeconds = new ArrayList<>();
      double cpuStart = processCpuSeconds();
      long[] last = {System.nanoTime()};
      SequenceForecaster forecaster = forecasting.train(training, new ForecasterSettings(id,
          parameters, 16, epochs, 32, 1e-3, 1e-4, 0.15, 0, 42), (epoch, of, train, valid) -> {
            long now = System.nanoTime();
            epochSeconds.add((now - last[0]) / 1e9);
            last[0] = now;
          });
      double cpu = processCpuSeconds() - cpuStart;
      double error = CopyWindows.meanSquaredError(test, forecaster.predict(test));
      double one = latency(forecaster, slice(test, 1));
      double batch = latency(forecaster, slice(test, 256));
      double[] sorted = epochSeconds.stream().mapToDouble(Double::doubleValue).sorted()
          .toArray();
      System.out.printf("%s: %d parameters, %d epochs in %.1f s wall, %.1f s CPU (median "
          + "epoch %.2f s, first %.2f s), test MSE / variance %.4f, predict 1 window %.1f ms, "
          + "256 windows %.1f ms%n", id, forecaster.parameterCount(), epochSeconds.size(),
          forecaster.trainingSeconds(), cpu, sorted[sorted.length / 2], epochSeconds.get(0),
          error / variance, one, batch);
    }
  }

  /** CPU seconds of the whole process so far: less dependent on a shared machine's load. */
  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /** Median milliseconds of 20 forecasts after 5 warm-up ones. */
  private static double latency(SequenceForecaster forecaster, WindowSet windows) {
    for (int i = 0; i < 5; i++) {
      forecaster.predict(windows);
    }
    double[] times = new double[20];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      forecaster.predict(windows);
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }

  private static WindowSet slice(WindowSet windows, int count) {
    return WindowSet.unlabelled(Arrays.copyOf(windows.inputs(), count), null,
        windows.featureNames(), windows.targetNames(), windows.tokenNames());
  }
}
