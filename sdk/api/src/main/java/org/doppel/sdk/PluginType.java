package org.doppel.sdk;

import java.util.Locale;

/** The extension points of Doppel; each name is the prefix shown in {@code doppel plugins}. */
public enum PluginType {
  DYNAMICS("org.doppel.sdk.dynamics.SystemDynamics"),
  ATTENTION("org.doppel.sdk.attention.AttentionVariant"),
  COMPRESSION("org.doppel.sdk.compression.CompressionStrategy"),
  CONTROLLER("org.doppel.sdk.control.Controller"),
  DOMAIN("org.doppel.sdk.domain.DomainModule");

  private final String serviceInterface;

  PluginType(String serviceInterface) {
    this.serviceInterface = serviceInterface;
  }

  /** The fully qualified name of the interface this type is registered under. */
  public String serviceInterface() {
    return serviceInterface;
  }

  /** The lower-case label, as in {@code attention/multi-head}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a label such as {@code "attention"}.
   *
   * @throws IllegalArgumentException naming the known labels when {@code label} is none
   */
  public static PluginType fromLabel(String label) {
    for (PluginType type : values()) {
      if (type.label().equals(label)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown plugin type '" + label + "'; known types: "
        + java.util.Arrays.stream(values()).map(PluginType::label).toList());
  }
}
