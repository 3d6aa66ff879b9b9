package org.genrevamp.dsp;

/** librosa {@code power_to_db} with {@code ref = 1}: decibels of power values, floored at {@code amin}. */
public final class PowerToDb {
    private PowerToDb() {
    }

    /**
     * {@code 10 log10(max(amin, power))}.
     *
     * @param power a power value (any double; NaN is treated as below {@code amin})
     * @param amin  floor in power units, > 0 (so the result is never below {@code 10 log10(amin)})
     * @return decibels relative to power 1
     */
    public static double toDb(double power, double amin) {
        // written so that NaN also lands on the floor
        return 10.0 * Math.log10(power > amin ? power : amin);
    }

    /**
     * librosa's {@code top_db}: raises every value to at least {@code max - topDb}, where max is the
     * maximum over the whole array. In place.
     *
     * @param db    {@code [frames][bands]} in dB; may have zero frames
     * @param topDb dynamic range in dB, > 0; {@code POSITIVE_INFINITY} leaves the values untouched
     * @throws IllegalArgumentException if topDb is not > 0
     */
    public static void applyTopDb(float[][] db, double topDb) {
        if (!(topDb > 0)) {
            throw new IllegalArgumentException("PowerToDb.applyTopDb: topDb must be > 0, got " + topDb);
        }
        if (Double.isInfinite(topDb)) {
            return;
        }
        float max = Float.NEGATIVE_INFINITY;
        for (float[] frame : db) {
            for (float v : frame) {
                max = Math.max(max, v);
            }
        }
        float floor = (float) (max - topDb);
        for (float[] frame : db) {
            for (int b = 0; b < frame.length; b++) {
                if (frame[b] < floor) {
                    frame[b] = floor;
                }
            }
        }
    }
}
