package org.genrevamp.trainer.command;

import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.console.Progress;
import org.genrevamp.trainer.console.Results;
import org.genrevamp.trainer.dataset.Dataset;
import org.genrevamp.trainer.dataset.FolderDataset;
import org.genrevamp.trainer.dataset.LabelledFile;
import org.genrevamp.trainer.dataset.SkippedFile;
import org.genrevamp.trainer.features.LogMelExtractor;
import org.genrevamp.trainer.report.Evaluation;
import org.genrevamp.trainer.report.FigurePrinter;
import org.genrevamp.trainer.report.ReportWriter;
import org.genrevamp.trainer.report.ScoredWindow;
import org.genrevamp.trainer.scratch.WindowPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.GenreModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code evaluate}: scores a bundle on a folder-per-genre directory of audio, straight from the
 * files (no cache), with the bundle's own spectrogram config and window length. Every file is cut
 * into consecutive non-overlapping windows; a file shorter than one window is looped to one window
 * (as the plugin does); a track's prediction is the mean of its windows.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores a model bundle on a folder-per-genre directory of audio.",
                "Folder names are the bundle's genres; other folders are ignored. Prints window- and track-level",
                "top-1, top-3, macro-F1 and the confusion matrix, and writes them to --json. Deterministic: no seed."})
public final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "model bundle (.zip), or the name of a bundled model")
    String model;

    @Option(names = "--data", required = true, description = "folder-per-genre directory of wav/au/mp3 files")
    Path data;

    @Option(names = "--json", description = "write the figures to this JSON file")
    Path json;

    @Option(names = "--batch", description = "windows per forward pass (default: ${DEFAULT-VALUE})")
    int batch = 64;

    @Override
    public Integer call() throws Exception {
        GenreModel bundle = GenreModels.loadFileOrBundled(model);
        List<String> labels = bundle.labels();
        Dataset dataset = FolderDataset.scan(data, new HashSet<>(labels));
        if (dataset.files().isEmpty()) {
            throw new IllegalArgumentException("no audio files in folders named after the bundle's genres " + labels
                    + " under " + data);
        }
        LogMelExtractor extractor = new LogMelExtractor(bundle.melConfig());
        List<ScoredWindow> scored = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>(dataset.skipped());
        int window = bundle.windowFrames();
        try (ProgressBar bar = Progress.bar("evaluate", dataset.files().size(), "files")) {
            for (LabelledFile file : dataset.files()) {
                bar.step();
                float[][] frames;
                try {
                    frames = extractor.extract(file.file());
                } catch (Exception e) {
                    Log.warn("skipping " + file.file() + ": " + e.getMessage());
                    skipped.add(new SkippedFile(file.file().toString(), String.valueOf(e.getMessage())));
                    continue;
                }
                int truth = labels.indexOf(file.genre());
                List<float[][]> cut = WindowPlan.tilesOrLooped(frames, window);
                for (int from = 0; from < cut.size(); from += batch) {
                    float[][][] windows = cut.subList(from, Math.min(cut.size(), from + batch)).toArray(new float[0][][]);
                    float[][] probabilities = bundle.predict(windows);
                    for (float[] p : probabilities) {
                        scored.add(new ScoredWindow(file.trackId(), truth, p));
                    }
                }
            }
        }
        if (scored.isEmpty()) {
            throw new IllegalArgumentException("no file could be scored (" + skipped.size() + " skipped)");
        }
        Evaluation evaluation = Evaluation.of(scored, labels);
        Results.out().println(FigurePrinter.line("windows", evaluation.windows()));
        Results.out().println(FigurePrinter.line("tracks", evaluation.tracks()));
        Results.out().println("confusion (windows):");
        Results.out().print(FigurePrinter.confusion(evaluation.windows()));
        Results.out().println("skipped files: " + skipped.size());
        if (json != null) {
            ReportWriter.JSON.writeValue(json.toFile(), toJson(evaluation, skipped, bundle));
        }
        return 0;
    }

    private static Map<String, Object> toJson(Evaluation evaluation, List<SkippedFile> skipped, GenreModel bundle) {
        Map<String, Object> out = new LinkedHashMap<>(evaluation.windows().asJson());
        out.put("architecture", bundle.architecture());
        out.put("windowSeconds", bundle.windowSeconds());
        out.put("tracks", evaluation.tracks().asJson());
        out.put("skipped", skipped);
        return out;
    }
}
