package org.genrevamp.trainer.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The output directory of a batch job, appended to one chunk of files at a time:
 * <pre>
 *   OUT/tracks/         Parquet, one row per track ({@link TrackRows#SCHEMA}); the record of what is done
 *   OUT/tracks-jsonl/   the same rows as JSON Lines (part-*.json)
 *   OUT/errors/         Parquet, path and error of the files that could not be annotated
 *   OUT/errors-jsonl/   the same as JSON Lines
 * </pre>
 * A chunk's JSON is committed before its Parquet, so a job stopped between the two writes can leave
 * a chunk's JSON twice after the rerun, never a track missing from both.
 */
public final class BatchOutput {

    static final String TRACKS = "tracks";
    static final String TRACKS_JSON = "tracks-jsonl";
    static final String ERRORS = "errors";
    static final String ERRORS_JSON = "errors-jsonl";

    private final Path dir;

    public BatchOutput(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    /** Paths already in the tracks table (annotated, or failed with a reason), for a rerun to skip. */
    Set<String> done(SparkSession spark) {
        Path tracks = dir.resolve(TRACKS);
        if (!Files.isDirectory(tracks) || !Files.exists(tracks.resolve("_SUCCESS"))) {
            return Set.of();
        }
        Set<String> done = new HashSet<>();
        for (Row r : spark.read().schema(TrackRows.SCHEMA).parquet(tracks.toString()).select(TrackRows.PATH)
                .collectAsList()) {
            done.add(r.getString(0));
        }
        return done;
    }

    /**
     * Appends one chunk's rows: computed once in parallel and kept while both formats are written, one
     * file per format and chunk.
     */
    void append(Dataset<Row> rows) {
        Dataset<Row> kept = rows.persist();
        try {
            kept.count();   // annotate every slice in parallel now; the writes below only read the cache
            Dataset<Row> one = kept.coalesce(1);
            one.write().mode(SaveMode.Append).json(dir.resolve(TRACKS_JSON).toString());
            one.write().mode(SaveMode.Append).parquet(dir.resolve(TRACKS).toString());
            Dataset<Row> errors = one.filter(functions.col(TrackRows.ERROR).isNotNull())
                    .select(TrackRows.PATH, TrackRows.ERROR);
            errors.write().mode(SaveMode.Append).json(dir.resolve(ERRORS_JSON).toString());
            errors.write().mode(SaveMode.Append).parquet(dir.resolve(ERRORS).toString());
        } finally {
            kept.unpersist();
        }
    }

    Path dir() {
        return dir;
    }
}
