package org.genrevamp.trainer.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

/**
 * Writes a run's report: {@code report.md} (figures, curves, confusion matrices), the PNG images it
 * shows ({@code loss.png}, {@code top1.png}, {@code confusion-*.png}) and {@code report.json} with
 * every figure.
 */
public final class ReportWriter {
    public static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes the report files into {@code dir} (created). */
    public static void write(Path dir, RunSummary run) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        JSON.writeValue(dir.resolve("report.json").toFile(), run);
        List<EpochRecord> h = run.history();
        if (!h.isEmpty()) {
            curves(dir.resolve("loss.png"), "Cross-entropy loss", "loss", h, EpochRecord::trainLoss,
                    EpochRecord::validationLoss, EpochRecord::fitLoss);
            curves(dir.resolve("top1.png"), "Top-1 (share of windows)", "top-1", h, EpochRecord::trainTop1,
                    EpochRecord::validationTop1, null);
        }
        confusion(dir.resolve("confusion-test-windows.png"), "Test windows", run.test().windows());
        confusion(dir.resolve("confusion-test-tracks.png"), "Test tracks", run.test().tracks());
        Files.writeString(dir.resolve("report.md"), markdown(run), StandardCharsets.UTF_8);
    }

    static String markdown(RunSummary run) {
        StringBuilder md = new StringBuilder();
        md.append("# Model `").append(run.name()).append("` (").append(run.architecture()).append(")\n\n");
        md.append(String.format(Locale.ROOT, "%d genres: %s. Windows of %.2f s (%d frames), %d parameters.%n%n",
                run.labels().size(), String.join(", ", run.labels()), run.windowSeconds(), run.windowFrames(),
                run.parameters()));
        md.append("## Test figures\n\n");
        md.append("| level | n | top-1 | top-3 | macro-F1 |\n|---|---|---|---|---|\n");
        row(md, "test windows", run.test().windows());
        row(md, "test tracks", run.test().tracks());
        row(md, "validation windows", run.validation().windows());
        row(md, "validation tracks", run.validation().tracks());
        for (Map.Entry<String, Evaluation> s : run.subsets().entrySet()) {
            row(md, "test windows, " + s.getKey(), s.getValue().windows());
            row(md, "test tracks, " + s.getKey(), s.getValue().tracks());
        }
        md.append("\nSubset rows score the same network on the test windows of those genres only, ranking only"
                + " those genres' outputs.\n\n");
        md.append("## Data and split\n\n");
        run.data().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## Training\n\n");
        run.training().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n| epoch | fit loss | train loss | train top-1 | validation loss | validation top-1 | s |"
                + " windows/s |\n|---|---|---|---|---|---|---|---|\n");
        for (EpochRecord e : run.history()) {
            md.append(String.format(Locale.ROOT, "| %d | %.4f | %.4f | %.3f | %.4f | %.3f | %.1f | %.1f |%n",
                    e.epoch(), e.fitLoss(), e.trainLoss(), e.trainTop1(), e.validationLoss(), e.validationTop1(),
                    e.seconds(), e.examplesPerSecond()));
        }
        md.append("\nTrain figures are measured in inference mode (no dropout) on a fixed sample of training"
                + " windows; the fit loss is the optimiser's, with dropout.\n\n");
        if (!run.history().isEmpty()) {
            md.append("![loss](loss.png)\n\n![top-1](top1.png)\n\n");
        }
        md.append("## Confusion matrices (rows: true genre, columns: predicted)\n\n");
        md.append("![test windows](confusion-test-windows.png)\n\n");
        confusionTable(md, run.test().windows());
        md.append("\n![test tracks](confusion-test-tracks.png)\n\n");
        confusionTable(md, run.test().tracks());
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Metrics m) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", name, m.n(), m.top1(), m.top3(),
                m.macroF1()));
    }

    public static void confusionTable(StringBuilder md, Metrics m) {
        md.append("| true \\ predicted |");
        m.labels().forEach(l -> md.append(' ').append(l).append(" |"));
        md.append("\n|---|");
        m.labels().forEach(l -> md.append("---|"));
        md.append('\n');
        for (int t = 0; t < m.labels().size(); t++) {
            md.append("| ").append(m.labels().get(t)).append(" |");
            for (int p = 0; p < m.labels().size(); p++) {
                md.append(' ').append(m.confusion()[t][p]).append(" |");
            }
            md.append('\n');
        }
    }

    private static void curves(Path file, String title, String yTitle, List<EpochRecord> history,
                               ToDoubleFunction<EpochRecord> train,
                               ToDoubleFunction<EpochRecord> validation,
                               ToDoubleFunction<EpochRecord> fit) throws IOException {
        XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        List<Integer> epochs = new ArrayList<>();
        history.forEach(e -> epochs.add(e.epoch()));
        chart.addSeries("train (inference mode)", epochs, history.stream().map(train::applyAsDouble).toList());
        chart.addSeries("validation", epochs, history.stream().map(validation::applyAsDouble).toList());
        if (fit != null) {
            chart.addSeries("train (while fitting, dropout on)", epochs,
                    history.stream().map(fit::applyAsDouble).toList());
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    public static void confusion(Path file, String title, Metrics m) throws IOException {
        int k = m.labels().size();
        HeatMapChart chart = new HeatMapChartBuilder().width(160 + 80 * k).height(120 + 45 * k).title(title)
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setPlotContentSize(1.0);
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                // y runs bottom-up in the chart: put the first true genre at the top
                cells.add(new Number[] {p, k - 1 - t, m.confusion()[t][p]});
            }
        }
        List<String> yLabels = new ArrayList<>(m.labels());
        Collections.reverse(yLabels);
        chart.addSeries("count", m.labels(), yLabels, cells);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
