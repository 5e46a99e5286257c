package org.doppel.runtime.registry;

import java.util.List;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginType;

/**
 * Finds plugins by type and id: the registry inside the framework, or a fixed set of plugin
 * objects in tests.
 */
public interface PluginLookup {

  /**
   * The plugin of {@code type} with {@code id}.
   *
   * @throws UnknownPluginException listing the installed ids when there is none
   */
  <T extends Plugin> T require(PluginType type, String id, Class<T> api);

  /** The ids of the plugins of one type, sorted. */
  List<String> ids(PluginType type);

  /** A lookup over fixed plugin objects, for tests and embedding without OSGi. */
  static PluginLookup of(List<? extends Plugin> plugins) {
    return new PluginLookup() {
      @Override
      public <T extends Plugin> T require(PluginType type, String id, Class<T> api) {
        return plugins.stream().filter(p -> p.type() == type && p.id().equals(id))
            .findFirst().map(api::cast)
            .orElseThrow(() -> new UnknownPluginException(type, id, ids(type)));
      }

      @Override
      public List<String> ids(PluginType type) {
        return plugins.stream().filter(p -> p.type() == type).map(Plugin::id).sorted()
            .toList();
      }
    };
  }
}
