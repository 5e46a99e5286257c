/**
 * The decision twin: controllers that turn a state estimate and forecast into inputs.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.1.0")
package org.doppel.sdk.control;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
