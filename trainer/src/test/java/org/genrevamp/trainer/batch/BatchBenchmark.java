package org.genrevamp.trainer.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.genrevamp.audio.AudioFiles;
import org.genrevamp.model.bundle.GenreModel;

/**
 * Throughput of batch annotation on one list of files, one mode per JVM (run by
 * {@code benchmarks/spark-batch.sh}):
 * <ul>
 *   <li>{@code plain}: {@link FileAnnotator} in a loop on one thread, no Spark: the audio work alone;</li>
 *   <li>{@code spark N}: {@link BatchJob} on {@code local[N]} with the command's defaults, output
 *       written, session start excluded.</li>
 * </ul>
 * Each mode first loads its models (one per core, timed and printed apart) and annotates the first
 * listed file once to warm the JIT; the Spark modes then run a one-file job on it (Spark's first-job
 * costs, printed apart as {@code first_job_s}); the timed run is over the remaining files. Prints one line: files,
 * audio seconds, wall seconds, files/s, real-time factor, the audio work per file (wall seconds inside
 * {@link FileAnnotator#annotate}, from the output's {@code seconds} column), the overhead per file
 * (wall seconds times cores, less the audio work, per file: Spark, task scheduling, output writing,
 * idle cores at the end), process CPU seconds per file (which other
 * users of a shared machine cannot inflate, unlike wall time), model load seconds, peak RSS (VmHWM:
 * the whole JVM, driver and executor together in local mode).
 */
public final class BatchBenchmark {

    private BatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int cores = mode.equals("plain") ? 1 : Integer.parseInt(args[1]);
        List<String> all = Files.readAllLines(Path.of(args[mode.equals("plain") ? 1 : 2])).stream()
                .filter(l -> !l.isBlank()).toList();
        List<String> files = all.subList(1, all.size());
        double audio = 0;
        for (String f : files) {
            audio += AudioFiles.read(Path.of(f)).seconds();
        }
        ModelRef ref = ModelRef.of("default");
        BatchSettings settings = BatchSettings.defaults(ref, false);
        long t0 = System.nanoTime();
        List<GenreModel> models = new ArrayList<>();
        for (int i = 0; i < cores; i++) {
            models.add(ModelPool.borrow(ref));
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9 / cores;
        FileAnnotator warm = new FileAnnotator(models.get(0), ref, settings.annotation(), false);
        check(warm.annotate(all.get(0)));
        double wall;
        double work = 0;   // seconds spent in FileAnnotator.annotate, summed over files
        double warmJob = 0;
        long cpu0 = processCpuNanos();
        if (mode.equals("plain")) {
            long start = System.nanoTime();
            for (String f : files) {
                TrackResult r = warm.annotate(f);
                check(r);
                work += r.seconds();
            }
            wall = (System.nanoTime() - start) / 1e9;
        } else {
            models.forEach(m -> ModelPool.giveBack(ref, m));
            SparkSession spark = BatchSpark.start("local[" + cores + "]", Map.of());
            try {
                // a one-file job first: Spark's once-per-JVM costs (code generation, the Parquet writer's
                // classes) are paid there and printed apart, so the timed job shows the per-file cost
                long warmStart = System.nanoTime();
                new BatchJob(spark, settings, BatchJob.DEFAULT_CHUNK_FILES, BatchJob.DEFAULT_FILES_PER_TASK)
                        .run(all.subList(0, 1), new BatchOutput(Files.createTempDirectory("batch-bench-warm")));
                warmJob = (System.nanoTime() - warmStart) / 1e9;
                Path out = Files.createTempDirectory("batch-bench");
                long start = System.nanoTime();
                BatchJob.Outcome o = new BatchJob(spark, settings, BatchJob.DEFAULT_CHUNK_FILES,
                        BatchJob.DEFAULT_FILES_PER_TASK).run(files, new BatchOutput(out));
                wall = (System.nanoTime() - start) / 1e9;
                if (o.failed() > 0) {
                    throw new IllegalStateException(o.failed() + " files failed");
                }
                work = spark.read().parquet(out.resolve(BatchOutput.TRACKS).toString())
                        .agg(org.apache.spark.sql.functions.sum(TrackRows.SECONDS)).first().getDouble(0);
            } finally {
                spark.stop();
            }
        }
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        // what the job spent per file beyond the audio work, its cores counted
        double overhead = (wall * cores - work) / files.size();
        System.out.printf(Locale.ROOT, "mode=%s cores=%d files=%d audio_s=%.1f wall_s=%.2f files_per_s=%.3f"
                        + " realtime=%.1f work_s_per_file=%.3f overhead_ms_per_file=%.0f cpu_s_per_file=%.3f"
                        + " model_load_s=%.2f first_job_s=%.1f peak_rss_mb=%d%n", mode, cores, files.size(), audio, wall,
                files.size() / wall, audio / wall, work / files.size(), overhead * 1000, cpu / files.size(),
                loadSeconds, warmJob, peakRssMb());
    }

    private static void check(TrackResult r) {
        if (r.error() != null) {
            throw new IllegalStateException(r.error());
        }
    }

    /** CPU time of the whole process (all threads, JIT and GC included): what contention cannot inflate. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
