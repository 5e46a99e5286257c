package org.doppel.runtime.registry;

import java.util.List;
import org.doppel.sdk.PluginType;

/** A scenario or command named a plugin id that no installed bundle provides. */
public class UnknownPluginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UnknownPluginException(PluginType type, String id, List<String> installed) {
    super("unknown " + type.label() + " plugin '" + id + "'; installed " + type.label()
        + " plugins: " + (installed.isEmpty() ? "none" : String.join(", ", installed)));
  }
}
