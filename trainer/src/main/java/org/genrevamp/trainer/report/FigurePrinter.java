package org.genrevamp.trainer.report;

import java.util.Locale;
import java.util.Map;

/** Plain-text figures for stdout. */
public final class FigurePrinter {
    private FigurePrinter() {
    }

    public static String line(String what, Metrics m) {
        return String.format(Locale.ROOT, "%-28s n=%-6d top-1 %.3f  top-3 %.3f  macro-F1 %.3f", what, m.n(), m.top1(),
                m.top3(), m.macroF1());
    }

    public static String summary(RunSummary run) {
        StringBuilder sb = new StringBuilder();
        sb.append(line("test windows", run.test().windows())).append('\n');
        sb.append(line("test tracks", run.test().tracks())).append('\n');
        sb.append(line("validation windows", run.validation().windows())).append('\n');
        sb.append(line("validation tracks", run.validation().tracks())).append('\n');
        for (Map.Entry<String, Evaluation> e : run.subsets().entrySet()) {
            sb.append(line("test windows " + e.getKey(), e.getValue().windows())).append('\n');
            sb.append(line("test tracks " + e.getKey(), e.getValue().tracks())).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /** The confusion matrix as aligned text, rows true genre, columns predicted. */
    public static String confusion(Metrics m) {
        StringBuilder sb = new StringBuilder();
        int width = Math.max(6, m.labels().stream().mapToInt(String::length).max().orElse(6) + 1);
        sb.append(String.format(Locale.ROOT, "%-" + width + "s", "true\\pred"));
        m.labels().forEach(l -> sb.append(String.format(Locale.ROOT, "%" + width + "s", l)));
        sb.append('\n');
        for (int t = 0; t < m.labels().size(); t++) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s", m.labels().get(t)));
            for (int p = 0; p < m.labels().size(); p++) {
                sb.append(String.format(Locale.ROOT, "%" + width + "d", m.confusion()[t][p]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
