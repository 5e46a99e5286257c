package org.doppel.domains.medical;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.study.DomainStudy;

/**
 * The medical domain, id {@code medical}. Being built: the bundle's engineer replaces this class.
 */
public final class MedicalDomain implements DomainModule {

  /** The plugin id. */
  public static final String ID = "medical";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "medical twin (being built)";
  }

  @Override
  public URL defaultScenario() {
    return MedicalDomain.class.getResource("/org/doppel/domains/medical/medical.yaml");
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
