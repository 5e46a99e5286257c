package org.doppel.runtime.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.pipeline.TwinRun;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.runtime.study.StudyRun;
import org.doppel.sdk.compute.ComputeService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code doppel run smart-grid}: runs a twin end to end and writes its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run a twin end to end: ingest, train the surrogate, evaluate against "
        + "baselines, compress, close the loop, and write runs/<run-id>/ with report.html, "
        + "metrics.json, forecasts.csv, the resolved scenario and the models.",
        "SCENARIO is a scenario file (path/to/scenario.yaml), the name of a shipped scenario "
        + "(scenarios/NAME.yaml) or a domain id (its default scenario).",
        "A domain with its own study (traffic, medical, logistics, ...) runs that study "
        + "instead, writing its metrics, tables and charts into the same run folder."})
final class RunCommand implements Callable<Integer> {

  private final CliContext context;
  private final PrintStream terminal;

  @Mixin
  private ScenarioOptions options = new ScenarioOptions();

  RunCommand(CliContext context, PrintStream terminal) {
    this.context = context;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    try {
      ScenarioDocument document = options.document(context);
      if (StudyRun.studyOf(document, context.registry()).isPresent()) {
        return runStudy(document);
      }
      TwinRun run = TwinRun.inFramework(context.registry(), ScenarioOptions.ingest(context),
          ScenarioOptions.compute(context), options.progress(terminal));
      TwinRun.Outcome outcome = run.run(document, options.runOptions());
      context.out().println(outcome.summary());
      context.out().println("report:  " + outcome.folder().resolve("report.html"));
      context.out().println("metrics: " + outcome.folder().resolve("metrics.json"));
      outcome.failures().forEach(f -> context.err().println("error: " + f));
      return outcome.failures().isEmpty() ? 0 : 1;
    } catch (ScenarioException | IllegalArgumentException
        | org.doppel.sdk.data.IngestException e) {
      context.err().println("error: " + e.getMessage());
      return 2;
    } catch (TwinRun.RunFailedException e) {
      context.err().println("error: run failed: " + e.getMessage());
      context.err().println("what it wrote is kept in " + e.folder());
      return 1;
    }
  }

  /** A domain with its own study: the study runs instead of the day-ahead pipeline. */
  private int runStudy(ScenarioDocument document) {
    StudyRun run = new StudyRun(context.registry(), ScenarioOptions.ingest(context),
        () -> ScenarioOptions.forecasting(context),
        context.service(ComputeService.class).map(ComputeService::info).orElse(null),
        options.progress(terminal));
    return runStudy(run, document, options.runOptions(), context.out(), context.err());
  }

  /**
   * Runs a study and says how it went: exit code 0 when it finished, 2 for a scenario the
   * study refuses (nothing written), 1 when the study failed (its folder kept as
   * {@code .failed}) or the run folder could not be written.
   */
  static int runStudy(StudyRun run, ScenarioDocument document, RunOptions options,
      PrintWriter out, PrintWriter err) {
    try {
      StudyRun.Outcome outcome = run.run(document, options);
      out.println(outcome.summary());
      out.println("report:  " + outcome.folder().resolve("report.html"));
      out.println("metrics: " + outcome.folder().resolve("metrics.json"));
      return 0;
    } catch (ScenarioException | IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (StudyRun.StudyFailedException e) {
      err.println("error: the study failed: " + e.getMessage());
      if (e.folder() != null) {
        err.println("what it reported is kept in " + e.folder());
      }
      return 1;
    } catch (IOException e) {
      err.println("error: cannot write the run: " + e.getMessage());
      return 1;
    } finally {
      out.flush();
      err.flush();
    }
  }
}
