package org.genrevamp.trainer.command;

import org.genrevamp.trainer.batch.BatchJob;
import org.genrevamp.trainer.batch.BatchOutput;
import org.genrevamp.trainer.batch.BatchSettings;
import org.genrevamp.trainer.batch.BatchSpark;
import org.genrevamp.trainer.batch.InputFiles;
import org.genrevamp.trainer.batch.ModelPool;
import org.genrevamp.trainer.batch.ModelRef;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.genrevamp.annotate.GenreAnnotator;
import org.genrevamp.annotate.SegmenterParams;
import org.genrevamp.annotate.WindowPlan;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.console.Results;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code annotate}: a whole library with the plugin's engine on Apache Spark ({@code local[*]} by
 * default, a standalone cluster with {@code --master spark://…} or under spark-submit). Writes Parquet
 * and JSON Lines ({@link BatchOutput}); a rerun skips files already in the output.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {"Annotates every audio file of a folder (recursively) or a list file with a genre model,",
                "on Apache Spark, exactly as the Vamp plugin would (segments and track genre).",
                "Writes OUT/tracks (Parquet) and OUT/tracks-jsonl, failures also to OUT/errors(-jsonl).",
                "A rerun skips files already in OUT."})
public final class AnnotateCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "folder of audio (searched recursively) or a text file listing one path per line")
    Path input;

    @Option(names = "--out", required = true, description = "output folder (created; appended to by reruns)")
    Path out;

    @Option(names = "--master", description = "Spark master: local[N], local[*], spark://HOST:PORT"
            + " (default: the one spark-submit sets, else local[*])")
    String master;

    @Option(names = "--model", description = "bundled model name or bundle file (default: ${DEFAULT-VALUE})")
    String model = "default";

    @Option(names = "--tags", description = "also write the msd tagger's 50 tags (instruments, moods, decades,"
            + " styles) with their whole-file mean probabilities, as the plugin's tracktags output (column tags)")
    boolean tags;

    @Option(names = "--lab", description = "also write each track's segments as a .lab file in a tree under this"
            + " folder mirroring the audio's absolute paths")
    Path lab;

    @Option(names = "--jams", description = "also write each track's segments, genre (and with --tags its tags) as a"
            + " JAMS file in a tree under this folder mirroring the audio's absolute paths")
    Path jams;

    @Option(names = "--hop", description = "seconds between estimates, as the plugin's hop (default: ${DEFAULT-VALUE})")
    double hop = WindowPlan.DEFAULT_HOP_SECONDS;

    @Option(names = "--window", description = "seconds behind each estimate, 0 = the model's (default: ${DEFAULT-VALUE})")
    double window = 0;

    @Option(names = "--smoothing", description = "the plugin's smoothing (default: ${DEFAULT-VALUE})")
    double smoothing = SegmenterParams.DEFAULT_SMOOTHING;

    @Option(names = "--minsegment", description = "the plugin's minsegment in seconds (default: ${DEFAULT-VALUE})")
    double minSegment = SegmenterParams.DEFAULT_MIN_SEGMENT_SECONDS;

    @Option(names = "--unknown", description = "the plugin's unknown threshold (default: ${DEFAULT-VALUE})")
    double unknown = SegmenterParams.DEFAULT_UNKNOWN_THRESHOLD;

    @Option(names = "--chunk", description = "files per commit to the output (default: ${DEFAULT-VALUE})")
    int chunk = BatchJob.DEFAULT_CHUNK_FILES;

    @Option(names = "--files-per-task", description = "files per Spark task (default: ${DEFAULT-VALUE})")
    int filesPerTask = BatchJob.DEFAULT_FILES_PER_TASK;

    @Override
    public Integer call() throws Exception {
        List<String> files = InputFiles.list(input);
        ModelRef ref = ModelRef.of(model);
        BatchSettings settings = new BatchSettings(ref, hop, window, smoothing, minSegment, unknown, tags, null, null);
        settings = lab == null ? settings : settings.withLabs(lab);
        settings = jams == null ? settings : settings.withJams(jams);
        // check the model and settings here, once, with a clear message; in local mode executors reuse it
        GenreModel loaded = ref.load();
        String problem = GenreAnnotator.checkTiming(settings.annotation(), loaded.windowSeconds());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ModelPool.giveBack(ref, loaded);
        Log.info("annotate: " + files.size() + " files, model " + model + " (version " + ref.version() + ")");
        SparkSession spark = BatchSpark.start(master, Map.of());
        try {
            BatchJob.Outcome o = new BatchJob(spark, settings, chunk, filesPerTask).run(files, new BatchOutput(out));
            Results.out().printf("annotated %d, failed %d, skipped (already in %s) %d, of %d files%n", o.annotated(),
                    o.failed(), out, o.skipped(), o.listed());
            return 0;
        } finally {
            spark.stop();
        }
    }
}
