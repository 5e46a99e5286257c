/**
 * The decision twin of the logistics domain: the serial supply-chain plant, its linear
 * planning model, the ordering policies and their key figures. Private to the bundle. All
 * types are non-null unless a parameter or return value says otherwise.
 */
package org.doppel.domains.logistics.chain;
