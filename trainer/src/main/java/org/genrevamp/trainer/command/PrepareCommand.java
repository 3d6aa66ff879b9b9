package org.genrevamp.trainer.command;

import org.genrevamp.trainer.annotations.AnnotationSummary;
import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.console.Results;
import org.genrevamp.trainer.dataset.Dataset;
import org.genrevamp.trainer.dataset.FolderDataset;
import org.genrevamp.trainer.features.LogMelExtractor;
import org.genrevamp.trainer.scratch.SpectrogramCache;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.trainer.batch.BackboneRef;
import org.genrevamp.trainer.batch.BatchJob;
import org.genrevamp.trainer.batch.BatchSpark;
import org.genrevamp.trainer.batch.SparkFeatures;
import org.genrevamp.trainer.transfer.TransferSettings;
import org.genrevamp.trainer.transfer.TransferTraining;
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
                "Deterministic: no seed.",
                "With --backbone: fills train --backbone's embedding caches (and the rhythm cache) of --data or",
                "--annotations instead, with the split and augmented copies train --backbone would ask for; with",
                "--master on Apache Spark (each executor loads the networks once), merged into the caches file by",
                "file on this machine. A rerun computes only what is missing."})
public final class PrepareCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--data", description = "folder-per-genre dataset (GTZAN layout; subfolders are scanned)")
        Path folder;

        @ArgGroup(exclusive = false)
        FmaOptions fma;

        @Option(names = "--annotations", description = "folder of audio files with annotation files beside them (Sonic"
                + " Visualiser .csv/.svl layer exports, .lab, Audacity .txt, sonic-annotator csv; matched by file stem),"
                + " and/or one folder per label: checks every annotation and writes the labelled regions to"
                + " CACHE/regions.csv for train --backbone --annotations")
        Path annotations;
    }

    @Option(names = "--cache", description = "cache directory (default: ${DEFAULT-VALUE})")
    Path cache = Path.of("genre-cache");

    @Option(names = "--genres", split = ",", description = "genres to keep (default: all)")
    List<String> genres = List.of();

    @Option(names = "--threads", description = "decoding threads (default: ${DEFAULT-VALUE})")
    int threads = 1;

    @Mixin
    SpectrogramOptions spectrogram;

    @Option(names = "--backbone", split = ",", description = "fill the embedding caches of these pretrained taggers"
            + " (as train --backbone does) instead of a spectrogram cache")
    List<String> backbones = List.of();

    @Option(names = "--pretrained", description = "with --backbone: folder of the pretrained networks (default: ${DEFAULT-VALUE})")
    Path pretrained = Path.of("../shared/data/pretrained");

    @Option(names = "--augment", description = "with --backbone: augmented copies per training window (default: ${DEFAULT-VALUE})")
    int augment = 0;

    @Option(names = "--seed", description = "with --backbone: seed of split and augmentation (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Mixin
    SplitOptions splits = new SplitOptions();

    @Option(names = "--master", description = "with --backbone: run on Apache Spark at this master: local[N], local[*],"
            + " spark://HOST:PORT (default: here, without Spark)")
    String master;

    @Option(names = "--files-per-task", description = "with --master: files per Spark task (default: ${DEFAULT-VALUE})")
    int filesPerTask = BatchJob.DEFAULT_FILES_PER_TASK;

    @Override
    public Integer call() throws Exception {
        if (!backbones.isEmpty()) {
            return fillEmbeddingCaches();
        }
        if (source.annotations != null) {
            return AnnotationSummary.write(source.annotations, new HashSet<>(genres), cache);
        }
        MelConfig config = spectrogram.toConfig();
        Dataset dataset = source.folder != null
                ? FolderDataset.scan(source.folder, new HashSet<>(genres))
                : source.fma.source().load(new HashSet<>(genres));
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

    /** {@code --backbone}: the caches train --backbone reads, computed here or on Spark. */
    private int fillEmbeddingCaches() throws Exception {
        Path data = source.annotations != null ? source.annotations : source.folder;
        TransferSettings settings = new TransferSettings(String.join("+", backbones), backbones, pretrained, data,
                source.fma == null ? null : source.fma.source(), splits.split,
                splits.splitDir(pretrained), splits.artists, cache, null,
                Backbones.Features.BOTH, augment, 0, seed, genres, false, 0, 0);
        TransferTraining training = new TransferTraining(settings);
        int rows;
        if (master == null) {
            rows = training.fillCaches(null);
        } else {
            SparkSession spark = BatchSpark.start(master, Map.of("spark.app.name", "genre-vamp prepare"));
            try {
                BackboneRef ref = new BackboneRef(pretrained.toAbsolutePath().toString(), backbones, Backbones.Features.BOTH.id());
                rows = training.fillCaches(new SparkFeatures(spark, ref, filesPerTask));
            } finally {
                spark.stop();
            }
        }
        Results.out().printf("embedding caches of %s in %s: %d rows each%n", backbones, cache, rows);
        return 0;
    }
}
