package org.doppel.sdk.testkit;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;

/**
 * A small surrogate for tests of compression strategies, shaped like the runtime's:
 * windows {@code [batch, window, features]} are flattened, embedded ({@code embed/W}),
 * passed through a projection with a residual ({@code attention/q/W}) and a hidden layer
 * ({@code hidden/W}), and mapped to the horizon ({@code head/W}). Saves every trainable
 * array as float32 into a deflated zip, like a compressed archive of arrays. Not
 * thread-safe.
 */
public final class TinySurrogate implements SurrogateModel {

  public static final String INPUT = "windows";
  public static final String TARGET = "target";
  public static final String OUTPUT = "forecast";

  private final int window;
  private final int features;
  private final int width;
  private final int horizon;
  private final SameDiff graph;

  private TinySurrogate(int window, int features, int width, int horizon, long seed) {
    this.window = window;
    this.features = features;
    this.width = width;
    this.horizon = horizon;
    this.graph = build(window, features, width, horizon, seed);
  }

  private TinySurrogate(TinySurrogate shape, SameDiff graph) {
    this.window = shape.window;
    this.features = shape.features;
    this.width = shape.width;
    this.horizon = shape.horizon;
    this.graph = graph;
  }

  /** An untrained model with weights drawn from {@code seed}. */
  public static TinySurrogate create(int window, int features, int width, int horizon, long seed) {
    return new TinySurrogate(window, features, width, horizon, seed);
  }

  private static SameDiff build(int window, int features, int width, int horizon,
      long seed) {
    Nd4j.getRandom().setSeed(seed);
    SameDiff sd = SameDiff.create();
    SDVariable in = sd.placeHolder(INPUT, DataType.FLOAT, -1, window, features);
    SDVariable target = sd.placeHolder(TARGET, DataType.FLOAT, -1, horizon);
    SDVariable flat = in.reshape(sd.constant(Nd4j.createFromArray(-1L, window * features)));

    SDVariable embedW = sd.var("embed/W", new XavierInitScheme('c', window * features,
        width), DataType.FLOAT, window * features, width);
    SDVariable embedB = sd.var("embed/b", Nd4j.zeros(DataType.FLOAT, width));
    SDVariable h = sd.math.tanh(flat.mmul(embedW).add(embedB));

    SDVariable q = sd.var("attention/q/W", new XavierInitScheme('c', width, width),
        DataType.FLOAT, width, width);
    SDVariable h2 = h.add(sd.math.tanh(h.mmul(q)));

    SDVariable hiddenW = sd.var("hidden/W", new XavierInitScheme('c', width, width),
        DataType.FLOAT, width, width);
    SDVariable hiddenB = sd.var("hidden/b", Nd4j.zeros(DataType.FLOAT, width));
    SDVariable h3 = sd.nn.relu(h2.mmul(hiddenW).add(hiddenB), 0);

    SDVariable headW = sd.var("head/W", new XavierInitScheme('c', width, horizon),
        DataType.FLOAT, width, horizon);
    SDVariable headB = sd.var("head/b", Nd4j.zeros(DataType.FLOAT, horizon));
    SDVariable out = h3.mmul(headW).add(OUTPUT, headB);

    sd.loss.meanSquaredError("loss", target, out, null);
    sd.setTrainingConfig(TrainingConfig.builder()
        .updater(new Adam(3e-3))
        .dataSetFeatureMapping(INPUT)
        .dataSetLabelMapping(TARGET)
        .build());
    return sd;
  }

  @Override
  public INDArray predict(INDArray windows) {
    return graph.outputSingle(Map.of(INPUT, windows.castTo(DataType.FLOAT)), OUTPUT);
  }

  @Override
  public INDArray attentionWeights(INDArray windows) {
    return null;
  }

  @Override
  public SameDiff graph() {
    return graph;
  }

  @Override
  public long parameterCount() {
    long count = 0;
    for (SDVariable variable : graph.variables()) {
      if (variable.getVariableType() == VariableType.VARIABLE) {
        count += variable.getArr().length();
      }
    }
    return count;
  }

  @Override
  public long nonZeroParameterCount() {
    long count = 0;
    for (SDVariable variable : graph.variables()) {
      if (variable.getVariableType() == VariableType.VARIABLE) {
        count += variable.getArr().neq(0).castTo(DataType.LONG).sumNumber().longValue();
      }
    }
    return count;
  }

  @Override
  public long save(Path file) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (OutputStream raw = Files.newOutputStream(partial);
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      for (SDVariable variable : graph.variables()) {
        if (variable.getVariableType() != VariableType.VARIABLE) {
          continue;
        }
        zip.putNextEntry(new ZipEntry(variable.name()));
        DataOutputStream out = new DataOutputStream(zip);
        for (float value : variable.getArr().castTo(DataType.FLOAT).dup('c').data().asFloat()) {
          out.writeFloat(value);
        }
        out.flush();
        zip.closeEntry();
      }
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return Files.size(file);
  }

  /** A deep copy of the graph as it is now, rewired ops and reshaped arrays included. */
  @Override
  public TinySurrogate copy() {
    return new TinySurrogate(this, graph.dup());
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("architecture", "tiny-mlp");
    facts.put("window", window);
    facts.put("features", features);
    facts.put("width", width);
    facts.put("horizon", horizon);
    return facts;
  }
}
