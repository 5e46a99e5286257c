package org.doppel.domains.logistics;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.study.DomainStudy;

/**
 * The logistics domain, id {@code logistics}. Being built: the bundle's engineer replaces this class.
 */
public final class LogisticsDomain implements DomainModule {

  /** The plugin id. */
  public static final String ID = "logistics";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "logistics twin (being built)";
  }

  @Override
  public URL defaultScenario() {
    return LogisticsDomain.class.getResource("/org/doppel/domains/logistics/logistics.yaml");
  }

  @Override
  public Map<String, URL> datasets() {
    return Map.of();
  }

  @Override
  public String dataAttribution() {
    return "";
  }

  @Override
  public Optional<DomainStudy> study() {
    return Optional.empty();
  }
}
