/**
 * The attention variants of the neural surrogate, built in SameDiff: {@code multi-head} and
 * {@code none} (the same network without attention, for ablation).
 *
 * <p>Private to the attention bundle; contributed as OSGi services. All types are non-null
 * unless a parameter or return value says otherwise; every variant is stateless and
 * thread-safe.
 */
package org.doppel.plugins.attention;
