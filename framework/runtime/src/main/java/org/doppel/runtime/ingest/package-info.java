/**
 * The framework's CSV ingest: reads measurement files into regular, validated time series
 * and reports every fault with its file, line and column.
 *
 * <p>Private to the runtime bundle; other bundles reach it through
 * {@link org.doppel.sdk.data.TimeSeriesIngest}. Types are non-null unless documented.
 */
package org.doppel.runtime.ingest;
