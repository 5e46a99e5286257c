package org.doppel.launcher;

/** The launcher cannot go on: the message says what is missing and where to look. */
public final class LauncherException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public LauncherException(String message) {
    super(message);
  }

  public LauncherException(String message, Throwable cause) {
    super(message, cause);
  }
}
