package org.doppel.sdk.domain;

/**
 * Statistics of one signal over every simulated step, at the full sample rate.
 *
 * @param samples how many steps were accumulated
 * @param mean the mean value
 * @param rms the root mean square
 * @param peak the largest absolute value
 * @param peakTime the time of the first step where {@code peak} was reached, seconds
 */
public record SignalStatistics(long samples, double mean, double rms, double peak,
    double peakTime) {
}
