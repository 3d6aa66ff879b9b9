package org.genrevamp.vamp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Feeds a plugin as a host does (blocks of {@code block}, advancing by {@code step}, zero-padded tail). */
public final class PluginRun {

    private PluginRun() {
    }

    /**
     * initialise + process + getRemainingFeatures over {@code channels} (each the same length).
     *
     * @return every output's features, by output number, in the order returned
     */
    public static Map<Integer, List<Feature>> run(Plugin p, float[][] channels, int step, int block) {
        assertTrue(p.initialise(channels.length, step, block), "initialise");
        return process(p, channels, step, block);
    }

    /** process + getRemainingFeatures on an initialised (or reset) plugin. */
    public static Map<Integer, List<Feature>> process(Plugin p, float[][] channels, int step, int block) {
        Map<Integer, List<Feature>> out = new TreeMap<>();
        int total = channels[0].length;
        float[][] buffers = new float[channels.length][block];
        for (int start = 0; start < total; start += step) {
            for (int c = 0; c < channels.length; c++) {
                java.util.Arrays.fill(buffers[c], 0f);
                System.arraycopy(channels[c], start, buffers[c], 0, Math.min(block, total - start));
            }
            collect(out, p.process(buffers, RealTime.fromFrame(start, p.inputSampleRate)));
        }
        collect(out, p.getRemainingFeatures());
        return out;
    }

    private static void collect(Map<Integer, List<Feature>> out, FeatureSet set) {
        for (int o : set.outputs()) {
            out.computeIfAbsent(o, k -> new ArrayList<>()).addAll(set.get(o));
        }
    }
}
