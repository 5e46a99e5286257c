package org.doppel.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.doppel.runtime.pipeline.Progress;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.forecast.SequenceForecasting;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options every command that runs a scenario shares ({@code run}, {@code compare}):
 * which scenario, its overrides, quick training, where runs go and whether to draw progress.
 */
final class ScenarioOptions {

  @Parameters(index = "0", paramLabel = "SCENARIO",
      description = "Scenario file, shipped scenario name (scenarios/NAME.yaml) or domain id.")
  String scenario;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a scenario field, e.g. --set surrogate.epochs=10 "
          + "--set attention=top-k --set attention.k=8 (repeatable).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--quick", description = "Shortened training, for a run under a minute.")
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
      description = "Folder for run folders (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  /** The scenario with the overrides applied. */
  ScenarioDocument document(CliContext context) {
    return Scenarios.load(scenario, context.registry()).overrides(sets);
  }

  RunOptions runOptions() {
    return new RunOptions(out, quick, LocalDateTime.now());
  }

  Progress progress(PrintStream terminal) {
    return quiet ? Progress.off() : Progress.on(terminal);
  }

  static TimeSeriesIngest ingest(CliContext context) {
    return context.service(TimeSeriesIngest.class).orElseThrow(
        () -> new IllegalStateException("the ingest service is not running"));
  }

  static SequenceForecasting forecasting(CliContext context) {
    return context.service(SequenceForecasting.class).orElseThrow(
        () -> new IllegalStateException("the attention forecasting service is not running:"
            + " is the doppel-runtime bundle up to date and doppel-compute active? (doppel"
            + " start, then 'bundles')"));
  }

  static ComputeService compute(CliContext context) {
    return context.service(ComputeService.class).orElseThrow(
        () -> new IllegalStateException("the compute service is not running: is the "
            + "doppel-compute bundle installed and active? (doppel start, then 'bundles')"));
  }
}
