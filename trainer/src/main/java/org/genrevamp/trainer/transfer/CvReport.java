package org.genrevamp.trainer.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.trainer.report.Metrics;
import org.genrevamp.trainer.report.ReportWriter;

/**
 * The figures of a cross-validated transfer run ({@link CrossValidation}): the card stored in the
 * bundle, and {@code report.md}, {@code report.json} and the pooled song confusion PNG. Paths are
 * given relative to the dataset, never as absolute machine paths.
 */
public record CvReport(TransferSettings settings, Backbones backbones, List<String> labels, int songs,
                       CrossValidation.Result chosen, List<CrossValidation.Result> tried, double seconds) {

    String protocol() {
        return String.format(Locale.ROOT, "repeated stratified %d-fold cross-validation %s, %d repeats (seed %d):"
                        + " every song scored once per repeat by a head that never saw it; head recipe chosen by mean"
                        + " song top-1 over the same folds, then fitted on all %d songs", settings.cvFolds(),
                byArtist() ? "grouped by artist (" + settings.artistSource() + ": no artist on both sides of a fold)"
                        : "by song", settings.cvRepeats(), settings.seed(), songs);
    }

    /** Whether the folds deal whole artists ({@code --split artist}) rather than songs. */
    boolean byArtist() {
        return settings.split().equals("artist");
    }

    /** Per-label share of songs ranked first, pooled over the repeats. */
    static double[] perLabelAccuracy(Metrics m) {
        double[] out = new double[m.labels().size()];
        for (int i = 0; i < out.length; i++) {
            int n = 0;
            for (int c : m.confusion()[i]) {
                n += c;
            }
            out[i] = n == 0 ? Double.NaN : m.confusion()[i][i] / (double) n;
        }
        return out;
    }

    Map<String, Object> figures(CrossValidation.Result r) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("songTop1Mean", CrossValidation.mean(r.top1()));
        f.put("songTop1Std", CrossValidation.std(r.top1()));
        f.put("songTop3Mean", CrossValidation.mean(r.top3()));
        f.put("songTop3Std", CrossValidation.std(r.top3()));
        f.put("songTop1PerRepeat", r.top1());
        f.put("songTop3PerRepeat", r.top3());
        return f;
    }

    /** The model card stored in the bundle. */
    Map<String, Object> card(String licence) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", settings.name());
        card.put("kind", "transfer: frozen pretrained taggers + head" + (settings.rhythm() ? " on their features and"
                + " rhythm features (onset tempogram)" : ""));
        card.put("backbones", settings.backbones());
        card.put("features", settings.features().id() + " of each backbone" + (settings.rhythm() ? " + rhythm "
                + org.genrevamp.dsp.RhythmFeatures.ID : ""));
        card.put("head", chosen.head());
        card.put("windowFrames", backbones.windowFrames());
        card.put("data", settings.dataName() + " (" + songs + " songs, " + labels.size() + " labels)");
        card.put("evaluation", protocol());
        card.put("augmentation", settings.augment() == 0 ? "none"
                : settings.augment() + " copies per training window: gain, EQ tilt, pitch, tempo, noise");
        card.put("seed", settings.seed());
        card.put("crossValidation", figures(chosen));
        Map<String, Double> perLabel = new LinkedHashMap<>();
        double[] acc = perLabelAccuracy(chosen.pooled().tracks());
        for (int i = 0; i < labels.size(); i++) {
            perLabel.put(labels.get(i), acc[i]);
        }
        card.put("perLabelSongAccuracy", perLabel);
        card.put("pretrainedSource", "Won, Ferraro, Bogdanov, Serra: Evaluation of CNN-based automatic music tagging"
                + " models (SMC 2020), sota-music-tagging-models; MIT licence");
        if (licence != null) {
            card.put("pretrainedLicence", licence);
        }
        return card;
    }

    /** Writes report.md, report.json and the pooled confusion PNG into {@code dir}. */
    void write(Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        Map<String, Object> json = card(null);
        json.put("confusion", chosen.pooled().tracks().confusion());
        json.put("labels", labels);
        json.put("tried", tried.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("head", r.head());
            m.putAll(figures(r));
            return m;
        }).toList());
        json.put("seconds", seconds);
        ReportWriter.JSON.writeValue(dir.resolve("report.json").toFile(), json);
        ReportWriter.confusion(dir.resolve("confusion-cv-songs.png"), "Songs, pooled over repeats",
                chosen.pooled().tracks());
        StringBuilder md = new StringBuilder();
        md.append("# Model `").append(settings.name()).append("` (transfer: ")
                .append(String.join(" + ", settings.backbones())).append(settings.rhythm() ? " + rhythm" : "")
                .append(")\n\n");
        md.append("Evaluation: ").append(protocol()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "%d labels, %d songs, data `%s`. Window %d frames (%.1f s), short clips"
                        + " looped. Features: %s%s. Augmentation: %s. %.0f s.%n%n", labels.size(), songs,
                settings.dataName(), backbones.windowFrames(), backbones.windowFrames() * 0.016,
                settings.features().id(), settings.rhythm() ? " + rhythm (" + org.genrevamp.dsp.RhythmFeatures.ID + ")" : "",
                settings.augment() == 0 ? "none" : settings.augment() + " copies", seconds));
        md.append("## Heads tried (song figures, mean ± sd over repeats)\n\n| head | top-1 | top-3 |\n|---|---|---|\n");
        for (CrossValidation.Result r : tried) {
            md.append(String.format(Locale.ROOT, "| %s%s | %.3f ± %.3f | %.3f ± %.3f |%n", r.head(),
                    r == chosen ? " (chosen)" : "", CrossValidation.mean(r.top1()), CrossValidation.std(r.top1()),
                    CrossValidation.mean(r.top3()), CrossValidation.std(r.top3())));
        }
        md.append("\n## Per-label song accuracy (chosen head, pooled over repeats)\n\n| label | songs | top-1 | F1 |\n|---|---|---|---|\n");
        Metrics pooled = chosen.pooled().tracks();
        double[] acc = perLabelAccuracy(pooled);
        for (int i = 0; i < labels.size(); i++) {
            int n = 0;
            for (int c : pooled.confusion()[i]) {
                n += c;
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n", labels.get(i), n / settings.cvRepeats(),
                    acc[i], pooled.f1()[i]));
        }
        md.append("\n## Confusion (songs, summed over repeats; rows = truth)\n\n");
        ReportWriter.confusionTable(md, pooled);
        md.append("\n![songs](confusion-cv-songs.png)\n");
        Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
    }
}
