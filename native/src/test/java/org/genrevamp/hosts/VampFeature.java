package org.genrevamp.hosts;

/**
 * One feature as a host printed it.
 *
 * @param seconds  the timestamp the host printed, in seconds (for features without their own
 *                 timestamp vamp-simple-host prints the time of the block that returned them)
 * @param duration the duration in seconds, or {@code NaN} when the feature has none
 * @param values   the feature's values, in bin order (may be empty)
 * @param label    the label, {@code ""} when absent
 */
public record VampFeature(double seconds, double duration, float[] values, String label) {
    public boolean hasDuration() {
        return !Double.isNaN(duration);
    }
}
