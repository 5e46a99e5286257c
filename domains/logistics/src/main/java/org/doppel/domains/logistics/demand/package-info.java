/**
 * The data and model twin of the logistics domain: monthly demand, its windows for the
 * attention forecaster, the naive baselines and the rolling-origin evaluation. Private to the
 * bundle. All types are non-null unless a parameter or return value says otherwise.
 */
package org.doppel.domains.logistics.demand;
