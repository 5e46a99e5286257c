/**
 * The model twin's neural surrogate: calendar features and input windows, a SameDiff
 * forecasting network around an attention variant, its training loop (Adam, early stopping,
 * a guard against non-finite values), and the trained model's forecasts, attention weights,
 * persistence and fine-tuning for compression.
 *
 * <p>Private to the runtime bundle. All types are non-null unless a parameter or return
 * value says otherwise. Settings and records are immutable; trainers and trained surrogates
 * are not thread-safe (they drive one SameDiff graph).
 */
package org.doppel.runtime.surrogate;
