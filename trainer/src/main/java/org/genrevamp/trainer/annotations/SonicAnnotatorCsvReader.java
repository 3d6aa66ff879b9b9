package org.genrevamp.trainer.annotations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * sonic-annotator's CSV writer ({@code -w csv}, files named {@code <audio>_vamp_<plugin>_<output>.csv}):
 * {@code time,duration,value...,label} for outputs with durations (segmenters, genre-vamp's
 * {@code segments}), {@code time,value...,label} or {@code time,label} for instants; with
 * {@code --csv-stdout} or {@code --csv-one-file} a first column holds the audio file name (on the
 * first row of each file only), and is dropped here. Rows with a duration are regions; rows without
 * are instants (each lasting until the next).
 */
public final class SonicAnnotatorCsvReader implements AnnotationReader {
    @Override
    public List<LabelledSpan> read(Path file) throws IOException {
        List<CsvRows.Row> rows = CsvRows.read(file);
        boolean fileColumn = rows.stream().anyMatch(r -> r.fields().size() >= 3 && !Spans.isNumber(r.fields().get(0))
                && Spans.isNumber(r.fields().get(1)));
        List<LabelledSpan> regions = new ArrayList<>();
        List<Spans.Instant> instants = new ArrayList<>();
        for (CsvRows.Row r : rows) {
            List<String> f = fileColumn ? r.fields().subList(1, r.fields().size()) : r.fields();
            if (f.size() < 2) {
                throw new AnnotationException(file, r.line(), "expected time,[duration,]value...,label");
            }
            double time = Spans.seconds(file, r.line(), f.get(0), "time");
            String label = f.get(f.size() - 1);
            if (Spans.isNumber(label)) {
                throw new AnnotationException(file, r.line(), time, "no label (the last column is a number): use an"
                        + " output with labels, such as genre-vamp's segments");
            }
            if (f.size() >= 4) {
                // time, duration, value(s), label
                regions.add(Spans.region(file, r.line(), time, Spans.seconds(file, r.line(), f.get(1), "duration"), label));
            } else {
                instants.add(new Spans.Instant(time, label, r.line()));
            }
        }
        if (!regions.isEmpty() && !instants.isEmpty()) {
            throw new AnnotationException(file, instants.get(0).line(), instants.get(0).time(),
                    "mixes rows with and without durations");
        }
        return regions.isEmpty() ? Spans.fromInstants(file, instants) : regions;
    }
}
