package org.doppel.runtime.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginProperties;
import org.doppel.sdk.PluginType;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks every plugin service by type and id as bundles come and go.
 *
 * <p>Each change is logged once at INFO ({@code plugin added: attention/multi-head 0.1.0
 * (bundle org.doppel.plugins.attention)}). When two services share a type and id, the one
 * OSGi ranks higher (service ranking, then the older registration) wins and the other is
 * logged as shadowed. Thread-safe.
 */
public final class PluginRegistry implements PluginLookup, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

  private final BundleContext context;
  private final List<ServiceTracker<Plugin, ServiceReference<Plugin>>> trackers =
      new ArrayList<>();
  private final Map<String, List<ServiceReference<Plugin>>> byKey = new ConcurrentHashMap<>();

  public PluginRegistry(BundleContext context) {
    this.context = context;
  }

  /** Starts tracking; plugins already registered are reported as added. */
  public void open() {
    for (PluginType type : PluginType.values()) {
      ServiceTracker<Plugin, ServiceReference<Plugin>> tracker =
          new ServiceTracker<>(context, type.serviceInterface(), new Customizer(type));
      trackers.add(tracker);
      tracker.open(true);
    }
  }

  @Override
  public void close() {
    trackers.forEach(ServiceTracker::close);
    trackers.clear();
  }

  /** Every registered plugin, sorted by type and id, shadowed ones included. */
  public List<PluginEntry> plugins() {
    List<PluginEntry> entries = new ArrayList<>();
    for (List<ServiceReference<Plugin>> references : byKey.values()) {
      List<ServiceReference<Plugin>> ranked = ranked(references);
      for (int i = 0; i < ranked.size(); i++) {
        entries.add(entry(ranked.get(i), i == 0 ? "active" : "shadowed"));
      }
    }
    entries.sort(Comparator.comparing((PluginEntry e) -> e.type().ordinal())
        .thenComparing(PluginEntry::id).thenComparing(PluginEntry::state));
    return entries;
  }

  /** The ids of the active plugins of one type, sorted. */
  @Override
  public List<String> ids(PluginType type) {
    return plugins().stream().filter(e -> e.type() == type && e.state().equals("active"))
        .map(PluginEntry::id).sorted().toList();
  }

  /** The winning plugin of {@code type} with {@code id}, if one is registered now. */
  public <T extends Plugin> Optional<T> find(PluginType type, String id, Class<T> api) {
    List<ServiceReference<Plugin>> references = byKey.get(key(type, id));
    if (references == null || references.isEmpty()) {
      return Optional.empty();
    }
    ServiceReference<Plugin> winner = ranked(references).get(0);
    Plugin service = context.getService(winner);
    if (service == null) {
      return Optional.empty();
    }
    context.ungetService(winner);
    return Optional.of(api.cast(service));
  }

  /**
   * The winning plugin of {@code type} with {@code id}.
   *
   * @throws UnknownPluginException listing the installed ids when there is none
   */
  @Override
  public <T extends Plugin> T require(PluginType type, String id, Class<T> api) {
    return find(type, id, api)
        .orElseThrow(() -> new UnknownPluginException(type, id, ids(type)));
  }

  private static List<ServiceReference<Plugin>> ranked(List<ServiceReference<Plugin>> refs) {
    List<ServiceReference<Plugin>> copy = new ArrayList<>(refs);
    // ServiceReference's natural order puts the reference OSGi would return first last.
    copy.sort(Comparator.reverseOrder());
    return copy;
  }

  private static String key(PluginType type, String id) {
    return type.label() + "/" + id;
  }

  private static PluginEntry entry(ServiceReference<Plugin> reference, String state) {
    Object ranking = reference.getProperty(Constants.SERVICE_RANKING);
    return new PluginEntry(
        PluginType.fromLabel(String.valueOf(reference.getProperty(PluginProperties.TYPE))),
        String.valueOf(reference.getProperty(PluginProperties.ID)),
        String.valueOf(reference.getProperty(PluginProperties.DESCRIPTION)),
        reference.getBundle() == null ? "?" : reference.getBundle().getVersion().toString(),
        reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName(),
        reference.getBundle() == null ? -1 : reference.getBundle().getBundleId(),
        ranking instanceof Integer value ? value : 0, state);
  }

  private final class Customizer
      implements ServiceTrackerCustomizer<Plugin, ServiceReference<Plugin>> {

    private final PluginType type;

    Customizer(PluginType type) {
      this.type = type;
    }

    @Override
    public ServiceReference<Plugin> addingService(ServiceReference<Plugin> reference) {
      Object id = reference.getProperty(PluginProperties.ID);
      if (!(id instanceof String text) || text.isBlank()) {
        LOG.error("plugin ignored: a {} service from bundle {} has no '{}' property",
            type.label(), reference.getBundle().getSymbolicName(), PluginProperties.ID);
        return null;
      }
      String key = key(type, text);
      List<ServiceReference<Plugin>> references =
          byKey.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>());
      references.add(reference);
      PluginEntry added = entry(reference, "active");
      LOG.info("plugin added: {} {} (bundle {})", key, added.version(), added.bundle());
      logShadowing(references);
      return reference;
    }

    @Override
    public void modifiedService(ServiceReference<Plugin> reference,
        ServiceReference<Plugin> tracked) {
      // Properties other than ranking do not change what the registry serves.
    }

    @Override
    public void removedService(ServiceReference<Plugin> reference,
        ServiceReference<Plugin> tracked) {
      String key = key(type, String.valueOf(reference.getProperty(PluginProperties.ID)));
      List<ServiceReference<Plugin>> references = byKey.get(key);
      if (references != null) {
        references.remove(reference);
        if (references.isEmpty()) {
          byKey.remove(key, references);
        }
      }
      String bundle = reference.getBundle() == null ? "uninstalled bundle"
          : "bundle " + reference.getBundle().getSymbolicName();
      LOG.info("plugin removed: {} ({})", key, bundle);
    }

    private void logShadowing(List<ServiceReference<Plugin>> references) {
      List<ServiceReference<Plugin>> ranked = ranked(references);
      for (int i = 1; i < ranked.size(); i++) {
        PluginEntry shadowed = entry(ranked.get(i), "shadowed");
        PluginEntry winner = entry(ranked.get(0), "active");
        LOG.info("plugin shadowed: {} {} (bundle {}) by {} (bundle {}, ranking {})",
            shadowed.key(), shadowed.version(), shadowed.bundle(), winner.version(),
            winner.bundle(), winner.ranking());
      }
    }
  }
}
