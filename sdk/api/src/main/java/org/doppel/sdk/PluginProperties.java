package org.doppel.sdk;

/** The OSGi service properties every plugin service carries. */
public final class PluginProperties {

  /** The plugin's id ({@link Plugin#id()}), a {@code String}. */
  public static final String ID = "doppel.plugin.id";

  /** The plugin's type label ({@link PluginType#label()}), a {@code String}. */
  public static final String TYPE = "doppel.plugin.type";

  /** The plugin's description ({@link Plugin#description()}), a {@code String}. */
  public static final String DESCRIPTION = "doppel.plugin.description";

  private PluginProperties() {
  }
}
