package org.genrevamp.trainer.command;

import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.console.Results;
import org.genrevamp.trainer.dataset.SplitPart;
import org.genrevamp.trainer.report.FigurePrinter;
import org.genrevamp.trainer.report.RunSummary;
import org.genrevamp.trainer.scratch.RunFinisher;
import org.genrevamp.trainer.scratch.SpectrogramCache;
import org.genrevamp.trainer.scratch.TrainSettings;
import org.genrevamp.trainer.scratch.Trainer;
import org.genrevamp.trainer.scratch.TrainingData;
import org.genrevamp.trainer.scratch.TrainingState;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrevamp.model.bundle.Architecture;
import org.genrevamp.trainer.transfer.CrossValidation;
import org.genrevamp.trainer.transfer.CvReport;
import org.genrevamp.trainer.transfer.TransferReport;
import org.genrevamp.trainer.transfer.TransferSettings;
import org.genrevamp.trainer.transfer.TransferTraining;
import org.genrevamp.model.scratch.TrainingOptions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: cache -> checkpoints -> best network scored on the test split -> bundle + report. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a network on a prepared cache and writes its bundle and report.",
                "Seeded track-disjoint split stratified by genre, early stopping on validation loss, a checkpoint",
                "every epoch (--resume continues an interrupted run). Then scores the test split and writes",
                "OUT/model.zip (bundle with model card) and OUT/report/ (report.md, PNG curves, report.json).",
                "Files shorter than one window are left out (counted in the report)."})
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--cache", description = "cache directory from prepare (default: ${DEFAULT-VALUE})")
    Path cache = Path.of("genre-cache");

    @Option(names = "--out", description = "run directory (default: runs/<arch>)")
    Path out;

    @Option(names = "--name", description = "model name in the report (default: the architecture)")
    String name;

    @Option(names = "--arch", description = "cnn, crnn or parallel (default: ${DEFAULT-VALUE})")
    String architecture = "cnn";

    @Option(names = "--window-seconds", description = "window length in seconds (default: ${DEFAULT-VALUE})")
    double windowSeconds = 2.0;

    @Option(names = "--epochs", description = "maximum epochs (default: ${DEFAULT-VALUE})")
    int epochs = 30;

    @Option(names = "--batch", description = "windows per update (default: ${DEFAULT-VALUE})")
    int batch = 32;

    @Option(names = "--patience", description = "epochs without better validation loss before stopping (default: ${DEFAULT-VALUE})")
    int patience = 6;

    @Option(names = "--seed", description = "seed of split, initialisation, dropout and crops (default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--updater", description = "adam or nesterovs (default: ${DEFAULT-VALUE})")
    String updater = "adam";

    @Option(names = "--lr", description = "learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = 1e-3;

    @Option(names = "--momentum", description = "Nesterov momentum (default: ${DEFAULT-VALUE})")
    double momentum = 0.9;

    @Option(names = "--dropout", description = "share of activations dropped before dense layers (default: ${DEFAULT-VALUE})")
    double dropout = 0.25;

    @Option(names = "--l2", description = "L2 weight decay (default: ${DEFAULT-VALUE})")
    double l2 = 1e-4;

    @Option(names = "--genres", split = ",", description = "genres to train on (default: all in the cache)")
    List<String> genres = List.of();

    @Option(names = "--official-split", description = "use the dataset's own split column (FMA set.split)")
    boolean officialSplit;

    @Option(names = "--validation", description = "share of each genre's tracks for validation (default: ${DEFAULT-VALUE})")
    double validation = 0.15;

    @Option(names = "--test", description = "share of each genre's tracks for test (default: ${DEFAULT-VALUE})")
    double test = 0.15;

    @Option(names = "--train-sample", description = "training windows scored each epoch for the curves (default: ${DEFAULT-VALUE})")
    int trainSample = 1000;

    @Option(names = "--subset", description = "NAME=g1,g2,...: also report the test figures among these genres only"
            + " (default: seed5=metal,classical,hiphop,country,reggae when present)")
    Map<String, String> subsets = new LinkedHashMap<>(Map.of("seed5", "metal,classical,hiphop,country,reggae"));

    @Option(names = "--resume", description = "continue the interrupted run in --out from its last checkpoint")
    boolean resume;

    @Option(names = "--backbone", split = ",", description = "train a genre head on these frozen pretrained taggers"
            + " (e.g. msd/crnn or msd/crnn,msd/fcn) instead of a network from scratch; reads --data, not --cache")
    List<String> backbones = List.of();

    @Option(names = {"--data", "--annotations"}, description = "with --backbone: folder of audio files with annotation"
            + " files beside them (Sonic Visualiser .csv/.svl, .lab, Audacity .txt, sonic-annotator csv), or one folder"
            + " per label (GTZAN layout), or both")
    Path data;

    /** With --backbone: an FMA dataset instead of --data (its tracks, labelled with their top-level genre). */
    @ArgGroup(exclusive = false)
    FmaOptions fma;

    @Option(names = "--rhythm", description = "with --backbone: the head also sees each window's tempo and metre"
            + " features (short-time tempogram of three bands' onset envelopes)")
    boolean rhythm;

    @Option(names = "--cv", description = "with --backbone: FOLDSxREPEATS, e.g. 3x5: repeated stratified cross-validation"
            + " by song instead of a test split (by artist with --split artist --artists FILE: whole artists dealt to"
            + " folds); the chosen head is then fitted on every song")
    String cv;

    @Option(names = "--pretrained", description = "with --backbone: folder of the pretrained networks (default: ${DEFAULT-VALUE})")
    Path pretrained = Path.of("../shared/data/pretrained");

    @Mixin
    SplitOptions splits = new SplitOptions();

    @Option(names = "--features", description = "with --backbone: what of each network the head sees: embedding, tags"
            + " or embedding+tags (default: ${DEFAULT-VALUE})")
    String features = "embedding+tags";

    @Option(names = "--augment", description = "with --backbone: augmented copies per training window (default: ${DEFAULT-VALUE})")
    int augment = 0;

    @Option(names = "--head-from", description = "with --backbone: keep the head of this transfer bundle (file or bundled"
            + " name; same backbones, features and labels) instead of fitting one on train + valid; the tag mapping is"
            + " still fitted and chosen as usual")
    String headFrom;

    @Option(names = "--head-epochs", description = "with --backbone: Adam steps per head fit (default: ${DEFAULT-VALUE})")
    int headEpochs = 300;

    @Override
    public Integer call() throws Exception {
        if (!backbones.isEmpty()) {
            return trainTransfer();
        }
        long start = System.nanoTime();
        Architecture arch = Architecture.fromId(architecture);
        TrainingOptions options = new TrainingOptions(seed,
                TrainingOptions.Updater.valueOf(updater.toUpperCase(Locale.ROOT)), learningRate, momentum, dropout, l2);
        TrainSettings settings = new TrainSettings(arch, windowSeconds, epochs, batch, patience, options, genres,
                officialSplit, validation, test, trainSample);
        Path runDir = out != null ? out : Path.of("runs", arch.id());
        SpectrogramCache opened = SpectrogramCache.open(cache);
        int windowFrames = settings.windowFrames(opened.header().melConfig().hopSeconds());
        TrainingData data = new TrainingData(opened, windowFrames, new HashSet<>(genres), officialSplit, validation,
                test, seed);
        Log.info(String.format(Locale.ROOT, "split: %d/%d/%d tracks, %d/%d/%d files (train/validation/test); %d files"
                        + " shorter than a window left out", data.trackCount(SplitPart.TRAIN),
                data.trackCount(SplitPart.VALIDATION), data.trackCount(SplitPart.TEST),
                data.entries(SplitPart.TRAIN).size(), data.entries(SplitPart.VALIDATION).size(),
                data.entries(SplitPart.TEST).size(), data.tooShort()));
        Trainer trainer = new Trainer(data, settings, runDir.resolve("checkpoints"));
        TrainingState state = trainer.run(resume);
        Map<String, List<String>> subsetGenres = new LinkedHashMap<>();
        subsets.forEach((k, v) -> subsetGenres.put(k, List.of(v.split(","))));
        RunSummary summary = RunFinisher.finish(name != null ? name : arch.id(), data, settings, state,
                trainer.bestCheckpoint(), subsetGenres, runDir, (System.nanoTime() - start) / 1e9);
        Results.out().println(FigurePrinter.summary(summary));
        Log.info("bundle: " + runDir.resolve(RunFinisher.BUNDLE) + ", report: " + runDir.resolve(RunFinisher.REPORT));
        return 0;
    }

    /** {@code --backbone}: frozen taggers + genre head (see {@link TransferTraining}). */
    private int trainTransfer() throws Exception {
        if ((data == null) == (fma == null)) {
            throw new IllegalArgumentException("--backbone needs either --data/--annotations (a folder of audio with"
                    + " annotation files, or one folder per label) or --fma-metadata and --fma-audio");
        }
        String modelName = name != null ? name : String.join("+", backbones).replace('/', '-');
        Path runDir = out != null ? out : Path.of("runs", modelName);
        Path cacheDir = cache.equals(Path.of("genre-cache")) ? runDir.resolve("embeddings") : cache;
        int folds = 0;
        int repeats = 0;
        if (cv != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)x(\\d+)").matcher(cv);
            if (!m.matches()) {
                throw new IllegalArgumentException("--cv takes FOLDSxREPEATS, e.g. 3x5, not '" + cv + "'");
            }
            folds = Integer.parseInt(m.group(1));
            repeats = Integer.parseInt(m.group(2));
        }
        TransferSettings settings = new TransferSettings(modelName, backbones, pretrained, data,
                fma == null ? null : fma.source(), splits.split,
                splits.splitDir(pretrained), splits.artists, cacheDir, runDir,
                org.genrevamp.model.transfer.Backbones.Features.fromId(features),
                augment, headEpochs, seed, genres, rhythm, folds, repeats);
        if (cv != null) {
            CvReport cvReport = new CrossValidation(settings).run();
            CrossValidation.Result best = cvReport.chosen();
            Results.out().printf(Locale.ROOT, "cross-validation %s, head %s: song top-1 %.3f ± %.3f, top-3 %.3f ± %.3f%n",
                    cv, best.head(), CrossValidation.mean(best.top1()), CrossValidation.std(best.top1()),
                    CrossValidation.mean(best.top3()), CrossValidation.std(best.top3()));
            Results.out().print(FigurePrinter.confusion(best.pooled().tracks()));
            Log.info("bundle: " + runDir.resolve("model.zip") + ", report: " + runDir.resolve("report"));
            return 0;
        }
        TransferTraining training = new TransferTraining(settings);
        if (headFrom != null) {
            org.genrevamp.model.bundle.GenreModel kept = org.genrevamp.model.GenreModels.loadFileOrBundled(headFrom);
            if (!(kept instanceof org.genrevamp.model.transfer.TransferModel t)) {
                throw new IllegalArgumentException("--head-from " + headFrom + " is not a transfer bundle");
            }
            training.keepHeadOf(t, java.nio.file.Path.of(headFrom).getFileName().toString());
        }
        TransferReport report = training.run();
        Results.out().println(FigurePrinter.line("test windows", report.test().windows()));
        Results.out().println(FigurePrinter.line("test tracks", report.test().tracks()));
        Results.out().print(FigurePrinter.confusion(report.test().tracks()));
        Log.info("bundle: " + runDir.resolve("model.zip") + ", report: " + runDir.resolve("report"));
        return 0;
    }
}
