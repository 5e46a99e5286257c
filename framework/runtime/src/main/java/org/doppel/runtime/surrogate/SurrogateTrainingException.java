package org.doppel.runtime.surrogate;

/**
 * Training could not go on: a loss or a weight turned non-finite, or the data cannot give a
 * single training window. The message names the epoch, iteration and variable, or the
 * points needed and given.
 */
public class SurrogateTrainingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SurrogateTrainingException(String message) {
    super(message);
  }
}
