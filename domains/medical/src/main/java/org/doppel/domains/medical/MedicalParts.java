package org.doppel.domains.medical;

import java.util.List;
import org.doppel.domains.medical.pk.PkPart;

/** The parts of the medical study, in the order they run and report. */
public final class MedicalParts {

  private MedicalParts() {
  }

  /**
   * Every part. The glucose part ({@code org.doppel.domains.medical.glucose.GlucosePart},
   * section {@code glucose}) is built on its own branch; the integrator adds
   * {@code new GlucosePart()} to this list when merging it.
   */
  public static List<MedicalPart> all() {
    return List.of(new PkPart());
  }
}
