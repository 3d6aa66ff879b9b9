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
import org.genrevamp.model.transfer.TagGenreMapping;
import org.genrevamp.trainer.report.Evaluation;
import org.genrevamp.trainer.report.Metrics;
import org.genrevamp.trainer.report.ReportWriter;

/**
 * The figures of a transfer run: what was trained on which split, the heads tried on validation,
 * the tag mapping's weights tried there ({@link Fusion}, where the run fused one), and the test figures;
 * written as the bundle's model card and as {@code report.md},
 * {@code report.json} and confusion-matrix PNGs. Paths are given relative to the dataset, never
 * as absolute machine paths.
 */
public record TransferReport(TransferSettings settings, Backbones backbones, List<String> labels,
                             Map<String, Integer> tracks, HeadChoice chosen, List<HeadChoice> tried, Evaluation test,
                             Fusion fusion, String keptHead, double seconds) {

    /**
     * The tag mapping's part of a run.
     *
     * @param mapping    what the bundle holds: normalisers from train + valid and the chosen weight; null
     *                   when the chosen weight is 0 (the head alone)
     * @param tried      each weight on the validation part (head and normalisers fitted on train)
     * @param weight     the chosen weight
     * @param testHead   the test part scored by the head alone
     * @param testMapping the test part scored by the mapping alone
     */
    public record Fusion(TagGenreMapping mapping, List<TagFusion.Trial> tried, double weight, Evaluation testHead,
                         Evaluation testMapping) {
    }

    /** Names the split a figure was measured on: every card and report says it. */
    String splitDescription() {
        if (settings.split().equals("artist")) {
            return "seeded artist-disjoint split (seed " + settings.seed() + ", artists from "
                    + settings.artistSource() + "): 70/15/15 of the tracks, no artist on two sides";
        }
        if (settings.split().equals("official")) {
            return "FMA's own split (set.split, artist-filtered by its authors): head chosen on its validation part,"
                    + " fitted on training+validation, scored on its test part; no artist on two sides";
        }
        return settings.split().equals("fault-filtered")
                ? "GTZAN artist-filtered split (Kereliuk, Sturm & Larsen 2015, fault-filtered): head chosen on its valid"
                + " part, fitted on train+valid, scored on its test part; no artist on two sides"
                : "seeded random track split stratified by genre (seed " + settings.seed()
                + "): artists may be on both sides, so figures overstate accuracy on unseen artists";
    }

    /** The model card stored in the bundle. */
    Map<String, Object> card(String licence) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", settings.name());
        card.put("kind", "transfer: frozen pretrained taggers + genre head");
        card.put("backbones", settings.backbones());
        card.put("features", settings.features().id() + " of each backbone" + (settings.rhythm() ? " + rhythm "
                + org.genrevamp.dsp.RhythmFeatures.ID : ""));
        card.put("head", keptHead != null ? keptHead : chosen.name());
        card.put("windowFrames", backbones.windowFrames());
        card.put("shortClips", "a clip shorter than the window is looped (its frames repeated) to one window");
        card.put("data", settings.dataName() + (settings.fma() != null ? " (whole tracks labelled with their top-level genre)"
                : " (labelled regions: annotation files or folder per label)"));
        card.put("split", splitDescription());
        card.put("tracks", tracks);
        card.put("augmentation", settings.augment() == 0 ? "none"
                : settings.augment() + " copies per training window: gain, EQ tilt, pitch, tempo, noise");
        card.put("seed", settings.seed());
        card.put("test", figures(test));
        if (fusion != null) {
            card.put("tagMapping", fusionCard());
        }
        card.put("pretrainedSource", "Won, Ferraro, Bogdanov, Serra: Evaluation of CNN-based automatic music tagging"
                + " models (SMC 2020), sota-music-tagging-models; MIT licence");
        if (licence != null) {
            card.put("pretrainedLicence", licence);
        }
        return card;
    }

    private Map<String, Object> fusionCard() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", "weighted geometric mean of the head's and the tag mapping's distributions, renormalised");
        m.put("weight", fusion.weight());
        m.put("weightChosen", "lowest validation cross-entropy over weights " + java.util.Arrays.toString(TagFusion.WEIGHTS)
                + " (head and normalisers fitted on train)");
        if (fusion.mapping() != null) {
            Map<String, Object> normalisers = new LinkedHashMap<>();
            fusion.mapping().genres().forEach(g -> normalisers.put(g.label(), g.normaliser()));
            m.put("normalisers", normalisers);
            m.put("normalisersFitted", "mean raw score of each genre over the train + valid windows");
        }
        m.put("testHeadAlone", figures(fusion.testHead()));
        m.put("testMappingAlone", figures(fusion.testMapping()));
        return m;
    }

    private static Map<String, Object> figures(Evaluation e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("windows", e.windows().asJson());
        out.put("tracks", e.tracks().asJson());
        return out;
    }

    /** Writes report.md, report.json and the confusion PNGs into {@code dir}. */
    void write(Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        Map<String, Object> json = card(null);
        json.put("tried", tried.stream().map(c -> Map.of("head", c.name(), "validationTrackTop1", c.validationTop1(),
                "validationLoss", c.validationLoss())).toList());
        if (fusion != null) {
            json.put("tagMappingTried", fusion.tried().stream().map(t -> Map.of("weight", t.weight(),
                    "validationTrackTop1", t.validationTop1(), "validationLoss", t.validationLoss())).toList());
        }
        json.put("seconds", seconds);
        ReportWriter.JSON.writeValue(dir.resolve("report.json").toFile(), json);
        ReportWriter.confusion(dir.resolve("confusion-test-windows.png"), "Test windows", test.windows());
        ReportWriter.confusion(dir.resolve("confusion-test-tracks.png"), "Test tracks", test.tracks());
        StringBuilder md = new StringBuilder();
        md.append("# Model `").append(settings.name()).append("` (transfer: ")
                .append(String.join(" + ", settings.backbones())).append(")\n\n");
        md.append("Split: ").append(splitDescription()).append(".\n\n");
        md.append(String.format(Locale.ROOT, "%d genres; tracks train / valid / test: %s. Window %d frames (%.1f s),"
                        + " short clips looped. Head: %s. Augmentation: %s. Seed %d. %.0f s.%n%n",
                labels.size(), tracks.values().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" / ")),
                backbones.windowFrames(), backbones.windowFrames() * 0.016,
                keptHead != null ? keptHead : chosen.name(), settings.augment() == 0 ? "none" : settings.augment() + " copies", settings.seed(), seconds));
        md.append("## Test figures\n\n| level | n | top-1 | top-3 | macro-F1 |\n|---|---|---|---|---|\n");
        row(md, "windows", test.windows());
        row(md, "tracks", test.tracks());
        md.append("\n## Heads tried (fitted on train, scored on valid; the lowest valid loss is chosen"
                + (keptHead != null ? ", and used to choose the tag mapping's weight; the shipped head is kept from its bundle" : "")
                + ")\n\n"
                + "| head | valid track top-1 | valid loss |\n|---|---|---|\n");
        for (HeadChoice c : tried) {
            md.append(String.format(Locale.ROOT, "| %s%s | %.3f | %.3f |%n", c.name(), c == chosen ? " (chosen)" : "",
                    c.validationTop1(), c.validationLoss()));
        }
        if (fusion != null) {
            fusionSection(md);
        }
        md.append("\n## Test confusion (tracks; rows = truth)\n\n");
        ReportWriter.confusionTable(md, test.tracks());
        md.append("\n![windows](confusion-test-windows.png) ![tracks](confusion-test-tracks.png)\n");
        Files.writeString(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
    }

    private void fusionSection(StringBuilder md) {
        md.append("\n## Tag mapping fused with the head\n\nThe taggers' own genre tags mapped to the genres (a genre's"
                + " score: the mean of its tags' probabilities, msd tags averaged over the msd backbones, divided by its"
                + " mean over the training windows), fused with the head by a weighted geometric mean, weight w on the"
                + " mapping. w chosen by validation loss (head and normalisers fitted on train):\n\n"
                + "| w | valid track top-1 | valid loss |\n|---|---|---|\n");
        for (TagFusion.Trial t : fusion.tried()) {
            md.append(String.format(Locale.ROOT, "| %.1f%s | %.3f | %.3f |%n", t.weight(),
                    t.weight() == fusion.weight() ? " (chosen)" : "", t.validationTop1(), t.validationLoss()));
        }
        md.append("\nTest part, same head (fitted on train + valid):\n\n| scored by | tracks n | top-1 | top-3 | macro-F1 |"
                + " windows top-1 | top-3 |\n|---|---|---|---|---|---|---|\n");
        fusionRow(md, "head alone", fusion.testHead());
        fusionRow(md, "mapping alone", fusion.testMapping());
        fusionRow(md, String.format(Locale.ROOT, "fused, w = %.1f (shipped)", fusion.weight()), test);
        if (fusion.mapping() != null) {
            md.append("\nNormalisers (mean raw score over the train + valid windows): ");
            md.append(fusion.mapping().genres().stream().map(g -> String.format(Locale.ROOT, "%s %.4f", g.label(), g.normaliser()))
                    .collect(java.util.stream.Collectors.joining(", "))).append(".\n");
        }
    }

    private static void fusionRow(StringBuilder md, String name, Evaluation e) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f |%n", name, e.tracks().n(),
                e.tracks().top1(), e.tracks().top3(), e.tracks().macroF1(), e.windows().top1(), e.windows().top3()));
    }

    private static void row(StringBuilder md, String level, Metrics m) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f |%n", level, m.n(), m.top1(), m.top3(),
                m.macroF1()));
    }
}
