/**
 * The neural surrogate as plugins see it: a SameDiff graph with named inputs, outputs and
 * attention weights.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.1.0")
package org.doppel.sdk.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
