package org.genrevamp.hosts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what {@code vamp-simple-host} (Vamp SDK 2.10, host/vamp-simple-host.cpp, printFeatures) writes
 * on stdout for one output: one line per feature,
 * {@code " <sec>.<nsec>[, <sec>.<nsec>]: v1 v2 ... label"} — timestamp, optional duration, the values
 * as C++ {@code ostream} prints floats (6 significant digits; {@code nan}, {@code inf}), then the label.
 *
 * <p>The label is whatever follows the last value; a label that itself starts with a number is
 * indistinguishable from a value, so pass the output's bin count when it is known.
 */
public final class VampSimpleHostOutput {
    private static final Pattern LINE = Pattern.compile("^\\s*(-?\\d+\\.\\d+)(?:,\\s*(-?\\d+\\.\\d+))?:(.*)$");

    private VampSimpleHostOutput() {
    }

    /**
     * @param stdout   the host's whole stdout
     * @param binCount values per feature when known (the rest of the line is the label), or -1 to read
     *                 values for as long as tokens are numbers
     * @throws IllegalArgumentException naming the line when a line is not a feature (plugins must never
     *                                  print to stdout) or has fewer than {@code binCount} values
     */
    public static List<VampFeature> parse(String stdout, int binCount) {
        List<VampFeature> features = new ArrayList<>();
        int lineNo = 0;
        for (String line : stdout.split("\n", -1)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("vamp-simple-host stdout line " + lineNo + " is not a feature: \"" + line + "\"");
            }
            double seconds = Double.parseDouble(m.group(1));
            double duration = m.group(2) == null ? Double.NaN : Double.parseDouble(m.group(2));
            String[] tokens = m.group(3).trim().isEmpty() ? new String[0] : m.group(3).trim().split(" ");
            List<Float> values = new ArrayList<>();
            int t = 0;
            while (t < tokens.length && (binCount < 0 || values.size() < binCount)) {
                Float v = number(tokens[t]);
                if (v == null) {
                    break;
                }
                values.add(v);
                t++;
            }
            if (binCount >= 0 && values.size() < binCount) {
                throw new IllegalArgumentException("vamp-simple-host stdout line " + lineNo + ": expected " + binCount
                        + " values, read " + values.size() + ": \"" + line + "\"");
            }
            float[] array = new float[values.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = values.get(i);
            }
            String label = String.join(" ", java.util.Arrays.copyOfRange(tokens, t, tokens.length));
            features.add(new VampFeature(seconds, duration, array, label));
        }
        return features;
    }

    /** A value as C++ iostreams print it, or null when the token is not a number. */
    static Float number(String token) {
        switch (token) {
            case "nan", "-nan", "NaN" -> {
                return Float.NaN;
            }
            case "inf", "Inf" -> {
                return Float.POSITIVE_INFINITY;
            }
            case "-inf", "-Inf" -> {
                return Float.NEGATIVE_INFINITY;
            }
            default -> {
                // parseFloat would also accept "Infinity", hex and a trailing 'f': insist on a C-style number.
                if (!token.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                    return null;
                }
                return Float.parseFloat(token);
            }
        }
    }
}
