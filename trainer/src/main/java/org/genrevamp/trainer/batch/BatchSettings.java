package org.genrevamp.trainer.batch;

import java.io.Serializable;
import java.nio.file.Path;
import org.genrevamp.annotate.AnnotationSettings;
import org.genrevamp.annotate.SegmenterParams;

/**
 * What each executor needs to annotate a file, shipped with every task (the engine's settings are not
 * serialisable themselves).
 *
 * @param model         the model and its version
 * @param hopSeconds    the plugin's {@code hop}
 * @param windowSeconds the plugin's {@code window}
 * @param smoothing     the plugin's {@code smoothing}
 * @param minSegment    the plugin's {@code minsegment}
 * @param unknown       the plugin's {@code unknown}
 * @param tags          whether rows carry every label's score
 * @param labRoot       where to write {@code .lab} files ({@link Sidecars}), or null for none
 * @param jamsRoot      where to write {@code .jams} files ({@link Sidecars}), or null for none
 */
public record BatchSettings(ModelRef model, double hopSeconds, double windowSeconds, double smoothing,
        double minSegment, double unknown, boolean tags, String labRoot, String jamsRoot) implements Serializable {

    /** The plugin's defaults for {@code model}. */
    public static BatchSettings defaults(ModelRef model, boolean tags) {
        AnnotationSettings d = AnnotationSettings.defaults();
        return new BatchSettings(model, d.hopSeconds(), d.windowSeconds(), d.segmenter().smoothing(),
                d.segmenter().minSegmentSeconds(), d.segmenter().unknownThreshold(), tags, null, null);
    }

    /** These settings writing {@code .lab} files under {@code root}. */
    public BatchSettings withLabs(Path root) {
        return new BatchSettings(model, hopSeconds, windowSeconds, smoothing, minSegment, unknown, tags,
                root.toAbsolutePath().toString(), jamsRoot);
    }

    /** These settings writing {@code .jams} files under {@code root}. */
    public BatchSettings withJams(Path root) {
        return new BatchSettings(model, hopSeconds, windowSeconds, smoothing, minSegment, unknown, tags, labRoot,
                root.toAbsolutePath().toString());
    }

    public AnnotationSettings annotation() {
        return new AnnotationSettings(hopSeconds, windowSeconds, new SegmenterParams(smoothing, minSegment, unknown));
    }
}
