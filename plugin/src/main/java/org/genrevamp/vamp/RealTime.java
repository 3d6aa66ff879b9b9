package org.genrevamp.vamp;

/**
 * A time in seconds and nanoseconds, as Vamp passes it (Vamp::RealTime). Negative times have
 * both fields negative or zero.
 *
 * @param sec  whole seconds
 * @param nsec nanoseconds, |nsec| < 1e9, same sign as sec
 */
public record RealTime(int sec, int nsec) implements Comparable<RealTime> {

    public static final RealTime ZERO = new RealTime(0, 0);

    /** The time {@code seconds} rounded to the nearest nanosecond. */
    public static RealTime fromSeconds(double seconds) {
        long totalNanos = Math.round(seconds * 1e9);
        return new RealTime((int) (totalNanos / 1_000_000_000L), (int) (totalNanos % 1_000_000_000L));
    }

    /** The time of sample {@code frame} at {@code sampleRate} Hz (Vamp::RealTime::frame2RealTime). */
    public static RealTime fromFrame(long frame, double sampleRate) {
        return fromSeconds(frame / sampleRate);
    }

    /** This time plus {@code other}, exact to the nanosecond. */
    public RealTime plus(RealTime other) {
        long totalNanos = (sec + (long) other.sec) * 1_000_000_000L + nsec + other.nsec;
        return new RealTime((int) (totalNanos / 1_000_000_000L), (int) (totalNanos % 1_000_000_000L));
    }

    public double toSeconds() {
        return sec + nsec / 1e9;
    }

    @Override
    public int compareTo(RealTime other) {
        return sec != other.sec ? Integer.compare(sec, other.sec) : Integer.compare(nsec, other.nsec);
    }

    @Override
    public String toString() {
        return String.format("%.9fs", toSeconds());
    }
}
