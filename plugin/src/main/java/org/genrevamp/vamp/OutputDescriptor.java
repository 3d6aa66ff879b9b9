package org.genrevamp.vamp;

import java.util.List;
import java.util.Objects;

/**
 * One output of a plugin (Vamp::Plugin::OutputDescriptor). Build with {@link #builder(String)};
 * defaults: one bin, no extents, not quantized, one sample per step, no duration.
 *
 * @param identifier      [a-zA-Z0-9_-]+, never changes
 * @param name            human-readable name
 * @param description     short human-readable text
 * @param unit            unit of the values, may be empty
 * @param hasFixedBinCount whether every feature has {@code binCount} values
 * @param binCount        values per feature when {@code hasFixedBinCount}
 * @param binNames        names of the bins (binCount of them) or empty
 * @param hasKnownExtents whether all values lie in [minValue, maxValue]
 * @param minValue        smallest value when {@code hasKnownExtents}
 * @param maxValue        largest value when {@code hasKnownExtents}
 * @param quantizeStep    resolution of the values, or 0 when continuous
 * @param sampleType      how features are placed in time
 * @param sampleRate      feature rate in Hz for FIXED_SAMPLE_RATE; resolution for VARIABLE_SAMPLE_RATE (0 = none)
 * @param hasDuration     whether features carry a duration
 */
public record OutputDescriptor(String identifier, String name, String description, String unit,
                               boolean hasFixedBinCount, int binCount, List<String> binNames,
                               boolean hasKnownExtents, float minValue, float maxValue, float quantizeStep,
                               SampleType sampleType, float sampleRate, boolean hasDuration) {

    public OutputDescriptor {
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(sampleType, "sampleType");
        binNames = List.copyOf(binNames);
        if (!binNames.isEmpty() && binNames.size() != binCount) {
            throw new IllegalArgumentException("output " + identifier + ": " + binNames.size() + " bin names for "
                    + binCount + " bins");
        }
    }

    public boolean isQuantized() {
        return quantizeStep > 0;
    }

    public static Builder builder(String identifier) {
        return new Builder(identifier);
    }

    /** Fluent construction; every setter returns this builder. */
    public static final class Builder {
        private final String identifier;
        private String name = "";
        private String description = "";
        private String unit = "";
        private boolean hasFixedBinCount = true;
        private int binCount = 1;
        private List<String> binNames = List.of();
        private boolean hasKnownExtents;
        private float minValue;
        private float maxValue;
        private float quantizeStep;
        private SampleType sampleType = SampleType.ONE_SAMPLE_PER_STEP;
        private float sampleRate;
        private boolean hasDuration;

        private Builder(String identifier) {
            this.identifier = identifier;
        }

        public Builder name(String value) {
            name = value;
            return this;
        }

        public Builder description(String value) {
            description = value;
            return this;
        }

        public Builder unit(String value) {
            unit = value;
            return this;
        }

        /** A fixed bin count, with bin names (or an empty list). */
        public Builder bins(int count, List<String> names) {
            hasFixedBinCount = true;
            binCount = count;
            binNames = names;
            return this;
        }

        public Builder variableBinCount() {
            hasFixedBinCount = false;
            binCount = 0;
            binNames = List.of();
            return this;
        }

        public Builder extents(float min, float max) {
            hasKnownExtents = true;
            minValue = min;
            maxValue = max;
            return this;
        }

        public Builder quantizeStep(float step) {
            quantizeStep = step;
            return this;
        }

        public Builder oneSamplePerStep() {
            sampleType = SampleType.ONE_SAMPLE_PER_STEP;
            sampleRate = 0;
            return this;
        }

        public Builder fixedSampleRate(float rateHz) {
            sampleType = SampleType.FIXED_SAMPLE_RATE;
            sampleRate = rateHz;
            return this;
        }

        /**
         * FixedSampleRate with one feature every {@code hopSeconds}, the rate rounded up to the float just
         * above {@code 1 / hopSeconds}: hosts find a feature's column as {@code int(time * rate)} with this
         * float rate (vamp-simple-host and Sonic Visualiser truncate), so a rate a hair low puts feature k
         * into column k - 1 once k * (relative error) reaches 1 (seen: 1.5369 s steps at 44.1 kHz, feature 21
         * printed at feature 20's time). The margin, 1e-7 relative, also covers the plugin's timestamps
         * being rounded to the nanosecond (a relative 5e-8 at a 10 ms hop), and is far too small to move a
         * feature a column late (10 hours of 16 ms frames: 0.4 of a column at most).
         */
        public Builder fixedSampleRateEvery(double hopSeconds) {
            double exact = 1.0 / hopSeconds;
            float rate = (float) exact;
            while (rate < exact * (1 + 1e-7)) {
                rate = Math.nextUp(rate);
            }
            return fixedSampleRate(rate);
        }

        public Builder variableSampleRate(float resolutionHz) {
            sampleType = SampleType.VARIABLE_SAMPLE_RATE;
            sampleRate = resolutionHz;
            return this;
        }

        public Builder hasDuration(boolean value) {
            hasDuration = value;
            return this;
        }

        public OutputDescriptor build() {
            return new OutputDescriptor(identifier, name, description, unit, hasFixedBinCount, binCount, binNames,
                    hasKnownExtents, minValue, maxValue, quantizeStep, sampleType, sampleRate, hasDuration);
        }
    }
}
