package org.doppel.domains.traffic.sumo;

import java.io.IOException;

/**
 * A TraCI exchange that failed: SUMO answered a command with an error status, the socket
 * closed or timed out, or an answer did not parse. The message names the command (and the
 * object and variable where there is one) and SUMO's own words.
 */
public final class TraciException extends IOException {

  private static final long serialVersionUID = 1L;

  public TraciException(String message) {
    super(message);
  }

  public TraciException(String message, Throwable cause) {
    super(message, cause);
  }
}
