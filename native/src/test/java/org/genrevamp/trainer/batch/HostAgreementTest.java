package org.genrevamp.trainer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.model.GenreModels;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch engine against the real plugin in a real host: the first {@value #SECONDS} s of a shared
 * song, written as 16-bit WAV (which libsndfile and Java Sound both read as sample / 32768), annotated
 * by {@link FileAnnotator} and by {@code vamp-simple-host} loading the built plugin from
 * {@code target/vamp}. It lives in the native module, in the batch package (whose helpers come from the
 * trainer's test jar), because the native module assembles {@code target/vamp} before its tests run. {@code segments} and {@code track} must agree within {@link PluginReference#TOLERANCE}
 * (the host prints nine decimals); the batch's {@code --tags} must name the {@code tracktags} output's top
 * five tags in its order, with its two-decimal scores.
 */
class HostAgreementTest {

    static final int SECONDS = 40;
    /** {@code " start, duration: value label"} as vamp-simple-host prints a feature with a duration. */
    private static final Pattern FEATURE = Pattern.compile("^\\s*([0-9.]+), ([0-9.]+): (-?[0-9.]+) (.*)$");

    @TempDir
    Path dir;

    @Test
    void segmentsAndTrackMatchVampSimpleHost() throws Exception {
        org.genrevamp.hosts.VampSimpleHost.assumeAvailable();
        Path plugin = org.genrevamp.hosts.GenreVampBuild.requireVampDir();
        Path wav = dir.resolve("classical-40s.wav");
        writePcm16(AudioFiles.read(SharedData.require("songs/classical.mp3")), SECONDS, wav);
        ModelRef ref = ModelRef.of("default");
        TrackResult batch = new FileAnnotator(GenreModels.loadBundled("default"), ref,
                BatchSettings.defaults(ref, true).annotation(), true).annotate(wav.toString());

        List<PluginReference.Region> segments = host(plugin, "segments", wav);
        List<PluginReference.Region> track = host(plugin, "track", wav);

        assertEquals(1, track.size(), "one track feature");
        PluginReference.assertSame(new PluginReference.Outputs(segments, track.get(0)),
                new PluginReference.TrackResultView(batch.path(), batch.duration(),
                        batch.segments().stream().map(s -> new PluginReference.Region(s.start(), s.end(),
                                s.genreIndex(), s.genre())).toList(),
                        new PluginReference.Region(0, batch.duration(), batch.genreIndex(), batch.trackLabel())));

        // --tags: the plugin's tracktags label names its top five tags with two decimals
        List<PluginReference.Region> trackTags = host(plugin, "tracktags", wav);
        assertEquals(1, trackTags.size(), "one tracktags feature");
        String[] named = trackTags.get(0).label().split(" \\| ");
        assertEquals(5, named.length, trackTags.get(0).label());
        for (int i = 0; i < named.length; i++) {
            int space = named[i].lastIndexOf(' ');
            TrackResult.Score score = batch.tags().get(i);
            assertEquals(named[i].substring(0, space), score.name(), "tag " + i + " of " + trackTags.get(0).label());
            assertEquals(Double.parseDouble(named[i].substring(space + 1)), score.score(), 0.005 + PluginReference.TOLERANCE,
                    "tag " + i + " of " + trackTags.get(0).label());
        }
    }

    private List<PluginReference.Region> host(Path plugin, String output, Path wav) throws Exception {
        Path stdout = dir.resolve(output + ".out");
        Path stderr = dir.resolve(output + ".err");
        ProcessBuilder pb = new ProcessBuilder("vamp-simple-host", "genre-vamp:genre:" + output, wav.toString())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("VAMP_PATH", plugin.toString());
        pb.environment().remove("GENRE_VAMP_MODEL");
        pb.environment().remove("GENRE_VAMP_JAVA_OPTS");
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("vamp-simple-host timed out");
        }
        assertEquals(0, p.exitValue(), () -> "vamp-simple-host failed: " + read(stderr));
        List<PluginReference.Region> regions = new ArrayList<>();
        for (String line : Files.readAllLines(stdout)) {
            Matcher m = FEATURE.matcher(line);
            if (m.matches()) {
                double start = Double.parseDouble(m.group(1));
                regions.add(new PluginReference.Region(start, start + Double.parseDouble(m.group(2)),
                        (int) Math.round(Double.parseDouble(m.group(3))), m.group(4)));
            }
        }
        assertEquals(false, regions.isEmpty(), () -> "no features in " + read(stdout) + read(stderr));
        return regions;
    }

    /** The first {@code seconds} of {@code audio} as 16-bit PCM WAV, every channel kept. */
    private static void writePcm16(DecodedAudio audio, int seconds, Path file) throws IOException {
        int frames = Math.min(audio.frames(), Math.round(seconds * audio.sampleRate()));
        int channels = audio.channelCount();
        ByteBuffer pcm = ByteBuffer.allocate(frames * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                pcm.putShort((short) Math.max(-32768, Math.min(32767, Math.round(audio.channels()[c][i] * 32768))));
            }
        }
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
