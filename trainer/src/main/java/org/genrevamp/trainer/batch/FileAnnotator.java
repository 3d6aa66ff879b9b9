package org.genrevamp.trainer.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.genrevamp.annotate.AnnotationSettings;
import org.genrevamp.annotate.GenreAnnotator;
import org.genrevamp.annotate.GenreRegion;
import org.genrevamp.annotate.GenreSegmenter;
import org.genrevamp.annotate.HostBlocks;
import org.genrevamp.annotate.InputEnd;
import org.genrevamp.annotate.TagTrack;
import org.genrevamp.annotate.TaggerFeed;
import org.genrevamp.annotate.TrackAnnotation;
import org.genrevamp.annotate.TrackSummary;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.audio.AudioReadException;
import org.genrevamp.audio.DecodedAudio;
import org.genrevamp.dsp.FrameSink;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.model.transfer.BackboneStream;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.transfer.TagSource;
import org.genrevamp.model.transfer.TransferModel;

/**
 * Annotates whole files with the plugin's engine, fed exactly as a Vamp host feeds the plugin: blocks
 * of {@link InputEnd#HOST_BLOCK} samples (the plugin's preferred block and step; {@link HostBlocks}), the
 * last one zero-padded, each mixed to mono, pushed through {@link MelStream} into {@link GenreAnnotator}; the
 * input ends where {@link InputEnd} says. So {@code segments} and {@code track} match what
 * vamp-simple-host prints for the same decoded audio. With tags, the {@link #TAGGER}'s windows are
 * collected as the plugin's {@code tracktags} output collects them ({@link TagTrack}): from the genre
 * model's own stream when it runs that network, else from the tagger run beside it.
 */
final class FileAnnotator {

    static final int TOP_GENRES = 3;
    /** Whose tags {@code --tags} writes: the plugin's default tagger. */
    static final TagSource TAGGER = TagSource.MSD;

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
            TagTrack tagTrack = tags ? new TagTrack(TagTrack.plan(audio.sampleRate(), settings.hopSeconds()),
                    tagNames().size()) : null;
            TrackAnnotation result = annotate(audio, tagTrack);
            if (result == null) {
                return TrackResult.failed(path, ref, path + ": no audio frames to annotate");
            }
            return row(path, result, tagTrack);
        } catch (RuntimeException e) {
            return TrackResult.failed(path, ref, path + ": " + oneLine(e));
        }
    }

    /** The engine's result for decoded audio, or null when it holds no analysable audio. */
    TrackAnnotation annotate(DecodedAudio audio) {
        return annotate(audio, null);
    }

    /** As {@link #annotate(DecodedAudio)}, also filling {@code tagTrack} (null: no tags). */
    private TrackAnnotation annotate(DecodedAudio audio, TagTrack tagTrack) {
        MelStream stream = new MelStream(model.melConfig(), audio.sampleRate());
        BackboneStream.Sink tap = tagTrack == null ? null : TransferModel.tap(model, TAGGER.backboneName(), tagTrack::add);
        TaggerFeed tagger = tagTrack == null || tap != null ? null
                : new TaggerFeed(taggerNetwork(), tagTrack.plan().hopFrames(), tagTrack::add, model.melConfig(), audio.sampleRate());
        GenreAnnotator annotator = new GenreAnnotator(model, settings, audio.sampleRate(), tap, (start, probabilities) -> { });
        FrameSink frames = tagger == null ? annotator::frame
                : (index, melDb) -> {
                    annotator.frame(index, melDb);
                    tagger.modelFrame(melDb);
                };
        InputEnd end = HostBlocks.feed(audio.channels(), mono -> {
            stream.push(mono, 0, mono.length, frames);
            if (tagger != null) {
                tagger.samples(mono, 0, mono.length);
            }
        });
        stream.finish(frames);
        if (tagger != null) {
            tagger.finish();
        }
        return annotator.finish(end.seconds(audio.sampleRate()));
    }

    /** The tagger network, for a genre model that does not run it itself. */
    private static Backbones taggerNetwork() {
        try {
            return TAGGER.load();
        } catch (BundleException e) {
            throw new IllegalStateException("cannot load tagger '" + TAGGER.id() + "': " + e.getMessage(), e);
        }
    }

    private static List<String> tagNames() {
        try {
            return TAGGER.tagNames();
        } catch (BundleException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private TrackResult row(String path, TrackAnnotation a, TagTrack tagTrack) {
        List<String> labels = model.labels();
        List<TrackResult.Score> ranked = ranked(labels, a.summary().meanProbabilities());
        List<TrackResult.Segment> segments = new ArrayList<>();
        for (GenreRegion r : a.regions()) {
            segments.add(new TrackResult.Segment(r.startSeconds(), r.endSeconds(), r.genreIndex(), r.label(),
                    r.meanProbability()));
        }
        int index = a.trackIndex();
        return new TrackResult(path, a.durationSeconds(), index < 0 ? GenreSegmenter.UNKNOWN_LABEL : labels.get(index), index,
                a.trackLabel(), List.copyOf(ranked.subList(0, Math.min(TOP_GENRES, ranked.size()))), segments,
                tagTrack == null ? null : tagScores(tagTrack, a.durationSeconds()), ref.nameOrFile(), ref.version(), null, 0);
    }

    /** Every tag with its whole-file mean, most probable first; empty when no tagger window came. */
    private static List<TrackResult.Score> tagScores(TagTrack tagTrack, double durationSeconds) {
        List<String> names = tagNames();
        TrackSummary summary = tagTrack.summary(durationSeconds, names, 1);
        return summary == null ? List.of() : List.copyOf(ranked(names, summary.meanProbabilities()));
    }

    /** Each name with its mean, most probable first. */
    private static List<TrackResult.Score> ranked(List<String> names, double[] mean) {
        List<TrackResult.Score> scores = new ArrayList<>();
        for (int i = 0; i < mean.length; i++) {
            scores.add(new TrackResult.Score(names.get(i), mean[i]));
        }
        scores.sort(Comparator.comparingDouble(TrackResult.Score::score).reversed());
        return scores;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.replace('\n', ' ');
    }
}
