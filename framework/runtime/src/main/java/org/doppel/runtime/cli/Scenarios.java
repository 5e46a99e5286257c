package org.doppel.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.doppel.runtime.registry.PluginRegistry;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.domain.DomainModule;

/**
 * Finds the scenario a command names: a scenario file, a scenario shipped in the
 * distribution's {@code scenarios/} folder, or an installed domain's default scenario.
 */
final class Scenarios {

  private Scenarios() {
  }

  static ScenarioDocument load(String name, PluginRegistry registry) {
    Path file = Path.of(name);
    if (Files.isRegularFile(file) || name.endsWith(".yaml") || name.endsWith(".yml")) {
      return ScenarioDocument.load(file);
    }
    Optional<Path> shipped = folder().map(f -> f.resolve(name + ".yaml"))
        .filter(Files::isRegularFile);
    if (shipped.isPresent()) {
      return ScenarioDocument.load(shipped.get());
    }
    Optional<DomainModule> domain = registry.find(PluginType.DOMAIN, name,
        DomainModule.class);
    if (domain.isPresent()) {
      return ScenarioDocument.load(domain.get().defaultScenario(),
          "default scenario of domain " + name);
    }
    throw new IllegalArgumentException("'" + name + "' is neither a scenario file, nor a "
        + "scenario in " + folder().map(Path::toString).orElse("scenarios/")
        + ", nor an installed domain; installed domains: "
        + registry.ids(PluginType.DOMAIN));
  }

  /** The distribution's {@code scenarios/}, when running from a distribution. */
  private static Optional<Path> folder() {
    String home = System.getProperty("doppel.home");
    return home == null ? Optional.empty() : Optional.of(Path.of(home, "scenarios"));
  }
}
