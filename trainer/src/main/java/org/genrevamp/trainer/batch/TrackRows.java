package org.genrevamp.trainer.batch;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/** The output table's schema (one row per track, see {@link TrackResult}) and rows of it. */
final class TrackRows {

    static final String PATH = "path";
    static final String ERROR = "error";
    static final String SECONDS = "seconds";

    private static final StructType SCORE = new StructType(new StructField[] {
            field("name", DataTypes.StringType, false), field("score", DataTypes.DoubleType, false)});
    private static final StructType SEGMENT = new StructType(new StructField[] {
            field("start", DataTypes.DoubleType, false), field("end", DataTypes.DoubleType, false),
            field("genre_index", DataTypes.IntegerType, false), field("genre", DataTypes.StringType, false),
            field("probability", DataTypes.DoubleType, false)});

    static final StructType SCHEMA = new StructType(new StructField[] {
            field(PATH, DataTypes.StringType, false),
            field("duration", DataTypes.DoubleType, true),
            field("genre", DataTypes.StringType, true),
            field("genre_index", DataTypes.IntegerType, true),
            field("track_label", DataTypes.StringType, true),
            field("top3", DataTypes.createArrayType(SCORE, false), false),
            field("segments", DataTypes.createArrayType(SEGMENT, false), false),
            field("tags", DataTypes.createArrayType(SCORE, false), true),
            field("model", DataTypes.StringType, false),
            field("model_version", DataTypes.StringType, false),
            field(ERROR, DataTypes.StringType, true),
            field(SECONDS, DataTypes.DoubleType, false)});

    private TrackRows() {
    }

    static Row row(TrackResult t) {
        return RowFactory.create(t.path(), t.duration(), t.genre(), t.genreIndex(), t.trackLabel(), scores(t.top3()),
                seq(t.segments().stream().map(s -> RowFactory.create(s.start(), s.end(), s.genreIndex(), s.genre(),
                        s.probability())).toList()),
                t.tags() == null ? null : scores(t.tags()), t.model(), t.modelVersion(), t.error(), t.seconds());
    }

    private static Seq<Row> scores(List<TrackResult.Score> scores) {
        return seq(scores.stream().map(s -> RowFactory.create(s.name(), s.score())).toList());
    }

    /** Spark's row encoder takes arrays as Scala sequences. */
    private static Seq<Row> seq(List<Row> rows) {
        return JavaConverters.asScalaBuffer(rows).toSeq();
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
