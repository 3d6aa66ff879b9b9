package org.genrevamp.trainer.batch;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.trainer.transfer.FileFeatures;

/**
 * One {@code prepare} task: computes its slice of files' missing cache rows ({@link FileFeatures})
 * with backbones borrowed from this executor's pool. An unreadable file becomes a result with its
 * reason; only networks that cannot be loaded fail the task.
 */
final class PrepareSlice implements FlatMapFunction<Iterator<FileFeatures.Task>, FileFeatures.Result> {

    private static final JvmPool<BackboneRef, Backbones> POOL = new JvmPool<>();

    private final BackboneRef backbones;

    PrepareSlice(BackboneRef backbones) {
        this.backbones = backbones;
    }

    @Override
    public Iterator<FileFeatures.Result> call(Iterator<FileFeatures.Task> tasks) throws Exception {
        if (!tasks.hasNext()) {
            return List.<FileFeatures.Result>of().iterator();
        }
        Backbones loaded = POOL.borrow(backbones, BackboneRef::load);
        try {
            List<FileFeatures.Result> results = new ArrayList<>();
            while (tasks.hasNext()) {
                results.add(FileFeatures.compute(tasks.next(), loaded));
            }
            return results.iterator();
        } finally {
            POOL.giveBack(backbones, loaded);
        }
    }

    /** Backbone loads in this JVM so far. */
    static int loads() {
        return POOL.loads();
    }
}
