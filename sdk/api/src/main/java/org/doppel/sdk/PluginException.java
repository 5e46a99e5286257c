package org.doppel.sdk;

/**
 * A plugin could not do what it was asked, for a reason it can name.
 *
 * <p>The message says what failed in the user's terms (which condition, which parameter);
 * the framework prefixes it with the plugin's type and id, so a failing plugin fails its
 * run with a message that names it.
 */
public class PluginException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PluginException(String message) {
    super(message);
  }

  public PluginException(String message, Throwable cause) {
    super(message, cause);
  }
}
