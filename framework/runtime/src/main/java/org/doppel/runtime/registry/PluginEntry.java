package org.doppel.runtime.registry;

import org.doppel.sdk.PluginType;

/**
 * One registered plugin as {@code doppel plugins} lists it.
 *
 * @param type the extension point
 * @param id the plugin's id
 * @param description its one-line description
 * @param version the providing bundle's version
 * @param bundle the providing bundle's symbolic name
 * @param bundleId the providing bundle's id in the running framework
 * @param ranking the service ranking
 * @param state {@code active}, or {@code shadowed} when another plugin with the same type
 *     and id and a higher ranking wins
 */
public record PluginEntry(PluginType type, String id, String description, String version,
    String bundle, long bundleId, int ranking, String state) {

  /** The {@code type/id} key, as in {@code attention/multi-head}. */
  public String key() {
    return type.label() + "/" + id;
  }
}
