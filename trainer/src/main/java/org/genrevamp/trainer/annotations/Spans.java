package org.genrevamp.trainer.annotations;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Parsing and checks the readers share. */
final class Spans {
    private Spans() {
    }

    /** A finite, non-negative number of seconds, or an {@link AnnotationException} naming the field. */
    static double seconds(Path file, int line, String field, String what) {
        double v;
        try {
            v = Double.parseDouble(field.strip());
        } catch (NumberFormatException e) {
            throw new AnnotationException(file, line, what + " '" + field.strip() + "' is not a number");
        }
        if (!Double.isFinite(v) || v < 0) {
            throw new AnnotationException(file, line, what + " " + field.strip() + " must be a finite number >= 0");
        }
        return v;
    }

    static boolean isNumber(String field) {
        try {
            Double.parseDouble(field.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A region from start and duration, refusing zero or negative lengths and empty labels. */
    static LabelledSpan region(Path file, int line, double start, double duration, String label) {
        if (!(duration > 0)) {
            throw new AnnotationException(file, line, start, "region of length " + duration + " s (must be > 0)");
        }
        String l = label.strip();
        if (l.isEmpty()) {
            throw new AnnotationException(file, line, start, "region without a label");
        }
        return new LabelledSpan(start, start + duration, l, line);
    }

    /** One labelled time instant, before {@link #fromInstants} gives it its end. */
    record Instant(double time, String label, int line) {
    }

    /**
     * Instants (segment starts) to spans: each lasts until the next instant, the last until the end
     * of the audio. An instant with an empty label starts an unlabelled gap (no span). Instants must
     * be in strictly increasing time.
     */
    static List<LabelledSpan> fromInstants(Path file, List<Instant> instants) {
        List<LabelledSpan> out = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            Instant a = instants.get(i);
            double end = Double.POSITIVE_INFINITY;
            if (i + 1 < instants.size()) {
                Instant b = instants.get(i + 1);
                if (!(b.time() > a.time())) {
                    throw new AnnotationException(file, b.line(), b.time(), "instant not after the one on line "
                            + a.line() + " (instants must be in increasing time)");
                }
                end = b.time();
            }
            if (!a.label().isBlank()) {
                out.add(new LabelledSpan(a.time(), end, a.label().strip(), a.line()));
            }
        }
        return out;
    }
}
