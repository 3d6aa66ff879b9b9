package org.genrevamp.trainer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.vamp.Feature;
import org.genrevamp.vamp.GenrePlugin;
import org.genrevamp.vamp.OutputDescriptor;
import org.genrevamp.vamp.ParameterDescriptor;
import org.genrevamp.vamp.PluginRun;

/**
 * The plugin's own {@code segments} and {@code track} for decoded audio: {@link GenrePlugin} run
 * in-process as a host runs it (blocks of its preferred size), with its {@code model} parameter set
 * to the bundled model of the given name.
 */
final class PluginReference {

    /** Agreement asked of the batch job and the plugin: the 1e-6 (seconds and probabilities). */
    static final double TOLERANCE = 1e-6;

    /** One feature as a host sees it. */
    record Region(double start, double end, int value, String label) {
    }

    /** The plugin's segments and its single track feature. */
    record Outputs(List<Region> segments, Region track) {
    }

    private PluginReference() {
    }

    static Outputs run(DecodedAudio audio, String bundledModel) {
        GenrePlugin plugin = new GenrePlugin(audio.sampleRate());
        ParameterDescriptor model = plugin.getParameterDescriptors().stream()
                .filter(p -> p.identifier().equals("model")).findFirst().orElseThrow();
        int index = model.valueNames().indexOf(bundledModel);
        assertEquals(true, index >= 0, "plugin offers model " + bundledModel + ": " + model.valueNames());
        plugin.setParameter("model", index);
        List<OutputDescriptor> outputs = plugin.getOutputDescriptors();
        int block = plugin.getPreferredBlockSize();
        Map<Integer, List<Feature>> features = PluginRun.run(plugin, audio.channels(), block, block);
        List<Region> segments = regions(features.get(outputNumber(outputs, "segments")));
        List<Region> track = regions(features.get(outputNumber(outputs, "track")));
        assertEquals(1, track.size(), "one track feature");
        return new Outputs(segments, track.get(0));
    }

    /** Asserts that a batch row says what the plugin says, within {@link #TOLERANCE}. */
    static void assertSame(Outputs plugin, TrackResultView batch) {
        assertEquals(plugin.segments().size(), batch.segments().size(), () -> batch.path() + ": segment count");
        for (int i = 0; i < plugin.segments().size(); i++) {
            Region p = plugin.segments().get(i);
            Region b = batch.segments().get(i);
            String where = batch.path() + " segment " + i;
            assertEquals(p.start(), b.start(), TOLERANCE, where + " start");
            assertEquals(p.end(), b.end(), TOLERANCE, where + " end");
            assertEquals(p.value(), b.value(), where + " genre index");
            assertEquals(p.label(), b.label(), where + " genre");
        }
        assertEquals(plugin.track().end(), batch.duration(), TOLERANCE, batch.path() + ": duration");
        assertEquals(plugin.track().value(), batch.track().value(), batch.path() + ": track genre index");
        assertEquals(plugin.track().label(), batch.track().label(), batch.path() + ": track label");
    }

    /** The parts of a batch row compared with the plugin. */
    record TrackResultView(String path, double duration, List<Region> segments, Region track) {
    }

    private static int outputNumber(List<OutputDescriptor> outputs, String id) {
        for (int i = 0; i < outputs.size(); i++) {
            if (outputs.get(i).identifier().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no output " + id);
    }

    private static List<Region> regions(List<Feature> features) {
        return features == null ? List.of() : features.stream().map(f -> new Region(f.timestamp().toSeconds(),
                f.timestamp().toSeconds() + f.duration().toSeconds(), Math.round(f.values()[0]), f.label())).toList();
    }
}
