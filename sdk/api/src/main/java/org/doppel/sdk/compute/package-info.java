/**
 * The one deep-learning compute service of a JVM, shared by every bundle.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.2.0")
package org.doppel.sdk.compute;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
