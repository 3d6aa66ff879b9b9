package org.genrevamp.trainer.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.GenreModel;

/**
 * One task: annotates its slice of files with a model borrowed from this executor's {@link ModelPool}.
 * A file that cannot be annotated becomes a row with its reason; only a model that cannot be loaded
 * fails the task (every file would fail the same way).
 */
final class AnnotateSlice implements FlatMapFunction<Iterator<String>, Row> {

    private final BatchSettings settings;
    private final LongAccumulator done;
    private final LongAccumulator failed;

    /**
     * @param done   counts files as they finish (the driver's progress bar reads it)
     * @param failed counts files that could not be annotated
     */
    AnnotateSlice(BatchSettings settings, LongAccumulator done, LongAccumulator failed) {
        this.settings = settings;
        this.done = done;
        this.failed = failed;
    }

    /** Writes the lab and JAMS files of an annotated track when asked to; a failure to write becomes the row's error. */
    private TrackResult withSidecars(TrackResult r) {
        r = withSidecar(r, settings.labRoot(), Sidecars.Format.LAB);
        return withSidecar(r, settings.jamsRoot(), Sidecars.Format.JAMS);
    }

    private TrackResult withSidecar(TrackResult r, String root, Sidecars.Format format) {
        if (root == null || r.error() != null) {
            return r;
        }
        try {
            Sidecars.write(Path.of(root), r, format);
            return r;
        } catch (IOException | RuntimeException e) {
            return TrackResult.failed(r.path(), settings.model(), r.path() + ": cannot write its " + format.extension
                    + " under " + root + ": " + e.getMessage()).took(r.seconds());
        }
    }

    @Override
    public Iterator<Row> call(Iterator<String> paths) throws BundleException {
        if (!paths.hasNext()) {
            return List.<Row>of().iterator();
        }
        GenreModel model = ModelPool.borrow(settings.model());
        try {
            FileAnnotator annotator = new FileAnnotator(model, settings.model(), settings.annotation(), settings.tags());
            List<Row> rows = new ArrayList<>();
            while (paths.hasNext()) {
                TrackResult result = withSidecars(annotator.annotate(paths.next()));
                rows.add(TrackRows.row(result));
                done.add(1);
                if (result.error() != null) {
                    failed.add(1);
                }
            }
            return rows.iterator();
        } finally {
            ModelPool.giveBack(settings.model(), model);
        }
    }
}
