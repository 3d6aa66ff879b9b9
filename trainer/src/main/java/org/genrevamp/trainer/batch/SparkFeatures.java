package org.genrevamp.trainer.batch;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.genrevamp.trainer.transfer.FileFeatures;

/**
 * {@code prepare --master}: the files' missing cache rows computed on Spark. The files go out in
 * chunks of a few tasks per core, slices of {@code filesPerTask} files per task ({@link PrepareSlice});
 * each chunk's results come back to the driver, which appends them to the caches before the next chunk
 * is asked for, so an interruption loses at most one chunk and a rerun resumes. (Not
 * {@code toLocalIterator}: it computes one partition at a time, leaving every other core idle.)
 */
public final class SparkFeatures implements FileFeatures.Source {

    /** Tasks per core in one chunk: keeps the cores busy while a chunk's last tasks finish. */
    static final int TASKS_PER_CORE = 4;

    private final JavaSparkContext context;
    private final BackboneRef backbones;
    private final int filesPerTask;

    public SparkFeatures(SparkSession spark, BackboneRef backbones, int filesPerTask) {
        if (filesPerTask < 1) {
            throw new IllegalArgumentException("files per task must be >= 1");
        }
        this.context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.backbones = backbones;
        this.filesPerTask = filesPerTask;
    }

    @Override
    public Iterator<FileFeatures.Result> compute(List<FileFeatures.Task> tasks) {
        int chunk = filesPerTask * TASKS_PER_CORE * Math.max(1, context.defaultParallelism());
        return new Iterator<>() {
            private int next;
            private Iterator<FileFeatures.Result> current = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && next < tasks.size()) {
                    List<FileFeatures.Task> part = tasks.subList(next, Math.min(tasks.size(), next + chunk));
                    next += part.size();
                    int slices = (part.size() + filesPerTask - 1) / filesPerTask;
                    current = context.parallelize(new java.util.ArrayList<>(part), slices).mapPartitions(new PrepareSlice(backbones))
                            .collect().iterator();
                }
                return current.hasNext();
            }

            @Override
            public FileFeatures.Result next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }
}
