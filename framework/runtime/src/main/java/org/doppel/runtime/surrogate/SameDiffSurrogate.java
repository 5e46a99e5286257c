package org.doppel.runtime.surrogate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.runtime.io.AtomicFiles;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The surrogate as a {@link SurrogateModel}: a live SameDiff graph with the placeholder
 * {@code input} ({@code [batch, inputWindow, features]}), the outputs {@code forecast}
 * ({@code [batch, horizon]}) and, when the variant has them, {@code attention_weights}.
 *
 * <p>Changing a trainable variable's array changes {@link #predict}. Not thread-safe.
 */
final class SameDiffSurrogate implements SurrogateModel {

  private final SameDiff graph;
  private final boolean dropout;
  private final Map<String, Object> description;

  SameDiffSurrogate(SameDiff graph, boolean dropout, Map<String, Object> description) {
    this.graph = graph;
    this.dropout = dropout;
    this.description = Map.copyOf(description);
  }

  /** Reads a graph {@link #save(Path)} wrote; {@code description} is the saved one. */
  static SameDiffSurrogate load(Path file, Map<String, Object> description)
      throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      SameDiff graph = SameDiff.load(in, false);
      return new SameDiffSurrogate(graph, graph.hasVariable(SurrogateNetwork.KEEP),
          description);
    }
  }

  @Override
  public INDArray predict(INDArray windows) {
    return run(windows, SurrogateNetwork.FORECAST);
  }

  @Override
  public INDArray attentionWeights(INDArray windows) {
    if (!graph.hasVariable(SurrogateNetwork.WEIGHTS)) {
      return null;
    }
    return run(windows, SurrogateNetwork.WEIGHTS);
  }

  private INDArray run(INDArray windows, String output) {
    Map<String, INDArray> feed = new LinkedHashMap<>();
    INDArray input = windows.dataType() == DataType.FLOAT ? windows
        : windows.castTo(DataType.FLOAT);
    feed.put(SurrogateNetwork.INPUT, input);
    if (dropout) {
      // Inference keeps every unit; the mask's scaling is already in the weights.
      long width = graph.getVariable(SurrogateNetwork.KEEP).placeholderShape()[1];
      feed.put(SurrogateNetwork.KEEP, Nd4j.ones(DataType.FLOAT, windows.size(0), width));
    }
    return graph.output(feed, output).get(output);
  }

  /** Whether the graph has the dropout mask placeholder ({@code head/keep}). */
  boolean hasDropout() {
    return dropout;
  }

  @Override
  public SameDiff graph() {
    return graph;
  }

  /** The trainable variables, in the graph's order. */
  List<SDVariable> trainable() {
    return graph.variables().stream()
        .filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
  }

  @Override
  public long parameterCount() {
    return trainable().stream().mapToLong(v -> v.getArr().length()).sum();
  }

  @Override
  public long nonZeroParameterCount() {
    long count = 0;
    for (SDVariable variable : trainable()) {
      for (float value : variable.getArr().dup().data().asFloat()) {
        if (value != 0f) {
          count++;
        }
      }
    }
    return count;
  }

  @Override
  public long save(Path file) throws IOException {
    return AtomicFiles.write(file, out -> graph.save(out, false));
  }

  @Override
  public SurrogateModel copy() {
    return new SameDiffSurrogate(graph.dup(), dropout, description);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> facts = new LinkedHashMap<>(description);
    facts.put("parameters", parameterCount());
    return facts;
  }

  /** The description without measured sizes, as saved beside the graph. */
  Map<String, Object> description() {
    return description;
  }
}
