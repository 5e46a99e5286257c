/**
 * Attention forecasters for any domain's windows: the runtime's implementation of
 * {@link org.doppel.sdk.forecast.SequenceForecasting} on SameDiff, registered as an OSGi
 * service by the runtime bundle, and {@link org.doppel.runtime.forecast.StandaloneForecasting}
 * for unit tests of domain bundles outside OSGi.
 *
 * <p>Private to the runtime bundle. All types are non-null unless a parameter or return
 * value says otherwise.
 */
package org.doppel.runtime.forecast;
