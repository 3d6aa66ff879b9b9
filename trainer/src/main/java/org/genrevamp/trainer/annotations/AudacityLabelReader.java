package org.genrevamp.trainer.annotations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Audacity label tracks (File > Export > Labels, {@code .txt}): {@code start<TAB>end<TAB>label}
 * per line. The frequency lines Audacity adds under spectral selections (starting with a backslash)
 * are skipped; a point label (start = end) is refused, since it labels no stretch of audio.
 */
public final class AudacityLabelReader implements AnnotationReader {
    @Override
    public List<LabelledSpan> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<LabelledSpan> spans = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("\\")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            if (f.length < 2) {
                throw new AnnotationException(file, i + 1, "expected 'start<TAB>end<TAB>label', got '" + line.strip() + "'");
            }
            double start = Spans.seconds(file, i + 1, f[0], "start");
            double end = Spans.seconds(file, i + 1, f[1], "end");
            if (end == start) {
                throw new AnnotationException(file, i + 1, start, "point label: drag a region in Audacity to label a stretch");
            }
            spans.add(Spans.region(file, i + 1, start, end - start, f.length > 2 ? f[2] : ""));
        }
        return spans;
    }
}
