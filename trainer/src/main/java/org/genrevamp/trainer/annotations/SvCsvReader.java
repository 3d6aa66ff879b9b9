package org.genrevamp.trainer.annotations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Sonic Visualiser layer exports (File > Export Annotation Layer, CSV), with or without the header
 * row: a regions layer gives {@code time,value,duration,label}, a notes layer
 * {@code time,value,duration,level,label} (both regions), a time-instants layer {@code time,label}
 * (each instant starts a segment lasting until the next). A time-values layer ({@code time,value,label})
 * is refused: its points label no stretch of audio.
 */
public final class SvCsvReader implements AnnotationReader {
    @Override
    public List<LabelledSpan> read(Path file) throws IOException {
        List<CsvRows.Row> rows = new ArrayList<>(CsvRows.read(file));
        if (!rows.isEmpty() && !Spans.isNumber(rows.get(0).fields().get(0))) {
            rows.remove(0);   // SV's optional header row (TIME,VALUE,DURATION,LABEL)
        }
        List<LabelledSpan> regions = new ArrayList<>();
        List<Spans.Instant> instants = new ArrayList<>();
        for (CsvRows.Row r : rows) {
            List<String> f = r.fields();
            double time = Spans.seconds(file, r.line(), f.get(0), "time");
            switch (f.size()) {
                case 2 -> instants.add(new Spans.Instant(time, f.get(1), r.line()));
                case 4, 5 -> regions.add(Spans.region(file, r.line(), time,
                        Spans.seconds(file, r.line(), f.get(2), "duration"), f.get(f.size() - 1)));
                case 3 -> throw new AnnotationException(file, r.line(), time, "3 columns (a time-values layer?): export"
                        + " a regions layer (time,value,duration,label) or a time-instants layer (time,label)");
                default -> throw new AnnotationException(file, r.line(), time, f.size() + " columns: expected"
                        + " time,value,duration,label (regions) or time,label (time instants)");
            }
        }
        if (!regions.isEmpty() && !instants.isEmpty()) {
            throw new AnnotationException(file, instants.get(0).line(), instants.get(0).time(),
                    "mixes instants (2 columns) with regions (4 columns): export one layer per file");
        }
        return regions.isEmpty() ? Spans.fromInstants(file, instants) : regions;
    }
}
