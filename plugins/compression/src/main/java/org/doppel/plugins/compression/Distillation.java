package org.doppel.plugins.compression;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distillation into a narrower student: the student is the teacher with every dense block's
 * hidden layer cut to {@code width} of its neurons (as {@code prune-structured} does), then
 * trained for {@code epochs} on the teacher's own forecasts of the training windows, mixed
 * with the true targets by {@code alpha} (0: teacher only).
 *
 * <p>The SDK offers no way to build a model of another architecture, so the student keeps
 * the teacher's layers and only narrows them. Training uses the graph's own training
 * configuration (its updater and its feature and label placeholders) and fails, naming the
 * strategy, when the graph has none. Stateless and thread-safe.
 */
public final class Distillation implements CompressionStrategy {

  static final String ID = "distill";

  private static final Logger LOG = LoggerFactory.getLogger(Distillation.class);

  private static final Set<String> KNOWN = Set.of("width", "epochs", "alpha");

  private static final int BATCH = 64;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Trains a narrower copy of the surrogate on its own forecasts (knowledge "
        + "distillation).";
  }

  @Override
  public void validate(Parameters parameters) {
    parameters.requireOnly(KNOWN);
    double width = parameters.getDouble("width", 0.5);
    FineTuning.epochs(ID, parameters, "epochs", 10, 1);
    double alpha = parameters.getDouble("alpha", 0.0);
    check(width > 0 && width <= 1, "'width' must be in (0, 1], got " + width);
    check(alpha >= 0 && alpha <= 1, "'alpha' must be in [0, 1], got " + alpha);
  }

  @Override
  public CompressionOutcome compress(SurrogateModel model, Parameters parameters,
      CompressionContext context) {
    validate(parameters);
    double width = parameters.getDouble("width", 0.5);
    int epochs = parameters.getInt("epochs", 10);
    double alpha = parameters.getDouble("alpha", 0.0);
    QuantizedSurrogate.refuse(ID, model);
    Outcomes.requireFiniteInput(ID, model);
    if (model.graph().getTrainingConfig() == null) {
      throw new PluginException(ID + ": the model's graph has no training configuration "
          + "to train the student with");
    }

    CompressionOutcome narrowed = narrow(model, width, context);
    SurrogateModel student = narrowed.model();
    MultiDataSet training = context.trainingData();
    INDArray windows = training.getFeatures(0);
    INDArray targets = model.predict(windows).castTo(DataType.FLOAT).mul(1 - alpha)
        .add(training.getLabels(0).castTo(DataType.FLOAT).mul(alpha));
    double before = rmse(student, model, context);
    train(student.graph(), windows, targets, epochs);

    Outcomes.requireFinite(ID, student, context);
    double after = rmse(student, model, context);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("width", width);
    details.put("hidden_width_per_layer", narrowed.details().get("hidden_width_per_layer"));
    details.put("parameters_teacher", model.parameterCount());
    details.put("parameters_student", student.parameterCount());
    details.put("epochs", epochs);
    details.put("alpha", alpha);
    details.put("student_rmse_vs_teacher_before_training", before);
    details.put("student_rmse_vs_teacher_after_training", after);
    LOG.info("{}: student of {} parameters (teacher {}), RMSE to the teacher {} -> {}", ID,
        student.parameterCount(), model.parameterCount(), before, after);
    return new CompressionOutcome(student, details, "the student is the teacher's "
        + "architecture with narrower hidden layers; " + narrowed.note());
  }

  private static void check(boolean valid, String problem) {
    if (!valid) {
      throw new PluginException(ID + ": parameter " + problem);
    }
  }

  private static CompressionOutcome narrow(SurrogateModel model, double width,
      CompressionContext context) {
    try {
      return new StructuredPruning().compress(model, Parameters.of(ID,
          Map.of("sparsity", 1 - width)), context);
    } catch (PluginException e) {
      throw new PluginException(ID + ": cannot build a narrower student: " + e.getMessage(),
          e);
    }
  }

  /** Mini-batch training in a fixed order on (windows, targets). */
  private static void train(SameDiff graph, INDArray windows, INDArray targets, int epochs) {
    long count = windows.size(0);
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (long from = 0; from < count; from += BATCH) {
        long to = Math.min(count, from + BATCH);
        graph.fit(new org.nd4j.linalg.dataset.MultiDataSet(rows(windows, from, to),
            rows(targets, from, to)));
      }
    }
  }

  private static INDArray rows(INDArray array, long from, long to) {
    INDArrayIndex[] index = new INDArrayIndex[array.rank()];
    index[0] = NDArrayIndex.interval(from, to);
    for (int d = 1; d < index.length; d++) {
      index[d] = NDArrayIndex.all();
    }
    return array.get(index);
  }

  /** Root-mean-square difference of the forecasts on the calibration windows. */
  private static double rmse(SurrogateModel student, SurrogateModel teacher,
      CompressionContext context) {
    MultiDataSet calibration = context.calibrationData();
    INDArray windows = calibration.getFeatures(0);
    INDArray difference = student.predict(windows).castTo(DataType.DOUBLE)
        .sub(teacher.predict(windows).castTo(DataType.DOUBLE));
    return Math.sqrt(difference.mul(difference).meanNumber().doubleValue());
  }
}
