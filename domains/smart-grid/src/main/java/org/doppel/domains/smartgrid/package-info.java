/**
 * The smart-grid twin: England and Wales half-hourly demand, the two-area load-frequency
 * control plant, and the decision twin's case built from the forecast's errors.
 *
 * <p>Private to the smart-grid bundle: its classes reach the framework only as OSGi services.
 * All types are non-null unless a parameter or return value says otherwise.
 */
package org.doppel.domains.smartgrid;
