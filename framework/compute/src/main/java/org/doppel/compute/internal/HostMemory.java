package org.doppel.compute.internal;

/**
 * The process's memory as the CPU backend sees it.
 *
 * <p>ND4J's CPU backend does not count its own array buffers (JavaCPP's
 * {@code Pointer.totalBytes()} stayed below 1 KiB after a 1000 x 1000 product, see
 * {@code docs/notes/compute.md}), so the honest figures are the process's resident memory
 * and the resident-memory limit JavaCPP enforces before it refuses an allocation.
 *
 * @param residentBytes the process's resident memory now, bytes ({@code -1} when unknown)
 * @param limitBytes JavaCPP's resident-memory limit, bytes ({@code -1} when none is set)
 */
record HostMemory(long residentBytes, long limitBytes) {
}
