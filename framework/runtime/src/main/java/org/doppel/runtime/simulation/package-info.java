/**
 * The closed-loop simulator: a plant ({@code SystemDynamics}) driven by a designed control law
 * and a disturbance sequence, stepped at the control sample period, with full-rate signal
 * statistics and a decimated trajectory for charts.
 *
 * <p>Private to the runtime bundle. All types are non-null unless a parameter or return value
 * says otherwise; thread-safety is stated on each type.
 */
package org.doppel.runtime.simulation;
