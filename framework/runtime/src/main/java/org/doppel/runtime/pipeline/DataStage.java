package org.doppel.runtime.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.doppel.runtime.scenario.IngestSpecs;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioSection;
import org.doppel.sdk.data.Column;
import org.doppel.sdk.data.IngestResult;
import org.doppel.sdk.data.IngestSpec;
import org.doppel.sdk.data.TimeSeries;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.domain.DomainModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data twin: reads the scenario's data source (a dataset the domain ships, or a CSV
 * file) through the ingest service, validated against the scenario's declaration and the
 * range the domain gives its target ({@link DomainModule#targetColumn}). The source is never
 * modified. Stateless.
 */
final class DataStage {

  private static final Logger LOG = LoggerFactory.getLogger(DataStage.class);

  private DataStage() {
  }

  /**
   * The validated measurements.
   *
   * @param series every declared column
   * @param target the column the twin forecasts
   * @param unit the target's unit
   * @param ingest the ingest result, with repairs and the source's SHA-256
   * @param source where the data came from, for the report
   */
  record LoadedData(TimeSeries series, String target, String unit, IngestResult ingest,
      String source) {

    double[] targetValues() {
      return series.column(target);
    }
  }

  static LoadedData load(ScenarioDocument scenario, DomainModule domain,
      TimeSeriesIngest ingest) {
    ScenarioSection data = scenario.section("data");
    IngestSpec declared = IngestSpecs.ingestSpec(data);
    String target = data.getString("target", declared.columns().get(0).name());
    IngestSpec spec = withDomainRange(declared, target, domain);
    String unit = spec.columns().stream().filter(c -> c.name().equals(target))
        .map(Column::unit).findFirst().orElse("");

    IngestResult result;
    String source;
    if (data.has("file")) {
      Path file = data.getPath("file");
      if (!java.nio.file.Files.isRegularFile(file)) {
        throw data.error("file", "no such file: " + file.toAbsolutePath());
      }
      source = file.toString();
      result = ingest.read(file, spec);
    } else {
      String dataset = data.getString("dataset");
      URL url = dataset(domain, data, dataset);
      source = "dataset '" + dataset + "' of domain " + domain.id();
      try (InputStream in = url.openStream()) {
        result = ingest.read(in, dataset + " (" + domain.id() + ")", spec);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + source + " from " + url, e);
      }
    }

    LOG.info("Data: [{}] rows of {} from {}, repairs {}", result.series().size(),
        spec.columns().stream().map(Column::name).toList(), source, result.repairs());
    return new LoadedData(result.series(), target, unit, result, source);
  }

  /**
   * The spec with the target column narrowed to the range the domain gives its quantity, so
   * a user's file is held to it as the shipped data is.
   */
  private static IngestSpec withDomainRange(IngestSpec spec, String target,
      DomainModule domain) {
    List<Column> columns = new ArrayList<>();
    for (Column column : spec.columns()) {
      if (!column.name().equals(target)) {
        columns.add(column);
        continue;
      }
      Column ruled = domain.targetColumn(column);
      if (!ruled.name().equals(column.name())) {
        throw new IllegalStateException("domain " + domain.id() + " renamed the target column"
            + " '" + column.name() + "' to '" + ruled.name() + "'; it may only narrow its"
            + " range");
      }
      columns.add(ruled);
    }
    return new IngestSpec(spec.timestampColumn(), spec.timestampFormat(), columns,
        spec.interval(), spec.gaps(), spec.duplicates(), spec.missingValues());
  }

  private static URL dataset(DomainModule domain, ScenarioSection data, String name) {
    Map<String, URL> datasets = domain.datasets();
    URL url = datasets.get(name);
    if (url == null) {
      throw data.error("dataset", "domain " + domain.id() + " ships no dataset '" + name
          + "'; its datasets: " + new TreeSet<>(datasets.keySet()));
    }
    return url;
  }
}
