package org.doppel.domains.traffic;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.study.DomainStudy;

/**
 * The traffic domain, id {@code traffic}. Being built: the bundle's engineer replaces this class.
 */
public final class TrafficDomain implements DomainModule {

  /** The plugin id. */
  public static final String ID = "traffic";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "traffic twin (being built)";
  }

  @Override
  public URL defaultScenario() {
    return TrafficDomain.class.getResource("/org/doppel/domains/traffic/traffic.yaml");
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
