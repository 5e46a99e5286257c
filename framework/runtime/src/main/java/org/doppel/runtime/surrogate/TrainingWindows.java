package org.doppel.runtime.surrogate;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training windows and targets a surrogate was trained on, kept for fine-tuning after
 * compression.
 */
record TrainingWindows(INDArray windows, INDArray targets, long seed,
    SurrogateSettings settings) {
}
