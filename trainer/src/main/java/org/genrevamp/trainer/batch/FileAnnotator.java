package org.genrevamp.trainer.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.genrevamp.annotate.AnnotationSettings;
import org.genrevamp.annotate.GenreAnnotator;
import org.genrevamp.annotate.GenreRegion;
import org.genrevamp.annotate.GenreSegmenter;
import org.genrevamp.annotate.InputEnd;
import org.genrevamp.annotate.TrackAnnotation;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.AudioReadException;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.dsp.Downmix;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.model.GenreModel;

/**
 * Annotates whole files with the plugin's engine, fed exactly as a Vamp host feeds the plugin: blocks
 * of {@link InputEnd#HOST_BLOCK} samples (the plugin's preferred block and step), the last one
 * zero-padded, each mixed to mono, pushed through {@link MelStream} into {@link GenreAnnotator}; the
 * input ends where {@link InputEnd} says. So {@code segments} and {@code track} match what
 * vamp-simple-host prints for the same decoded audio.
 */
final class FileAnnotator {

    static final int TOP_GENRES = 3;

    private final GenreModel model;
    private final ModelRef ref;
    private final AnnotationSettings settings;
    private final boolean tags;

    FileAnnotator(GenreModel model, ModelRef ref, AnnotationSettings settings, boolean tags) {
        this.model = model;
        this.ref = ref;
        this.settings = settings;
        this.tags = tags;
    }

    /** Annotates {@code path}; never throws for a bad file: the row then carries the reason. */
    TrackResult annotate(String path) {
        long start = System.nanoTime();
        return annotateUntimed(path).took((System.nanoTime() - start) / 1e9);
    }

    private TrackResult annotateUntimed(String path) {
        DecodedAudio audio;
        try {
            audio = AudioFiles.read(Path.of(path));
        } catch (AudioReadException | RuntimeException e) {
            return TrackResult.failed(path, ref, oneLine(e));
        }
        try {
            TrackAnnotation result = annotate(audio);
            if (result == null) {
                return TrackResult.failed(path, ref, path + ": no audio frames to annotate");
            }
            return row(path, result);
        } catch (RuntimeException e) {
            return TrackResult.failed(path, ref, path + ": " + oneLine(e));
        }
    }

    /** The engine's result for decoded audio, or null when it holds no analysable audio. */
    TrackAnnotation annotate(DecodedAudio audio) {
        MelStream stream = new MelStream(model.melConfig(), audio.sampleRate());
        GenreAnnotator annotator = new GenreAnnotator(model, settings, audio.sampleRate(), null, (start, probabilities) -> { });
        InputEnd end = new InputEnd(InputEnd.HOST_BLOCK);
        float[][] channels = audio.channels();
        float[][] block = new float[channels.length][InputEnd.HOST_BLOCK];
        int total = audio.frames();
        for (int start = 0; start < total; start += InputEnd.HOST_BLOCK) {
            for (int c = 0; c < channels.length; c++) {
                Arrays.fill(block[c], 0f);
                System.arraycopy(channels[c], start, block[c], 0, Math.min(InputEnd.HOST_BLOCK, total - start));
            }
            float[] mono = Downmix.mono(block);
            stream.push(mono, 0, InputEnd.HOST_BLOCK, annotator::frame);
            end.block(mono);
        }
        stream.finish(annotator::frame);
        return annotator.finish(end.seconds(audio.sampleRate()));
    }

    private TrackResult row(String path, TrackAnnotation a) {
        List<String> labels = model.labels();
        List<TrackResult.Score> ranked = new ArrayList<>();
        double[] mean = a.summary().meanProbabilities();
        for (int i = 0; i < mean.length; i++) {
            ranked.add(new TrackResult.Score(labels.get(i), mean[i]));
        }
        ranked.sort(Comparator.comparingDouble(TrackResult.Score::score).reversed());
        List<TrackResult.Segment> segments = new ArrayList<>();
        for (GenreRegion r : a.regions()) {
            segments.add(new TrackResult.Segment(r.startSeconds(), r.endSeconds(), r.genreIndex(), r.label(),
                    r.meanProbability()));
        }
        int index = a.trackIndex();
        return new TrackResult(path, a.durationSeconds(), index < 0 ? GenreSegmenter.UNKNOWN_LABEL : labels.get(index), index,
                a.trackLabel(), List.copyOf(ranked.subList(0, Math.min(TOP_GENRES, ranked.size()))), segments,
                tags ? ranked : null, ref.nameOrFile(), ref.version(), null, 0);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
