/**
 * Feature normalisation for forecasting and surrogate training: z-score standardisation
 * and min-max scaling over named columns, with state that a saved model carries.
 *
 * <p>Private to the runtime bundle. Types are non-null unless documented.
 */
package org.doppel.runtime.data;
