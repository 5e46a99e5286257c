package org.doppel.runtime.surrogate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.runtime.data.FeatureScaler;
import org.doppel.runtime.data.ScalerState;
import org.doppel.runtime.evaluation.Forecaster;
import org.doppel.runtime.io.AtomicFiles;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained surrogate with the features and scaling it was trained with: forecasts in the
 * data's units, attention weights for explanations, persistence, and the data compression
 * strategies fine-tune on.
 *
 * <p>Not thread-safe: it drives one SameDiff graph.
 */
public final class TrainedSurrogate {

  static final String MODEL_FILE = "model.sd";
  static final String META_FILE = "surrogate.json";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final SurrogateModel model;
  private final SurrogateSettings settings;
  private final SurrogateFeatures features;
  private final String variantId;
  private final Parameters attentionParameters;
  private final int seasonalLag;
  private final List<EpochRecord> history;
  private final int bestEpoch;
  private final TrainingWindows training;

  TrainedSurrogate(SurrogateModel model, SurrogateSettings settings, SurrogateFeatures features,
      String variantId, Parameters attentionParameters, int seasonalLag,
      List<EpochRecord> history, int bestEpoch, TrainingWindows training) {
    this.model = model;
    this.settings = settings;
    this.features = features;
    this.variantId = variantId;
    this.attentionParameters = attentionParameters;
    this.seasonalLag = seasonalLag;
    this.history = List.copyOf(history);
    this.bestEpoch = bestEpoch;
    this.training = training;
  }

  public SurrogateModel model() {
    return model;
  }

  public SurrogateSettings settings() {
    return settings;
  }

  /** The id of the attention variant the model was built with. */
  public String variantId() {
    return variantId;
  }

  public List<EpochRecord> history() {
    return history;
  }

  /** The epoch whose weights the model holds (1-based). */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** Half-hours (steps) per token, to name lags ("same half-hour yesterday"). */
  public int patch() {
    return settings.patch();
  }

  /** Steps back to the seasonal-naive start of the forecast; 0 when there is none. */
  public int seasonalLag() {
    return seasonalLag;
  }

  /**
   * Forecasts in the data's units; {@code forecast(origin)} uses only values before
   * {@code origin}.
   */
  public Forecaster forecaster(LocalDateTime[] timestamps, double[] values) {
    return origin -> forecast(timestamps, values, new int[] {origin})[0];
  }

  /**
   * Forecasts for several origins at once, {@code [origins][horizon]}, in the data's units.
   */
  public double[][] forecast(LocalDateTime[] timestamps, double[] values, int[] origins) {
    INDArray predicted = model.predict(windows(timestamps, values, origins));
    double[][] result = new double[origins.length][];
    for (int i = 0; i < origins.length; i++) {
      result[i] = features.unscale(predicted.getRow(i).toDoubleVector());
    }
    return result;
  }

  /** Same features and scaling, another model (a compressed copy of {@link #model()}). */
  public TrainedSurrogate withModel(SurrogateModel other) {
    return new TrainedSurrogate(other, settings, features, variantId, attentionParameters,
        seasonalLag, history, bestEpoch, training);
  }

  /**
   * The model's input windows for these origins, {@code [batch, inputWindow, features]}.
   * Only the values before each origin are read.
   */
  public INDArray windows(LocalDateTime[] timestamps, double[] values, int[] origins) {
    int end = Arrays.stream(origins).max().orElse(0);
    if (end > values.length || timestamps.length < end) {
      throw new IllegalArgumentException("origin " + end + " is past the series of "
          + values.length + " values");
    }
    // Scaling only the values before the last origin keeps later values out entirely.
    double[] scaled = features.scale(Arrays.copyOf(values, end));
    return features.windows(timestamps, scaled, origins);
  }

  /**
   * Attention weights for the window before {@code origin}, {@code [queries][tokens]}
   * (token {@code j} covers steps {@code origin - inputWindow + j * patch} onwards);
   * {@code null} for a model without attention.
   */
  public double[][] attentionWeights(LocalDateTime[] timestamps, double[] values, int origin) {
    INDArray weights = model.attentionWeights(windows(timestamps, values, new int[] {origin}));
    if (weights == null) {
      return null;
    }
    INDArray one = weights.slice(0);
    double[][] result = new double[(int) one.size(0)][];
    for (int q = 0; q < result.length; q++) {
      result[q] = one.getRow(q).toDoubleVector();
    }
    return result;
  }

  /**
   * Data and a fine-tuning loop for compression strategies.
   *
   * @throws IllegalStateException for a surrogate loaded from disk, which keeps no training
   *     data
   */
  public CompressionContext compressionContext() {
    if (training == null) {
      throw new IllegalStateException("a surrogate loaded from disk has no training data; "
          + "compress the surrogate of the run that trained it");
    }
    return new SurrogateCompressionContext(training);
  }

  /**
   * Writes the model, settings, scaler and training history to {@code folder}, atomically:
   * a reader sees the old folder or the complete new one.
   */
  public void save(Path folder) throws IOException {
    Path target = folder.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path temporary = Files.createTempDirectory(target.getParent(),
        "." + target.getFileName() + ".");
    try {
      model.save(temporary.resolve(MODEL_FILE));
      AtomicFiles.writeString(temporary.resolve(META_FILE),
          JSON.writeValueAsString(metadata()));
      openToReaders(temporary);
      replace(temporary, target);
    } finally {
      AtomicFiles.deleteTree(temporary);
    }
  }

  /** A temporary folder is private to its owner; a saved model is as readable as a report. */
  private static void openToReaders(Path folder) throws IOException {
    try {
      Files.setPosixFilePermissions(folder,
          java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (UnsupportedOperationException notPosix) {
      // Other file systems keep their default permissions.
    }
  }

  /**
   * Reads a surrogate {@link #save(Path)} wrote.
   *
   * @throws IOException when a file is missing or unreadable, or the model was built with
   *     another attention variant than {@code variant}
   */
  public static TrainedSurrogate load(Path folder, AttentionVariant variant)
      throws IOException {
    Path metaFile = folder.resolve(META_FILE);
    Map<String, Object> meta = JSON.readValue(metaFile.toFile(),
        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
    String savedVariant = String.valueOf(meta.get("attention"));
    if (!savedVariant.equals(variant.id())) {
      throw new IOException(metaFile + ": the model was trained with attention '"
          + savedVariant + "', not '" + variant.id() + "'");
    }
    try {
      SurrogateSettings settings = SurrogateSettings.fromMap(map(meta, "settings"));
      FeatureScaler scaler = FeatureScaler.fromState(ScalerState.fromMap(map(meta, "scaler")));
      SameDiffSurrogate model = SameDiffSurrogate.load(folder.resolve(MODEL_FILE),
          map(meta, "model"));
      List<EpochRecord> history = new ArrayList<>();
      for (Object row : (List<?>) meta.get("history")) {
        history.add(JSON.convertValue(row, EpochRecord.class));
      }
      return new TrainedSurrogate(model, settings,
          new SurrogateFeatures(scaler, settings.inputWindow(), settings.horizon()),
          savedVariant, Parameters.of("attention/" + savedVariant,
              map(meta, "attention_parameters")),
          ((Number) meta.get("seasonal_lag")).intValue(), history,
          ((Number) meta.get("best_epoch")).intValue(), null);
    } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
      throw new IOException(metaFile + ": not a saved surrogate: " + e.getMessage(), e);
    }
  }

  private Map<String, Object> metadata() {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("attention", variantId);
    meta.put("attention_parameters", attentionParameters.asMap());
    meta.put("settings", settings.toMap());
    meta.put("scaler", features.scaler().state().toMap());
    meta.put("features", SurrogateFeatures.NAMES);
    meta.put("seasonal_lag", seasonalLag);
    meta.put("best_epoch", bestEpoch);
    meta.put("history", history);
    meta.put("model", model instanceof SameDiffSurrogate own ? own.description()
        : model.describe());
    return meta;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> meta, String key) {
    if (!(meta.get(key) instanceof Map<?, ?> value)) {
      throw new IllegalArgumentException("'" + key + "' must be an object, got "
          + meta.get(key));
    }
    return (Map<String, Object>) value;
  }

  private static void replace(Path temporary, Path target) throws IOException {
    if (!Files.exists(target)) {
      AtomicFiles.move(temporary, target);
      return;
    }
    // A folder cannot be moved over a non-empty one: move the old one aside first.
    Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName()
        + ".old.");
    Files.delete(old);
    AtomicFiles.move(target, old);
    AtomicFiles.move(temporary, target);
    AtomicFiles.deleteTree(old);
  }
}
