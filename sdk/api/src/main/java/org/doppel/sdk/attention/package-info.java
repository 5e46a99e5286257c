/**
 * Attention variants: the swappable attention block of the neural surrogate, and the weights that
 * explain it.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.2.0")
package org.doppel.sdk.attention;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
