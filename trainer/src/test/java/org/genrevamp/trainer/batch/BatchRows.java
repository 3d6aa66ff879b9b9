package org.genrevamp.trainer.batch;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Reads a batch output table back, for tests. */
final class BatchRows {

    private BatchRows() {
    }

    static List<Row> tracks(SparkSession spark, Path out) {
        return spark.read().parquet(out.resolve(BatchOutput.TRACKS).toString()).collectAsList();
    }

    static List<Row> errors(SparkSession spark, Path out) {
        return spark.read().parquet(out.resolve(BatchOutput.ERRORS).toString()).collectAsList();
    }

    /** A tracks row as the plugin comparison sees it. */
    static PluginReference.TrackResultView view(Row r) {
        List<PluginReference.Region> segments = r.<Row>getList(r.fieldIndex("segments")).stream()
                .map(s -> new PluginReference.Region(s.getDouble(0), s.getDouble(1), s.getInt(2), s.getString(3)))
                .toList();
        double duration = r.getDouble(r.fieldIndex("duration"));
        return new PluginReference.TrackResultView(r.getString(r.fieldIndex("path")), duration, segments,
                new PluginReference.Region(0, duration, r.getInt(r.fieldIndex("genre_index")),
                        r.getString(r.fieldIndex("track_label"))));
    }
}
