package org.doppel.plugins.compression;

import java.util.Collection;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Keeps a trained graph trainable after strategies change its structure or the shapes of
 * its arrays: SameDiff keeps the gradient function and the per-variable updater state
 * (sized for the old arrays) it built at the first training step, and never rebuilds them
 * by itself.
 */
final class TrainingState {

  private TrainingState() {
  }

  /** Rebuilds the gradient function and gives {@code changed} variables fresh updaters. */
  static void reset(SameDiff graph, Collection<String> changed) {
    if (graph.hasGradientFunction()) {
      graph.createGradFunction();
    }
    TrainingConfig config = graph.getTrainingConfig();
    Map<String, GradientUpdater> updaters = graph.getUpdaterMap();
    if (config == null || updaters == null) {
      return;
    }
    for (String name : changed) {
      INDArray array = graph.getArrForVarName(name);
      long size = config.getUpdater().stateSize(array.length());
      INDArray state = size > 0 ? Nd4j.zeros(array.dataType(), 1, size) : null;
      GradientUpdater updater = config.getUpdater().instantiate(state, true);
      updater.setStateViewArray(state, array.shape(), array.ordering(), true);
      updaters.put(name, updater);
    }
  }
}
