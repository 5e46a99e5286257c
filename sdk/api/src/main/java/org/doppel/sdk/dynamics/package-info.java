/**
 * The physics model of a twin: plant dynamics and their linearisation around an operating point.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.1.0")
package org.doppel.sdk.dynamics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
