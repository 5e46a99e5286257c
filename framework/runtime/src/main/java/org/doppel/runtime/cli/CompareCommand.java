package org.doppel.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.doppel.runtime.pipeline.Progress;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.pipeline.TwinRun;
import org.doppel.runtime.pipeline.VariantComparison;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.data.TimeSeriesIngest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doppel compare smart-grid --attention dot-product,multi-head} (or {@code all}). */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Train the scenario's surrogate once per attention variant on the same "
        + "data, split and seed, and write one table and chart page (comparison.html, .csv, "
        + ".json): error, parameters, training time, inference latency."})
final class CompareCommand implements Callable<Integer> {

  private final CliContext context;
  private final PrintStream terminal;

  @Parameters(index = "0", paramLabel = "SCENARIO",
      description = "Scenario file, shipped scenario name or domain id.")
  private String scenario;

  @Option(names = "--attention", split = ",", paramLabel = "ID[,ID...]", defaultValue = "all",
      description = "Variants to compare, or 'all' installed (default).")
  private List<String> variants = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a scenario field (repeatable).")
  private List<String> sets = new ArrayList<>();

  @Option(names = "--quick", description = "Shortened training.")
  private boolean quick;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
      description = "Folder for run folders (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--quiet", description = "No progress bars.")
  private boolean quiet;

  CompareCommand(CliContext context, PrintStream terminal) {
    this.context = context;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    List<String> ids = variants.equals(List.of("all")) ? List.of() : variants;
    TimeSeriesIngest ingest = context.service(TimeSeriesIngest.class).orElseThrow(
        () -> new IllegalStateException("the ingest service is not running"));
    ComputeService compute = context.service(ComputeService.class).orElseThrow(
        () -> new IllegalStateException("the compute service is not running"));
    try {
      ScenarioDocument document = Scenarios.load(scenario, context.registry())
          .overrides(sets);
      VariantComparison.Outcome outcome = VariantComparison.inFramework(context.registry(),
          ingest, compute, quiet ? Progress.off() : Progress.on(terminal))
          .compare(document, ids, new RunOptions(out, quick, LocalDateTime.now()));
      context.out().println(outcome.table());
      context.out().println("comparison: " + outcome.folder().resolve("comparison.html"));
      return outcome.rows().stream().allMatch(r -> r.error() == null) ? 0 : 1;
    } catch (ScenarioException e) {
      context.err().println("error: " + e.getMessage());
      return 2;
    } catch (TwinRun.RunFailedException e) {
      context.err().println("error: comparison failed: " + e.getMessage());
      context.err().println("what it wrote is kept in " + e.folder());
      return 1;
    }
  }
}
