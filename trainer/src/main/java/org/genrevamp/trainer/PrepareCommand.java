package org.genrevamp.trainer;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.genrevamp.dsp.MelConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code prepare}: dataset -> spectrogram cache (reused when config and file list are unchanged). */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = {"Decodes a dataset into a log-mel spectrogram cache.",
                "With --annotations: reads and checks the annotation files (regions become training windows,",
                "unlabelled gaps are ignored) and lists the regions; train --backbone reads the same folder.",
                "Scans a folder-per-genre or FMA dataset, computes every file's frames with the plugin's own",
                "LogMelSpectrogram (no top_db) and writes them into one memory-mapped file. Unreadable files are",
                "skipped and listed. An up-to-date cache is reused; one of another config or file list is rebuilt.",
                "Deterministic: no seed."})
final class PrepareCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--data", description = "folder-per-genre dataset (GTZAN layout; subfolders are scanned)")
        Path folder;

        @ArgGroup(exclusive = false)
        Fma fma;

        @Option(names = "--annotations", description = "folder of audio files with annotation files beside them (Sonic"
                + " Visualiser .csv/.svl layer exports, .lab, Audacity .txt, sonic-annotator csv; matched by file stem),"
                + " and/or one folder per label: checks every annotation and writes the labelled regions to"
                + " CACHE/regions.csv for train --backbone --annotations")
        Path annotations;
    }

    static final class Fma {
        @Option(names = "--fma-metadata", required = true, description = "FMA fma_metadata folder (tracks.csv, genres.csv)")
        Path metadata;

        @Option(names = "--fma-audio", required = true, description = "FMA audio folder (NNN/NNNNNN.mp3)")
        Path audio;

        @Option(names = "--fma-subset", description = "keep only this set.subset (small, medium, large)")
        String subset;
    }

    @Option(names = "--cache", description = "cache directory (default: ${DEFAULT-VALUE})")
    Path cache = Path.of("genre-cache");

    @Option(names = "--genres", split = ",", description = "genres to keep (default: all)")
    List<String> genres = List.of();

    @Option(names = "--threads", description = "decoding threads (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Mixin
    SpectrogramOptions spectrogram;

    @Override
    public Integer call() throws Exception {
        if (source.annotations != null) {
            return AnnotationSummary.write(source.annotations, new HashSet<>(genres), cache);
        }
        MelConfig config = spectrogram.toConfig();
        Dataset dataset = source.folder != null
                ? FolderDataset.scan(source.folder, new HashSet<>(genres))
                : FmaDataset.load(source.fma.metadata, source.fma.audio, source.fma.subset, new HashSet<>(genres));
        Log.info("dataset: " + dataset.files().size() + " files, " + dataset.genres().size() + " genres "
                + dataset.genres() + ", " + dataset.skipped().size() + " skipped while scanning");
        dataset.skipped().forEach(s -> Log.warn("skipped " + s.file() + ": " + s.reason()));
        if (dataset.files().isEmpty()) {
            throw new IllegalArgumentException("no audio files found");
        }
        String hash = SpectrogramCache.fileListHash(dataset.files());
        Optional<SpectrogramCache> current = SpectrogramCache.openIfCurrent(cache, config, hash);
        SpectrogramCache built = current.isPresent() ? current.get()
                : SpectrogramCache.build(cache, config, dataset, new LogMelExtractor(config), 1, threads);
        if (current.isPresent()) {
            Log.info("cache " + cache + " is up to date: reused");
        }
        SpectrogramCache.Header h = built.header();
        Results.out().printf("cache %s: %d files, %d frames (%.1f s of audio), %d skipped%n", cache, h.files(),
                h.totalFrames(), h.totalFrames() * config.hopSeconds(), h.skipped().size());
        return 0;
    }
}
