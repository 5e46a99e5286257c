package org.doppel.sdk.compute;

/** Work run on the compute service failed; the message names who asked. */
public class ComputeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ComputeException(String message, Throwable cause) {
    super(message, cause);
  }
}
