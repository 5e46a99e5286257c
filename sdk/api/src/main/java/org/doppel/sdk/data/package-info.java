/**
 * Measured data as the twin sees it: time series with timestamps and units, and the ingest service
 * that validates them.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.2.0")
package org.doppel.sdk.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
