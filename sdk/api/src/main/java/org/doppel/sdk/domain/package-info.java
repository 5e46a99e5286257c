/**
 * Domain modules: a twin's datasets, plant, KPIs and default scenario, shipped as one bundle.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.2.0")
package org.doppel.sdk.domain;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
