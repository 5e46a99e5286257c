/**
 * Guice wiring for plugin bundles: a module whose helpers list what a bundle contributes, and the
 * activator that publishes it as OSGi services.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.1.0")
package org.doppel.sdk.wiring;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
