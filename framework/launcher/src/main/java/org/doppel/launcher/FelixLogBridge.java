package org.doppel.launcher;

import org.apache.felix.framework.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.LoggerFactory;

/**
 * Sends Felix's own log messages to SLF4J: by default Felix prints them on standard
 * output, which would corrupt machine-readable command output such as
 * {@code plugins --json}.
 */
final class FelixLogBridge extends Logger {

  private static final org.slf4j.Logger LOG =
      LoggerFactory.getLogger("org.apache.felix.framework");

  FelixLogBridge() {
    setLogLevel(LOG.isDebugEnabled() ? LOG_DEBUG : LOG_WARNING);
  }

  @Override
  protected void doLog(Bundle bundle, ServiceReference sr, int level, String message,
      Throwable throwable) {
    String text = bundle == null ? message
        : "[" + bundle.getSymbolicName() + " " + bundle.getVersion() + "] " + message;
    switch (level) {
      case LOG_ERROR -> LOG.error(text, throwable);
      case LOG_WARNING -> LOG.warn(text, throwable);
      case LOG_INFO -> LOG.info(text, throwable);
      default -> LOG.debug(text, throwable);
    }
  }
}
