package org.doppel.runtime.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.doppel.runtime.pipeline.Progress;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.pipeline.TwinRun;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.domain.DomainModule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code doppel run smart-grid}: runs a twin end to end and writes its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a twin end to end: ingest, train the surrogate, evaluate against "
        + "baselines, compress, close the loop, and write runs/<run-id>/ with report.html, "
        + "metrics.json, forecasts.csv, the resolved scenario and the models.",
        "SCENARIO is a scenario file (path/to/scenario.yaml), the name of a shipped scenario "
        + "(scenarios/NAME.yaml) or a domain id (its default scenario)."})
final class RunCommand implements Callable<Integer> {

  private final CliContext context;
  private final PrintStream terminal;

  @Parameters(index = "0", paramLabel = "SCENARIO",
      description = "Scenario file, shipped scenario name or domain id.")
  private String scenario;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override a scenario field, e.g. --set surrogate.epochs=10 "
          + "--set attention=top-k --set attention.k=8 (repeatable).")
  private List<String> sets = new ArrayList<>();

  @Option(names = "--quick", description = "Shortened training, for a run under a minute.")
  private boolean quick;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs",
      description = "Folder for run folders (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--quiet", description = "No progress bars.")
  private boolean quiet;

  RunCommand(CliContext context, PrintStream terminal) {
    this.context = context;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    ScenarioDocument document;
    try {
      document = load(scenario).overrides(sets);
    } catch (ScenarioException e) {
      context.err().println("error: " + e.getMessage());
      return 2;
    }

    TimeSeriesIngest ingest = context.service(TimeSeriesIngest.class).orElseThrow(
        () -> new IllegalStateException("the ingest service is not running"));
    ComputeService compute = context.service(ComputeService.class).orElseThrow(
        () -> new IllegalStateException("the compute service is not running: is the "
            + "doppel-compute bundle installed and active? (doppel start, then 'bundles')"));
    Progress progress = quiet ? Progress.off() : Progress.on(terminal);
    TwinRun run = TwinRun.inFramework(context.registry(), ingest, compute, progress);
    try {
      TwinRun.Outcome outcome = run.run(document, new RunOptions(out, quick,
          LocalDateTime.now()));
      context.out().println(outcome.summary());
      context.out().println("report:  " + outcome.folder().resolve("report.html"));
      context.out().println("metrics: " + outcome.folder().resolve("metrics.json"));
      outcome.failures().forEach(f -> context.err().println("error: " + f));
      return outcome.failures().isEmpty() ? 0 : 1;
    } catch (ScenarioException e) {
      context.err().println("error: " + e.getMessage());
      return 2;
    } catch (TwinRun.RunFailedException e) {
      context.err().println("error: run failed: " + e.getMessage());
      context.err().println("what it wrote is kept in " + e.folder());
      return 1;
    }
  }

  private ScenarioDocument load(String name) {
    Path file = Path.of(name);
    if (Files.isRegularFile(file) || name.endsWith(".yaml") || name.endsWith(".yml")) {
      return ScenarioDocument.load(file);
    }
    Optional<Path> shipped = shippedScenario(name);
    if (shipped.isPresent()) {
      return ScenarioDocument.load(shipped.get());
    }
    Optional<DomainModule> domain = context.registry().find(PluginType.DOMAIN, name,
        DomainModule.class);
    if (domain.isPresent()) {
      return ScenarioDocument.load(domain.get().defaultScenario(),
          "default scenario of domain " + name);
    }
    throw new IllegalArgumentException("'" + name + "' is neither a scenario file, nor a "
        + "scenario in " + scenarioFolder().map(Path::toString).orElse("scenarios/")
        + ", nor an installed domain; installed domains: "
        + context.registry().ids(PluginType.DOMAIN));
  }

  private static Optional<Path> shippedScenario(String name) {
    return scenarioFolder().map(folder -> folder.resolve(name + ".yaml"))
        .filter(Files::isRegularFile);
  }

  private static Optional<Path> scenarioFolder() {
    String home = System.getProperty("doppel.home");
    return home == null ? Optional.empty() : Optional.of(Path.of(home, "scenarios"));
  }
}
