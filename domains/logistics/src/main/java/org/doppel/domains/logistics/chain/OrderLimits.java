package org.doppel.domains.logistics.chain;

/**
 * The bounds every order is held to: whole units, not negative, at most the capacity of one
 * month. Immutable.
 *
 * @param capacity the most any echelon may order (the factory produce) in a month
 */
public record OrderLimits(double capacity) {

  public OrderLimits {
    if (!(capacity > 0) || !Double.isFinite(capacity)) {
      throw new IllegalArgumentException("order capacity must be positive and finite, got "
          + capacity);
    }
  }

  /** {@code wanted} rounded to a whole unit and moved into [0, capacity]. */
  public double apply(double wanted) {
    if (Double.isNaN(wanted)) {
      throw new IllegalArgumentException("an order came out as NaN");
    }
    return Math.min(Math.floor(capacity), Math.max(0, Math.rint(wanted)));
  }
}
