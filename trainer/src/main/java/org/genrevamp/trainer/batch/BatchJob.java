package org.genrevamp.trainer.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ProgressBar;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.console.Progress;

/**
 * A batch annotation job on a running Spark session:
 * <ol>
 *   <li>drop the files already in the output ({@link BatchOutput#done}): a rerun resumes;</li>
 *   <li>cut the rest into chunks of {@code chunkFiles}; per chunk, slices of {@code filesPerTask} files
 *       become tasks ({@link AnnotateSlice}), each executor annotating with its pooled model;</li>
 *   <li>append each chunk to the output as soon as it is done, so a stopped job loses one chunk at most.</li>
 * </ol>
 * A progress bar on stderr counts files as tasks report them.
 */
public final class BatchJob {

    /** Files per commit to the output, by default. */
    public static final int DEFAULT_CHUNK_FILES = 500;
    /** Files per task, by default: small enough to spread a chunk over the cores, large enough to amortise a task. */
    public static final int DEFAULT_FILES_PER_TASK = 2;

    /** What one run did. */
    public record Outcome(int listed, int skipped, int annotated, int failed) {
    }

    private final SparkSession spark;
    private final BatchSettings settings;
    private final int chunkFiles;
    private final int filesPerTask;

    public BatchJob(SparkSession spark, BatchSettings settings, int chunkFiles, int filesPerTask) {
        if (chunkFiles < 1 || filesPerTask < 1) {
            throw new IllegalArgumentException("chunk and files per task must be >= 1");
        }
        this.spark = spark;
        this.settings = settings;
        this.chunkFiles = chunkFiles;
        this.filesPerTask = filesPerTask;
    }

    /** Annotates the {@code files} not yet in {@code output}. */
    public Outcome run(List<String> files, BatchOutput output) {
        Set<String> done = output.done(spark);
        List<String> todo = new ArrayList<>();
        for (String f : files) {
            if (!done.contains(f)) {
                todo.add(f);
            }
        }
        int skipped = files.size() - todo.size();
        if (skipped > 0) {
            Log.info("annotate: " + skipped + " of " + files.size() + " files already in " + output.dir() + ", skipped");
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        LongAccumulator finished = context.sc().longAccumulator("files done");
        LongAccumulator failed = context.sc().longAccumulator("files failed");
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "annotate-progress");
            t.setDaemon(true);
            return t;
        });
        try (ProgressBar bar = Progress.bar("annotate", todo.size(), "files")) {
            ticker.scheduleAtFixedRate(() -> bar.stepTo(Math.min(todo.size(), finished.value())), 0, 500,
                    TimeUnit.MILLISECONDS);
            for (int from = 0; from < todo.size(); from += chunkFiles) {
                List<String> chunk = todo.subList(from, Math.min(todo.size(), from + chunkFiles));
                int slices = (chunk.size() + filesPerTask - 1) / filesPerTask;
                JavaRDD<Row> rows = context.parallelize(chunk, slices).mapPartitions(new AnnotateSlice(settings, finished, failed));
                output.append(spark.createDataFrame(rows, TrackRows.SCHEMA));
            }
            bar.stepTo(todo.size());
        } finally {
            ticker.shutdownNow();
        }
        int bad = (int) Math.min(todo.size(), failed.value());
        return new Outcome(files.size(), skipped, todo.size() - bad, bad);
    }
}
