package org.doppel.runtime.surrogate;

/** Hears about each finished epoch, for progress bars and training curves. */
@FunctionalInterface
public interface TrainingListener {

  void epoch(EpochRecord record);
}
