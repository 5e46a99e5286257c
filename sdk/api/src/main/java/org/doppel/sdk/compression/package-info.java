/**
 * Compression strategies that make a trained surrogate smaller or faster, and their measured
 * effect.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.4.0")
package org.doppel.sdk.compression;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
