package org.doppel.runtime.pipeline;

import java.util.Locale;
import java.util.Map;
import org.doppel.runtime.evaluation.DayAheadEvaluation;
import org.doppel.runtime.evaluation.ForecastAccuracy;

/** The table a run prints when it ends: forecast accuracy, compression and control. */
final class Summary {

  private Summary() {
  }

  static String of(RunResults r) {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%nDay-ahead forecast, %d origins from %s%n",
        r.twin().origins().length, r.data().series().timestamp(r.split().testStart())));
    text.append(String.format(Locale.ROOT, "  %-22s %9s %11s %11s%n", "forecaster", "MAPE %",
        "RMSE", "MAE"));
    for (Map.Entry<String, DayAheadEvaluation> e : r.forecast().evaluations().entrySet()) {
      ForecastAccuracy a = e.getValue().pooled();
      String name = e.getKey().equals(ForecastStage.TWIN) ? "twin (" + r.attentionId() + ")"
          : e.getKey();
      text.append(String.format(Locale.ROOT, "  %-22s %9.3f %11.1f %11.1f%n", name, a.mape(),
          a.rmse(), a.mae()));
    }

    text.append(String.format(Locale.ROOT, "%nCompression%n  %-28s %10s %10s %9s %9s %8s%n",
        "model", "non-zero", "bytes", "ms (1)", "ms (64)", "MAPE %"));
    for (CompressionStage.Measured m : r.compression()) {
      if (!m.ok()) {
        text.append("  ").append(m.strategy()).append(": FAILED ").append(m.error())
            .append('\n');
        continue;
      }
      text.append(String.format(Locale.ROOT, "  %-28s %10d %10d %9.3f %9.3f %8.3f%n",
          m.strategy().equals("none") ? "uncompressed" : m.strategy(), m.nonZeroParameters(),
          m.bytes(), m.latency().batch1Ms(), m.latency().batch64Ms(), m.accuracy().mape()));
    }

    text.append(String.format(Locale.ROOT, "%nClosed loop%n"));
    for (ControlStage.Loop loop : r.loops().values()) {
      text.append(String.format(Locale.ROOT, "  %-12s", loop.controller()));
      loop.kpis().forEach((k, v) -> text.append(String.format(Locale.ROOT, "  %s %.4g", k,
          v)));
      text.append('\n');
    }
    return text.toString();
  }
}
