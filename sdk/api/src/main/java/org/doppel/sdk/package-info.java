/**
 * The common ground of every Doppel plugin: its identity, type and typed parameters.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.1.0")
package org.doppel.sdk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
