/**
 * Forecast evaluation: accuracy metrics, the naive baselines every forecast is compared with,
 * and the day-ahead protocol that issues one forecast at each midnight of the test period.
 *
 * <p>Private to the runtime bundle. All types are non-null unless a parameter or return value
 * says otherwise; every type is immutable or stateless and thread-safe unless its Javadoc
 * says otherwise.
 */
package org.doppel.runtime.evaluation;
