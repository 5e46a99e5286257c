package org.doppel.domains.medical.pk;

/** The textbook regimen: the same dose at every dosing time, whatever is measured. */
public final class FixedRegimen implements DosingPolicy {

  private final double doseMg;

  public FixedRegimen(double doseMg) {
    this.doseMg = doseMg;
  }

  @Override
  public String name() {
    return "fixed";
  }

  @Override
  public double dose(int index, double measuredConcentration) {
    return doseMg;
  }
}
