package org.genrevamp.trainer.annotations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .lab} files (sonic-annotator {@code -w lab}, MIREX, Chordino): {@code start end label} per
 * line, separated by spaces or tabs; the label is the rest of the line. Blank lines and lines
 * starting with {@code #} are skipped.
 */
public final class LabReader implements AnnotationReader {
    @Override
    public List<LabelledSpan> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<LabelledSpan> spans = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s+", 3);
            if (f.length < 3) {
                throw new AnnotationException(file, i + 1, "expected 'start end label', got '" + line + "'");
            }
            double start = Spans.seconds(file, i + 1, f[0], "start");
            double end = Spans.seconds(file, i + 1, f[1], "end");
            spans.add(Spans.region(file, i + 1, start, end - start, f[2]));
        }
        return spans;
    }
}
