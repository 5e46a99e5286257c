/**
 * Attention surrogates for any domain: a domain shapes its data into windows of tokens and
 * the framework trains, evaluates and explains the forecaster on the shared compute service.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.2.0")
package org.doppel.sdk.forecast;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
