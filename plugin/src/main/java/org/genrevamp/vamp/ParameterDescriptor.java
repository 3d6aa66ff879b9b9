package org.genrevamp.vamp;

import java.util.List;

/**
 * A plugin parameter (Vamp::PluginBase::ParameterDescriptor).
 *
 * @param identifier   [a-zA-Z0-9_-]+, never changes
 * @param name         human-readable name
 * @param description  short human-readable text
 * @param unit         unit of the value, may be empty
 * @param minValue     smallest value
 * @param maxValue     largest value
 * @param defaultValue value before any setParameter, within [minValue, maxValue]
 * @param quantizeStep resolution of the value, or 0 when continuous
 * @param valueNames   names of the quantized values from minValue upwards, may be empty
 */
public record ParameterDescriptor(String identifier, String name, String description, String unit,
                                  float minValue, float maxValue, float defaultValue,
                                  float quantizeStep, List<String> valueNames) {

    public ParameterDescriptor {
        if (!(minValue <= defaultValue && defaultValue <= maxValue)) {
            throw new IllegalArgumentException("parameter " + identifier + ": need min <= default <= max, got "
                    + minValue + ", " + defaultValue + ", " + maxValue);
        }
        valueNames = List.copyOf(valueNames);
    }

    public boolean isQuantized() {
        return quantizeStep > 0;
    }
}
