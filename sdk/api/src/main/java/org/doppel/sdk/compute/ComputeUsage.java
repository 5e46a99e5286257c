package org.doppel.sdk.compute;

import java.time.Duration;

/**
 * What one owner has run on the compute service since the service started.
 *
 * @param owner who asked, as given to {@link ComputeService#run}
 * @param jobs jobs finished, whether they succeeded or failed
 * @param failures jobs that threw
 * @param busy time the owner's jobs held the device
 * @param waited time the owner's jobs waited for the device while others held it
 */
public record ComputeUsage(String owner, long jobs, long failures, Duration busy,
    Duration waited) {
}
