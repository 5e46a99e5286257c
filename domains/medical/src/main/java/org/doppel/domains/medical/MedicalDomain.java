package org.doppel.domains.medical;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.doppel.domains.medical.pk.PkStudies;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.study.DomainStudy;

/**
 * The medical domain, id {@code medical}: patient twins for drug dosing (theophylline and
 * indomethacin pharmacokinetics) and, when its part is wired in, for glucose control. It
 * runs its own {@link MedicalStudy}; it has no standard day-ahead control case. Stateless and
 * thread-safe.
 */
public final class MedicalDomain implements DomainModule {

  /** The plugin id. */
  public static final String ID = "medical";

  /** The name of the theophylline study in {@link #datasets()}. */
  public static final String THEOPHYLLINE = "theophylline";

  /** The name of the indomethacin study in {@link #datasets()}. */
  public static final String INDOMETHACIN = "indomethacin";

  private final MedicalStudy study = new MedicalStudy();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Patient twins: theophylline and indomethacin pharmacokinetics, calibrated per"
        + " subject, with an attention surrogate and dose control in the therapeutic window";
  }

  @Override
  public URL defaultScenario() {
    return MedicalDomain.class.getResource("/org/doppel/domains/medical/medical.yaml");
  }

  @Override
  public Map<String, URL> datasets() {
    return Map.of(THEOPHYLLINE, PkStudies.resource(PkStudies.THEOPHYLLINE),
        INDOMETHACIN, PkStudies.resource(PkStudies.INDOMETHACIN));
  }

  @Override
  public String dataAttribution() {
    return PkStudies.ATTRIBUTION;
  }

  @Override
  public Optional<DomainStudy> study() {
    return Optional.of(study);
  }
}
