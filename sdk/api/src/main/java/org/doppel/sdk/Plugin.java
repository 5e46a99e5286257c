package org.doppel.sdk;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something a bundle contributes to Doppel under a stable string id.
 *
 * <p>Every extension point extends this interface. A plugin is registered as an OSGi service
 * under its extension interface, with the service properties named in
 * {@link PluginProperties}; the framework's registry finds it by {@link #type()} and
 * {@link #id()}, so a scenario names it by id and never by class.
 *
 * <p>Implementations must be thread-safe: one service object serves every run.
 */
@ConsumerType
public interface Plugin {

  /** The stable id a scenario uses, such as {@code "multi-head"} or {@code "lqr"}. */
  String id();

  /** One sentence for {@code doppel plugins}: what this plugin is. */
  String description();

  /** The extension point this plugin implements. */
  PluginType type();
}
