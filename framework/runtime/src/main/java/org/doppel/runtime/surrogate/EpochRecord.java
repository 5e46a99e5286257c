package org.doppel.runtime.surrogate;

/**
 * One finished training epoch.
 *
 * @param epoch 1-based
 * @param maxEpochs the most epochs training may take
 * @param trainLoss mean squared error (normalised units, no penalty) after the epoch on up
 *     to 1024 training windows spread evenly over them
 * @param validationLoss mean squared error (normalised units, no penalty) on the validation
 *     windows after the epoch; the training loss when there is no validation split
 * @param seconds wall time of the epoch, validation included
 * @param improved whether this epoch's weights are the best so far
 */
public record EpochRecord(int epoch, int maxEpochs, double trainLoss,
    double validationLoss, double seconds, boolean improved) {
}
