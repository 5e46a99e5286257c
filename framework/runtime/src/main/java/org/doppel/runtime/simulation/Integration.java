package org.doppel.runtime.simulation;

/** How the simulator advances the plant over one sample period. */
public enum Integration {

  /**
   * Exact zero-order hold when the plant is linear (its {@code evaluate} agrees with its
   * linearisation at the origin on the probe points of {@link #EXACT_ZERO_ORDER_HOLD}), else
   * {@link #RUNGE_KUTTA_4}; {@link #DISCRETE_MAP} for a discrete-time plant.
   */
  AUTO,

  /**
   * x[k+1] = Ad x[k] + Bd u[k] + Gd w[k] with the ZOH discretisation of the plant's
   * linearisation at the origin: exact for a linear plant, whatever the step. Refused when the
   * plant's {@code evaluate} differs from that linearisation at a probe point: each unit
   * state, input and disturbance direction, and all of them together, at scales 1e-3, 1 and
   * 1e3, at t = 0 and t = 1000 s. A plant that is linear on every probe but not elsewhere
   * would pass; simulate such a plant with {@link #RUNGE_KUTTA_4}.
   */
  EXACT_ZERO_ORDER_HOLD,

  /**
   * The classic fourth-order Runge–Kutta step on {@code evaluate}, with u and w held over the
   * step. Its error shrinks with the fourth power of the step; stable only while the
   * plant's fastest mode times the step stays inside the method's region (|λ·dt| below about
   * 2.8 for real modes).
   */
  RUNGE_KUTTA_4,

  /** x[k+1] = evaluate(k, x[k], u[k], w[k]) for a discrete-time plant. */
  DISCRETE_MAP
}
