/**
 * A domain's own study: for a domain whose twin is not one day-ahead series and one control
 * case (several plants, several scenarios, policies that are not controller plugins), the
 * framework hands the study its scenario and services and writes what it reports into the
 * run folder and report, as for every other run.
 *
 * <p>All types in this package are non-null unless a parameter or return value says
 * otherwise.
 */
@Export
@Version("0.2.0")
package org.doppel.sdk.study;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
