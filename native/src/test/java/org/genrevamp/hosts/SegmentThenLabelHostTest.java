package org.genrevamp.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Segment, then label, through vamp-simple-host with the bundled default model on two-song files built
 * from the shared songs the default names right as whole songs (classical, jazz, reggae; 44.1 kHz
 * stereo): a hard cut and a 6 s equal-power crossfade are found within {@value #CHANGE_TOLERANCE_S} s
 * with both songs' genres named; a 15 s section (shorter than the 29 s network window) between two
 * songs is named from its own audio; 4 s of digital silence between two songs neither fails the host
 * nor leaves an empty region. Skipped without the shared data, the host or a trained default.
 */
class SegmentThenLabelHostTest {

    /** The bound for a change through a host. */
    static final double CHANGE_TOLERANCE_S = 2.0;
    static final float RATE = 44100f;

    @Test
    void aHardCutIsFoundAndBothSongsNamed() throws Exception {
        List<Part> parts = List.of(new Part("reggae", 10, 40), new Part("classical", 5, 40));
        List<VampFeature> regions = regions("cut", parts, 0);
        assertChange(regions, 40, "reggae", "classical");
    }

    @Test
    void aCrossfadeIsFoundAndBothSongsNamed() throws Exception {
        List<Part> parts = List.of(new Part("jazz", 10, 40), new Part("reggae", 20, 40));
        // the change lies at the middle of the 6 s crossfade: 40 - 3 s
        List<VampFeature> regions = regions("crossfade", parts, 6);
        assertChange(regions, 37, "jazz", "reggae");
    }

    @Test
    void aSectionShorterThanANetworkWindowIsNamedFromItsOwnAudio() throws Exception {
        List<Part> parts = List.of(new Part("classical", 5, 35), new Part("reggae", 30, 15), new Part("jazz", 10, 35));
        List<VampFeature> regions = regions("short-section", parts, 0);
        double inside = 0;
        for (VampFeature r : regions) {
            double overlap = Math.min(50, r.seconds() + r.duration()) - Math.max(35, r.seconds());
            if (overlap > 0 && r.label().equals("reggae")) {
                inside += overlap;
            }
        }
        assertTrue(inside >= 15 - 2 * CHANGE_TOLERANCE_S, "reggae named over the 15 s section, 35-50 s: " + describe(regions));
    }

    @Test
    void silenceBetweenSongsLeavesNoEmptyRegion() throws Exception {
        List<Part> parts = List.of(new Part("reggae", 10, 30), new Part(null, 0, 4), new Part("jazz", 10, 30));
        List<VampFeature> regions = regions("silence", parts, 0);
        for (VampFeature r : regions) {
            assertTrue(r.duration() > 0.5, "no empty or sliver region: " + describe(regions));
        }
        assertTrue(regions.stream().anyMatch(r -> r.label().equals("reggae")), describe(regions));
        assertTrue(regions.stream().anyMatch(r -> r.label().equals("jazz")), describe(regions));
    }

    /** A section of a shared song ({@code genre} null: digital silence), {@code seconds} long from {@code offset}. */
    record Part(String genre, double offset, double seconds) {
    }

    /** Writes the parts (each joined to the previous with a crossfade of {@code fadeSeconds}) and runs the host. */
    private static List<VampFeature> regions(String name, List<Part> parts, double fadeSeconds) throws Exception {
        VampSimpleHost.assumeAvailable();
        assumeTrue(HostModel.trained(), "no trained default model bundled");
        float[][] mix = new float[2][0];
        double end = 0;
        for (Part p : parts) {
            float[][] section = p.genre() == null ? new float[2][(int) (p.seconds() * RATE)] : section(p);
            int overlap = mix[0].length == 0 ? 0 : (int) Math.round(fadeSeconds * RATE);
            int start = mix[0].length - overlap;
            for (int c = 0; c < 2; c++) {
                float[] joined = java.util.Arrays.copyOf(mix[c], start + section[c].length);
                for (int i = 0; i < section[c].length; i++) {
                    double phase = overlap == 0 ? Math.PI / 2 : Math.PI / 2 * Math.min(1, (i + 0.5) / overlap);
                    joined[start + i] = (float) ((i < overlap ? mix[c][start + i] * Math.cos(phase) : 0)
                            + section[c][i] * Math.sin(phase));
                }
                mix[c] = joined;
            }
            end = mix[0].length / (double) RATE;
        }
        Path dir = HostArtifacts.dir("segment-then-label-" + name);
        Path wav = dir.resolve(name + ".wav");
        writeWav(mix, wav);
        VampSimpleHost.Result run = new VampSimpleHost(dir, GenreVampBuild.requireVampDir().toString())
                .run(wav, GenreSegmentsHostTest.SEGMENTS, 1, GenreSegmentsHostTest.HOST_TIMEOUT);
        assertEquals(0, run.process().exitCode(), run::diagnosis);
        List<VampFeature> regions = run.features();
        double last = GenreSegmentsHostTest.assertContiguousFromZero(regions, HostModel.labels());
        assertEquals(end, last, 0.1, "regions cover the file");
        String figures = String.format(Locale.ROOT, "SegmentThenLabelHostTest %s: %s%n", name, describe(regions));
        System.err.print(figures);
        Files.writeString(dir.resolve("figures.txt"), figures);
        return regions;
    }

    private static void assertChange(List<VampFeature> regions, double at, String before, String after) {
        String what = describe(regions);
        assertTrue(regions.stream().anyMatch(r -> r.seconds() > 0 && Math.abs(r.seconds() - at) <= CHANGE_TOLERANCE_S),
                "a change within " + CHANGE_TOLERANCE_S + " s of " + at + " s: " + what);
        assertEquals(before, labelAt(regions, at - 10), what);
        assertEquals(after, labelAt(regions, at + 10), what);
    }

    private static String labelAt(List<VampFeature> regions, double t) {
        return regions.stream().filter(r -> r.seconds() <= t && t < r.seconds() + r.duration()).map(VampFeature::label)
                .findFirst().orElse(null);
    }

    private static String describe(List<VampFeature> regions) {
        List<String> out = new ArrayList<>();
        for (VampFeature r : regions) {
            out.add(String.format(Locale.ROOT, "%.2f-%.2f %s", r.seconds(), r.seconds() + r.duration(), r.label()));
        }
        return String.join(", ", out);
    }

    private static float[][] section(Part p) throws Exception {
        DecodedAudio audio = AudioFiles.read(SharedData.require("songs/" + p.genre() + ".mp3"));
        assumeTrue(audio.sampleRate() == RATE, p.genre() + " is not at 44.1 kHz");
        float[][] in = audio.channels();
        int from = (int) (p.offset() * RATE);
        int length = (int) (p.seconds() * RATE);
        float[][] out = new float[2][];
        for (int c = 0; c < 2; c++) {
            out[c] = java.util.Arrays.copyOfRange(in[Math.min(c, in.length - 1)], from, from + length);
        }
        return out;
    }

    private static void writeWav(float[][] channels, Path file) throws Exception {
        int frames = channels[0].length;
        ByteBuffer pcm = ByteBuffer.allocate(frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : channels) {
                pcm.putShort((short) Math.round(Math.max(-1, Math.min(1, channel[i])) * 32767));
            }
        }
        AudioFormat format = new AudioFormat(RATE, 16, 2, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
