package org.genrevamp.vamp.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.AudioReadException;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.testing.SegmentScore.Segment;

/**
 * A medley with known genre sections, built in memory from the shared data (nothing is written to the
 * repository): its samples ({@code [channel][frame]}), rate and true sections (a change at each cut, or at
 * the middle of each crossfade).
 */
record Medley(String name, float[][] channels, float sampleRate, List<Segment> truth) {

    static final double MIN_SECTION_S = 15;
    static final double MAX_SECTION_S = 30;
    static final int SECTIONS = 4;

    double seconds() {
        return channels[0].length / (double) sampleRate;
    }

    String genres() {
        return String.join(" ", truth.stream().map(Segment::label).toList());
    }

    /**
     * GTZAN medleys from held-out tracks only: each section is consecutive {@code short/} excerpts
     * (2-3 s) of different tracks of one genre listed in the split's {@code test.txt}, 15-30 s in all
     * (a seeded target length); each medley has {@value #SECTIONS} sections of different genres, chosen
     * (seeded) among the genres with at least 15 s of such excerpts. 22.05 kHz mono.
     */
    static List<Medley> gtzanTest(Path data, int count, long seed) throws IOException, AudioReadException {
        Path split = data.resolve("pretrained/gtzan-fault-filtered/test.txt");
        Map<String, List<float[]>> excerpts = new LinkedHashMap<>();   // genre -> its test tracks' excerpts
        float rate = 0;
        for (String line : Files.readAllLines(split)) {
            String entry = line.trim();
            if (entry.isEmpty()) {
                continue;
            }
            String genre = entry.substring(0, entry.indexOf('/'));
            Path file = data.resolve("gtzan-excerpts/short").resolve(entry);
            if (!Files.isRegularFile(file)) {
                continue;   // only tracks 1-39 have short excerpts
            }
            DecodedAudio audio = AudioFiles.read(file);
            if (audio.channels().length != 1 || (rate != 0 && audio.sampleRate() != rate)) {
                throw new IOException(file + ": expected GTZAN's mono " + rate + " Hz");
            }
            rate = audio.sampleRate();
            excerpts.computeIfAbsent(genre, g -> new ArrayList<>()).add(audio.channels()[0]);
        }
        float r = rate;
        List<String> eligible = excerpts.keySet().stream().sorted()
                .filter(g -> excerpts.get(g).stream().mapToDouble(x -> x.length / (double) r).sum() >= MIN_SECTION_S)
                .toList();
        if (eligible.size() < SECTIONS) {
            throw new IOException("only " + eligible + " have " + MIN_SECTION_S + " s of test-track excerpts");
        }
        Random random = new Random(seed);
        List<Medley> medleys = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            List<String> genres = new ArrayList<>(eligible);
            Collections.shuffle(genres, random);
            List<float[]> parts = new ArrayList<>();
            List<Segment> truth = new ArrayList<>();
            long frames = 0;
            for (String genre : genres.subList(0, SECTIONS)) {
                double target = MIN_SECTION_S + random.nextDouble() * (MAX_SECTION_S - MIN_SECTION_S);
                List<float[]> tracks = new ArrayList<>(excerpts.get(genre));
                Collections.shuffle(tracks, random);
                long start = frames;
                for (float[] x : tracks) {
                    if ((frames - start) / (double) rate >= target) {
                        break;
                    }
                    if ((frames - start + x.length) / (double) rate > MAX_SECTION_S) {
                        continue;
                    }
                    parts.add(x);
                    frames += x.length;
                }
                truth.add(new Segment(start / (double) rate, frames / (double) rate, genre));
            }
            medleys.add(new Medley(String.format(Locale.ROOT, "gtzan-test-%d", m + 1),
                    new float[][] {concat(parts, frames)}, rate, truth));
        }
        return medleys;
    }

    /** A recording of known label to cut sections from: {@code [channel][frame]} at the pool's rate. */
    record Source(String label, float[][] channels) {
    }

    /**
     * Mixes of whole recordings with known labels: each of {@code count} mixes takes {@code sections}
     * sources of different labels (seeded), a section of {@code minSeconds}-{@code maxSeconds} of each
     * (at most the source's length) from a seeded offset, and joins neighbours with an equal-power
     * crossfade of {@code minFadeSeconds}-{@code maxFadeSeconds} (0 = hard cut); a true change lies at
     * the middle of its crossfade.
     */
    static List<Medley> mixes(String name, List<Source> pool, float rate, int count, int sections, double minSeconds,
                              double maxSeconds, double minFadeSeconds, double maxFadeSeconds, long seed) throws IOException {
        List<String> distinct = pool.stream().map(Source::label).distinct().sorted().toList();
        if (distinct.size() < sections) {
            throw new IOException(name + ": only " + distinct + " labels for " + sections + " sections");
        }
        Random random = new Random(seed);
        List<Medley> medleys = new ArrayList<>();
        for (int m = 0; m < count; m++) {
            List<String> labels = new ArrayList<>(distinct);
            Collections.shuffle(labels, random);
            int channels = pool.get(0).channels().length;
            float[][] out = new float[channels][0];
            List<Segment> truth = new ArrayList<>();
            double previousStart = 0;
            for (int k = 0; k < sections; k++) {
                String label = labels.get(k);
                List<Source> of = pool.stream().filter(x -> x.label().equals(label)).toList();
                float[][] song = of.get(random.nextInt(of.size())).channels();
                double seconds = minSeconds + random.nextDouble() * (maxSeconds - minSeconds);
                int length = (int) Math.min(song[0].length, Math.round(seconds * rate));
                int offset = random.nextInt(song[0].length - length + 1);
                double fade = k == 0 || maxFadeSeconds <= 0 ? 0
                        : minFadeSeconds + random.nextDouble() * (maxFadeSeconds - minFadeSeconds);
                int overlap = (int) Math.min(Math.round(fade * rate), Math.min(length, out[0].length) / 2);
                int start = out[0].length - overlap;
                for (int c = 0; c < channels; c++) {
                    float[] joined = java.util.Arrays.copyOf(out[c], start + length);
                    for (int i = 0; i < length; i++) {
                        float x = song[c][offset + i];
                        if (i < overlap) {   // equal power: cos/sin gains, their squares sum to 1
                            double phase = Math.PI / 2 * (i + 0.5) / overlap;
                            joined[start + i] = (float) (out[c][start + i] * Math.cos(phase) + x * Math.sin(phase));
                        } else {
                            joined[start + i] = x;
                        }
                    }
                    out[c] = joined;
                }
                double change = (start + overlap / 2.0) / rate;
                if (k > 0) {
                    truth.set(k - 1, new Segment(previousStart, change, truth.get(k - 1).label()));
                }
                truth.add(new Segment(k == 0 ? 0 : change, (start + length) / (double) rate, label));
                previousStart = k == 0 ? 0 : change;
            }
            medleys.add(new Medley(String.format(Locale.ROOT, "%s-%d", name, m + 1), out, rate, truth));
        }
        return medleys;
    }

    /**
     * Stereo recordings at {@code rate}, labelled by {@code label}: each file converted with sox to a WAV
     * at the rate in {@code tmp} (kept: a second run reads it).
     */
    static List<Source> sources(List<Path> files, java.util.function.Function<Path, String> label, float rate, Path tmp)
            throws IOException, AudioReadException {
        List<Source> out = new ArrayList<>();
        for (Path file : files) {
            // decoded once into a WAV at the rate, kept in tmp for the next run
            Path wav = tmp.resolve(Math.round(rate) + "-" + file.getParent().getFileName() + "-" + file.getFileName() + ".wav");
            if (!Files.isRegularFile(wav) && !convert(file, wav, rate)) {
                throw new IOException(file + ": sox could not convert it to " + rate + " Hz");
            }
            out.add(new Source(label.apply(file), stereo(AudioFiles.read(wav).channels())));
        }
        return out;
    }

    private static float[] concat(List<float[]> parts, long frames) {
        float[] out = new float[Math.toIntExact(frames)];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static float[][] stereo(float[][] channels) {
        return channels.length >= 2 ? new float[][] {channels[0], channels[1]} : new float[][] {channels[0], channels[0]};
    }

    /** sox {@code in} to stereo 16-bit WAV {@code out} at {@code rate}; false when sox is missing or fails. */
    private static boolean convert(Path in, Path out, float rate) {
        try {
            Process sox = new ProcessBuilder("sox", in.toString(), "-r", Integer.toString(Math.round(rate)), "-c", "2", "-b",
                    "16", out.toString())
                    .redirectErrorStream(true).start();
            sox.getInputStream().readAllBytes();
            return sox.waitFor() == 0 && Files.isRegularFile(out);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
