package org.doppel.runtime.pipeline;

import java.util.List;
import java.util.Map;
import org.doppel.runtime.evaluation.DayAheadEvaluation;
import org.doppel.runtime.surrogate.SurrogateSettings;
import org.doppel.sdk.compute.ComputeInfo;

/**
 * Everything a finished run measured, as the metrics file and the report show it.
 * Immutable once built.
 *
 * @param runId the run folder's name
 * @param scenarioName the scenario's {@code name}
 * @param scenarioSource where the scenario came from, with overrides
 * @param domainId the domain plugin's id
 * @param dataAttribution the domain's attribution of its data
 * @param quick whether training was shortened
 * @param seed the run's seed
 * @param data the measurements
 * @param split the test period
 * @param settings the surrogate's settings as used
 * @param attentionId the attention variant's id
 * @param attentionParameters its parameters
 * @param forecast the trained twin and every forecaster's evaluation
 * @param explanation the attention weights the twin used, or {@code null} without attention
 * @param compression the uncompressed model, then each compression step
 * @param controllerId the scenario's controller
 * @param loops the closed loops: the scenario's controller, then the baseline
 * @param compute the compute backend, or {@code null} outside the framework
 * @param seconds the run's wall time so far
 */
record RunResults(String runId, String scenarioName, String scenarioSource, String domainId,
    String dataAttribution, boolean quick, long seed, DataStage.LoadedData data, Split split,
    SurrogateSettings settings, String attentionId, Map<String, Object> attentionParameters,
    ForecastStage.Outcome forecast, Explanation explanation,
    List<CompressionStage.Measured> compression, String controllerId,
    Map<String, ControlStage.Loop> loops, ComputeInfo compute, double seconds) {

  DayAheadEvaluation twin() {
    return forecast.twin();
  }
}
