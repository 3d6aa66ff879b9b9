package org.genrevamp.trainer.scratch;

import org.genrevamp.trainer.console.PeakMemory;
import org.genrevamp.trainer.dataset.SplitPart;
import org.genrevamp.trainer.report.EpochRecord;
import org.genrevamp.trainer.report.Evaluation;
import org.genrevamp.trainer.report.ReportWriter;
import org.genrevamp.trainer.report.RunSummary;
import org.genrevamp.trainer.report.ScoredWindow;
import org.genrevamp.trainer.report.SubsetScores;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.bundle.BundleMetadata;
import org.genrevamp.model.scratch.ModelBundle;

/**
 * After training: scores the best network on the validation and test splits (window and track
 * level, plus genre subsets), writes the model bundle with its model card, and the report.
 */
public final class RunFinisher {
    public static final String BUNDLE = "model.zip";
    public static final String REPORT = "report";
    static final String SPLIT = "split.csv";

    private RunFinisher() {
    }

    /** Which side every track is on (track, genre, side), so the test set can be rebuilt from audio. */
    private static void writeSplit(Path file, TrainingData data) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader("track", "genre", "side").build()
                     .print(writer)) {
            Map<String, String> tracks = new TreeMap<>();
            for (SplitPart part : SplitPart.values()) {
                for (int i : data.entries(part)) {
                    SpectrogramCache.Entry e = data.cache().entries().get(i);
                    tracks.put(e.trackId(), e.genre());
                }
            }
            for (Map.Entry<String, String> t : tracks.entrySet()) {
                printer.printRecord(t.getKey(), t.getValue(),
                        data.split().partOf(t.getKey()).name().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** Two decimals are plenty for timings and memory in a report. */
    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    public static RunSummary finish(String name, TrainingData data, TrainSettings settings, TrainingState state,
                             ComputationGraph best, Map<String, List<String>> subsets, Path runDir,
                             double seconds) throws IOException {
        var normaliser = data.normaliser();
        var entries = data.cache().entries();
        List<ScoredWindow> test = GraphScorer.score(best, settings.architecture(), normaliser, data,
                WindowPlan.tiles(entries, data.entries(SplitPart.TEST), data.windowFrames()));
        List<ScoredWindow> validation = GraphScorer.score(best, settings.architecture(), normaliser, data,
                WindowPlan.tiles(entries, data.entries(SplitPart.VALIDATION), data.windowFrames()));
        Map<String, Evaluation> subsetFigures = new LinkedHashMap<>();
        subsets.forEach((subsetName, genres) -> {
            if (data.labels().containsAll(genres)) {
                subsetFigures.put(subsetName, SubsetScores.evaluate(test, data.labels(), genres));
            }
        });
        MelConfig config = data.cache().header().melConfig();
        Map<String, Object> dataFacts = new LinkedHashMap<>();
        // the folder's name only: an absolute path says nothing on another machine (and leaks /tmp into cards)
        dataFacts.put("cache", String.valueOf(data.cache().dir().toAbsolutePath().getFileName()));
        dataFacts.put("cacheFiles", data.cache().header().files());
        dataFacts.put("skippedWhilePreparing", data.cache().header().skipped().size());
        dataFacts.put("shorterThanOneWindow", data.tooShort());
        dataFacts.put("split", settings.officialSplit() ? "official (dataset's split column)"
                : String.format(Locale.ROOT, "random by track, stratified by genre, seed %d, validation %.2f,"
                + " test %.2f", settings.options().seed(), settings.validationFraction(), settings.testFraction()));
        for (SplitPart part : SplitPart.values()) {
            String side = part.name().toLowerCase(Locale.ROOT);
            dataFacts.put(side + "Tracks", data.trackCount(part));
            dataFacts.put(side + "Files", data.entries(part).size());
            dataFacts.put(side + "Windows", WindowPlan.tiles(entries, data.entries(part), data.windowFrames()).size());
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("options", settings.options().toString());
        training.put("batchSize", settings.batchSize());
        training.put("epochsRun", state.epochsDone());
        training.put("maxEpochs", settings.epochs());
        training.put("patience", settings.patience());
        training.put("bestEpoch", state.bestEpoch());
        training.put("stoppedEarly", state.stoppedEarly());
        training.put("secondsPerEpoch",
                round(state.history().stream().mapToDouble(EpochRecord::seconds).average().orElse(0)));
        training.put("windowsPerSecond", round(state.history().stream().mapToDouble(EpochRecord::examplesPerSecond)
                .average().orElse(0)));
        training.put("fitSecondsAllEpochs", round(state.history().stream().mapToDouble(EpochRecord::seconds).sum()));
        training.put("lastTrainCommandWallSeconds", round(seconds));
        // the training sessions' peak (a resumed run's finish may be a short separate process)
        training.put("peakRssMiB", round(Math.max(state.peakRssMiB(), PeakMemory.peakRssMiB())));
        training.put("ompNumThreads", String.valueOf(System.getenv("OMP_NUM_THREADS")));
        RunSummary summary = new RunSummary(name, settings.architecture().id(), best.numParams(), data.labels(),
                data.windowFrames() * config.hopSeconds(), data.windowFrames(), config, dataFacts, training,
                state.history(), Evaluation.of(test, data.labels()), Evaluation.of(validation, data.labels()),
                subsetFigures);
        Map<String, Object> card = ReportWriter.JSON.convertValue(summary, Map.class);
        card.remove("history");
        BundleMetadata metadata = new BundleMetadata(settings.architecture(), config, data.labels(), Map.of(),
                data.windowFrames(), normaliser, card);
        ModelBundle.create(best, metadata).save(runDir.resolve(BUNDLE));
        ReportWriter.write(runDir.resolve(REPORT), summary);
        writeSplit(runDir.resolve(REPORT).resolve(SPLIT), data);
        return summary;
    }
}
