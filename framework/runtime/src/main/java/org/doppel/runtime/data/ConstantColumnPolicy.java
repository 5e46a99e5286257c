package org.doppel.runtime.data;

/** What fitting a scaler does with a column whose values are all equal. */
public enum ConstantColumnPolicy {
  /**
   * Scale it by 1 around its value, so it transforms to 0 and back exactly, and log a
   * warning naming it.
   */
  SCALE_BY_ONE,
  /** Strict mode: refuse to fit, naming every constant column. */
  REJECT
}
