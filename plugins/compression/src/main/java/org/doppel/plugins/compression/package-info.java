/**
 * Compression strategies for trained surrogates: magnitude pruning, int8 quantisation and
 * low-rank factorisation, each published as a
 * {@link org.doppel.sdk.compression.CompressionStrategy} service.
 *
 * <p>Private to the compression bundle: its classes reach the framework only as OSGi
 * services. All types are non-null unless a parameter or return value says otherwise.
 */
package org.doppel.plugins.compression;
