package org.doppel.runtime.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.doppel.runtime.evaluation.DayAheadEvaluation;
import org.doppel.runtime.io.AtomicFiles;

/**
 * Writes a finished run's outputs into its folder, each file atomically:
 * {@code metrics.json}, {@code forecasts.csv} and the self-contained {@code report.html}.
 * Not thread-safe.
 */
final class RunWriter {

  private final RunResults results;

  RunWriter(RunResults results) {
    this.results = results;
  }

  void write(RunFolder folder) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Map<String, Object> metrics = Metrics.of(results);
    AtomicFiles.write(folder.file("metrics.json"), out -> json.writeValue(out, metrics));
    AtomicFiles.write(folder.file("forecasts.csv"), this::writeForecasts);
    AtomicFiles.writeString(folder.file("report.html"), new ReportPage(results).html());
  }

  /**
   * One row per forecast step of every origin: the actual value, the twin's and every
   * baseline's forecast, and the twin's error.
   */
  private void writeForecasts(java.io.OutputStream out) throws IOException {
    Map<String, DayAheadEvaluation> evaluations = results.forecast().evaluations();
    List<String> header = new ArrayList<>(List.of("timestamp", "origin", "step",
        "actual_" + results.data().unit().toLowerCase(java.util.Locale.ROOT)));
    evaluations.keySet().forEach(name -> header.add(Metrics.key(name)));
    header.add("twin_error");

    DayAheadEvaluation twin = results.twin();
    LocalDateTime[] timestamps = results.data().series().timestamps();
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
        .setRecordSeparator("\n").build();
    OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    double[][] actuals = twin.actuals();
    double[][] errors = twin.errors();
    List<double[][]> forecasts = evaluations.values().stream()
        .map(DayAheadEvaluation::forecasts).toList();
    try (CSVPrinter csv = new CSVPrinter(writer, format)) {
      for (int o = 0; o < twin.origins().length; o++) {
        int origin = twin.origins()[o];
        for (int h = 0; h < twin.horizon(); h++) {
          List<Object> row = new ArrayList<>();
          row.add(timestamps[origin + h]);
          row.add(timestamps[origin]);
          row.add(h + 1);
          row.add(actuals[o][h]);
          for (double[][] forecast : forecasts) {
            row.add(forecast[o][h]);
          }
          row.add(errors[o][h]);
          csv.printRecord(row);
        }
      }
    }
  }
}
