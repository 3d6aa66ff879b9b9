package org.genrevamp.vamp.bench;

import org.genrevamp.annotate.AnnotationSettings;
import org.genrevamp.annotate.GenreAnnotator;
import org.genrevamp.annotate.HostBlocks;
import org.genrevamp.annotate.InputEnd;
import org.genrevamp.annotate.TrackAnnotation;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.model.bundle.GenreModel;

/**
 * The genre engine over one signal as the plugin feeds it ({@link HostBlocks}, through {@link MelStream}
 * into {@link GenreAnnotator}, like the trainer's {@code FileAnnotator}), kept after {@code finish} so that other segmenter settings can be scored
 * without running the networks again ({@link GenreAnnotator#again}).
 *
 * @param streamSeconds wall time of the streaming pass (frames in, window estimates out)
 * @param finishSeconds wall time of {@code finish}: the end of the stream, then segmenting and labelling
 */
record EngineRun(GenreAnnotator annotator, TrackAnnotation result, double streamSeconds, double finishSeconds) {

    static EngineRun of(GenreModel model, AnnotationSettings settings, float[][] channels, float rate) {
        GenreAnnotator annotator = new GenreAnnotator(model, settings, rate, null, (start, p) -> { });
        MelStream stream = new MelStream(model.melConfig(), rate);
        long t0 = System.nanoTime();
        InputEnd end = HostBlocks.feed(channels, mono -> stream.push(mono, 0, mono.length, annotator::frame));
        stream.finish(annotator::frame);
        long t1 = System.nanoTime();
        TrackAnnotation result = annotator.finish(end.seconds(rate));
        long t2 = System.nanoTime();
        return new EngineRun(annotator, result, (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
}
