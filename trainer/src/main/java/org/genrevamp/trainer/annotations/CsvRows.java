package org.genrevamp.trainer.annotations;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A CSV annotation file's non-blank rows with their line numbers (commons-csv; quoted labels allowed). */
final class CsvRows {
    record Row(int line, List<String> fields) {
    }

    private CsvRows() {
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).build();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
            long line = 1;
            for (CSVRecord r : parser) {
                List<String> fields = r.toList();
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    rows.add(new Row((int) line, fields));
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new AnnotationException(file, rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line() + 1,
                    "not valid CSV: " + e.getMessage());
        }
        return rows;
    }
}
