package org.doppel.domains.medical;

import java.util.List;
import org.doppel.domains.medical.glucose.GlucosePart;
import org.doppel.domains.medical.pk.PkPart;

/** The parts of the medical study, in the order they run and report. */
public final class MedicalParts {

  private MedicalParts() {
  }

  /** Every part: pharmacokinetics and dosing ({@code pk}), then glucose control
   * ({@code glucose}). */
  public static List<MedicalPart> all() {
    return List.of(new PkPart(), new GlucosePart());
  }
}
