package org.doppel.domains.medical.glucose;

/**
 * Insulin on board: the insulin delivered above the basal rate that has not yet acted, by a
 * two-compartment absorption model with time constant {@code tau} (the activity curve
 * t·e^(−t/τ)/τ², which peaks at τ and has acted to 96 % after 5τ). Delivery below basal
 * counts as negative. Not thread-safe.
 */
final class InsulinOnBoard {

  private final double tau;
  private double first;
  private double second;

  InsulinOnBoard(double tauMinutes) {
    if (!(tauMinutes > 0)) {
      throw new IllegalArgumentException("insulin peak time must be positive, got "
          + tauMinutes);
    }
    this.tau = tauMinutes;
  }

  /**
   * Adds {@code units} delivered above basal at the start of a period of {@code minutes} and
   * lets the period pass (the exact solution of the linear two-compartment model).
   */
  void advance(double units, double minutes) {
    first += units;
    double decay = Math.exp(-minutes / tau);
    second = (second + first * minutes / tau) * decay;
    first *= decay;
  }

  /** Units still on board. */
  double units() {
    return first + second;
  }
}
