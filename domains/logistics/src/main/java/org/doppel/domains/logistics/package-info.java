/**
 * The logistics twin. Private to the logistics bundle: its classes reach the framework only as OSGi
 * services. All types are non-null unless a parameter or return value says otherwise.
 */
package org.doppel.domains.logistics;
