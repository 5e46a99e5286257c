package org.doppel.runtime.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.doppel.runtime.pipeline.TwinRun;
import org.doppel.runtime.pipeline.VariantComparison;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.runtime.scenario.ScenarioSection;
import org.doppel.runtime.study.StudyRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code doppel compare smart-grid --attention dot-product,multi-head} (or {@code all}), with
 * parameters as a scenario writes them: {@code --attention 'top-k{k: 4},top-k{k: 8}'}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Train the scenario's surrogate once per attention variant on the same "
        + "data, split and seed, and write one table and chart page (comparison.html, .csv, "
        + ".json): error, parameters, training time, inference latency."})
final class CompareCommand implements Callable<Integer> {

  private final CliContext context;
  private final PrintStream terminal;

  @Mixin
  private ScenarioOptions options = new ScenarioOptions();

  @Option(names = "--attention", paramLabel = "ID[{k: v}][,...]", defaultValue = "all",
      description = {"Variants to compare, or 'all' installed (default), each with its "
          + "parameters if wanted, as a scenario writes them: 'dot-product,top-k{k: 8}'. "
          + "A listed variant's parameters replace the scenario's; a plain id is the "
          + "scenario's own variant with its parameters, or another with its defaults. "
          + "May be repeated."})
  private List<String> variants = new ArrayList<>();

  CompareCommand(CliContext context, PrintStream terminal) {
    this.context = context;
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws Exception {
    try {
      List<ScenarioSection> listed = listed(variants);
      ScenarioDocument document = options.document(context);
      var study = StudyRun.studyOf(document, context.registry());
      if (study.isPresent()) {
        context.err().println("error: compare applies to the day-ahead pipeline; domain '"
            + document.root().getString("domain") + "' runs its own study: use 'doppel run "
            + options.scenario + "'");
        return 2;
      }
      VariantComparison.Outcome outcome = VariantComparison.inFramework(context.registry(),
          ScenarioOptions.ingest(context), ScenarioOptions.compute(context),
          options.progress(terminal)).compare(document, listed, options.runOptions());
      context.out().println(outcome.table());
      context.out().println("comparison: " + outcome.folder().resolve("comparison.html"));
      return outcome.rows().stream().allMatch(r -> r.error() == null) ? 0 : 1;
    } catch (ScenarioException | IllegalArgumentException e) {
      context.err().println("error: " + e.getMessage());
      return 2;
    } catch (TwinRun.RunFailedException e) {
      context.err().println("error: comparison failed: " + e.getMessage());
      context.err().println("what it wrote is kept in " + e.folder());
      return 1;
    }
  }

  /**
   * The variants the {@code --attention} values list, none for 'all'.
   *
   * @throws IllegalArgumentException for an empty value
   * @throws org.doppel.runtime.scenario.ScenarioException for a list that is not YAML, or
   *     that mixes 'all' with variants
   */
  static List<ScenarioSection> listed(List<String> variants) {
    if (variants.equals(List.of("all"))) {
      return List.of();
    }
    if (variants.stream().anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("--attention: no variant given; name one or more "
          + "(such as 'dot-product,top-k{k: 8}'), or 'all' for every installed variant");
    }
    List<ScenarioSection> listed = ScenarioDocument.pluginList("--attention", "attention",
        String.join(",", variants));
    for (ScenarioSection item : listed) {
      if (item.toMap().get("id") instanceof String id && id.equals("all")) {
        throw item.error("id", "'all' (every installed variant) stands alone; to add "
            + "settings of one variant, list the variants instead");
      }
    }
    return listed;
  }
}
