package org.genrevamp.trainer.scratch;

import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.console.PeakMemory;
import org.genrevamp.trainer.console.Progress;
import org.genrevamp.trainer.dataset.SplitPart;
import org.genrevamp.trainer.report.EpochRecord;
import org.genrevamp.trainer.report.Metrics;
import org.genrevamp.trainer.report.ScoredWindow;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.genrevamp.model.scratch.Architectures;
import org.genrevamp.model.scratch.FeatureLayout;
import org.genrevamp.model.bundle.MelNormaliser;

/**
 * Trains one network on a cache:
 * <ol>
 *   <li>split the tracks (seeded, stratified, track-disjoint) and fit the normaliser on the training side;</li>
 *   <li>each epoch, fit random crops of the training files (as many per file as it holds windows);</li>
 *   <li>score a fixed sample of training windows and every validation window in inference mode;</li>
 *   <li>save {@code last.zip} (with updater state) and {@code state.json}; keep {@code best.zip} at the
 *       lowest validation loss; stop when it has not improved for {@code patience} epochs.</li>
 * </ol>
 * A run directory with a {@code state.json} is resumed from its last finished epoch.
 */
public final class Trainer {
    static final String STATE = "state.json";
    static final String LAST = "last.zip";
    static final String BEST = "best.zip";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TrainingData data;
    private final TrainSettings settings;
    private final Path checkpoints;

    public Trainer(TrainingData data, TrainSettings settings, Path checkpoints) {
        this.data = data;
        this.settings = settings;
        this.checkpoints = checkpoints;
    }

    /**
     * Runs (or resumes) training until the epoch budget or patience is spent.
     *
     * @param resume continue the run saved in the checkpoint directory
     * @return the final state; the best network is in {@link #bestCheckpoint()}
     * @throws IOException when checkpoints cannot be written, or on resuming a run with other settings
     */
    public TrainingState run(boolean resume) throws IOException {
        Files.createDirectories(checkpoints);
        String cacheHash = data.cache().header().fileListHash();
        TrainingState state;
        ComputationGraph graph;
        Path stateFile = checkpoints.resolve(STATE);
        if (resume && Files.isRegularFile(stateFile)) {
            state = JSON.readValue(stateFile.toFile(), TrainingState.class);
            if (!state.fingerprint().equals(settings.fingerprint()) || !state.cacheHash().equals(cacheHash)) {
                throw new IOException("cannot resume " + checkpoints + ": it was trained with other settings or data ("
                        + state.fingerprint() + ")");
            }
            graph = ModelSerializer.restoreComputationGraph(checkpoints.resolve(LAST).toFile(), true);
            Log.info("resuming after epoch " + state.epochsDone() + " (best so far: epoch " + state.bestEpoch() + ")");
        } else {
            if (Files.isRegularFile(stateFile)) {
                throw new IOException(checkpoints + " already holds a training run: pass --resume, or another --out");
            }
            state = TrainingState.start(settings.fingerprint(), cacheHash);
            graph = Architectures.build(settings.architecture(), data.windowFrames(), data.cache().melBands(),
                    data.labels().size(), settings.options());
        }
        Log.info(settings.architecture().id() + ": " + graph.numParams() + " parameters, " + data.labels().size()
                + " genres, windows of " + data.windowFrames() + " frames");
        MelNormaliser normaliser = data.normaliser();
        List<WindowPlan.Window> validation = WindowPlan.tiles(data.cache().entries(), data.entries(SplitPart.VALIDATION),
                data.windowFrames());
        List<WindowPlan.Window> trainSample = trainingSample();
        while (state.epochsDone() < settings.epochs() && !state.stoppedEarly()) {
            int epoch = state.epochsDone() + 1;
            EpochRecord record = epoch(graph, normaliser, epoch, validation, trainSample);
            state = state.after(record, settings.patience(), PeakMemory.peakRssMiB());
            saveAtomically(graph, checkpoints.resolve(LAST), true);
            if (state.bestEpoch() == epoch) {
                saveAtomically(graph, checkpoints.resolve(BEST), false);
            }
            Path tmp = checkpoints.resolve(STATE + ".tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Log.info(String.format(Locale.ROOT,
                    "epoch %d: fit loss %.4f | train loss %.4f top-1 %.3f | validation loss %.4f top-1 %.3f | %.1f s,"
                            + " %.1f windows/s%s", epoch, record.fitLoss(), record.trainLoss(), record.trainTop1(),
                    record.validationLoss(), record.validationTop1(), record.seconds(), record.examplesPerSecond(),
                    state.bestEpoch() == epoch ? " (best)" : ""));
        }
        if (state.stoppedEarly()) {
            Log.info("stopped early: validation loss has not improved since epoch " + state.bestEpoch());
        }
        return state;
    }

    /** The network of the epoch with the lowest validation loss. */
    public ComputationGraph bestCheckpoint() throws IOException {
        return ModelSerializer.restoreComputationGraph(checkpoints.resolve(BEST).toFile(), false);
    }

    private EpochRecord epoch(ComputationGraph graph, MelNormaliser normaliser, int epoch,
                              List<WindowPlan.Window> validation, List<WindowPlan.Window> trainSample) {
        // one generator per epoch, derived from the seed: a resumed run sees the same crops
        Random random = new Random(settings.options().seed() * 1_000_003L + epoch);
        List<WindowPlan.Window> crops = WindowPlan.randomCrops(data.cache().entries(), data.entries(SplitPart.TRAIN),
                data.windowFrames(), random);
        WindowReader reader = new WindowReader(data.cache(), data.windowFrames());
        double lossSum = 0;
        long start = System.nanoTime();
        try (ProgressBar bar = Progress.bar("epoch " + epoch, crops.size(), "windows")) {
            for (int from = 0; from < crops.size(); from += settings.batchSize()) {
                int to = Math.min(crops.size(), from + settings.batchSize());
                int[] labels = new int[to - from];
                for (int i = from; i < to; i++) {
                    labels[i - from] = data.labelOf(crops.get(i).entry());
                }
                graph.fit(FeatureLayout.dataSet(settings.architecture(), reader.read(crops, from, to), labels,
                        data.labels().size(), normaliser));
                lossSum += graph.score() * (to - from);
                bar.stepBy(to - from);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ScoredWindow> train = GraphScorer.score(graph, settings.architecture(), normaliser, data, trainSample);
        List<ScoredWindow> val = GraphScorer.score(graph, settings.architecture(), normaliser, data, validation);
        return new EpochRecord(epoch, lossSum / Math.max(1, crops.size()), GraphScorer.crossEntropy(train),
                top1(train), GraphScorer.crossEntropy(val), top1(val), seconds, crops.size() / seconds);
    }

    /** Up to {@code trainSample} tiled training windows, chosen once with the seed. */
    private List<WindowPlan.Window> trainingSample() {
        List<WindowPlan.Window> all = new ArrayList<>(WindowPlan.tiles(data.cache().entries(),
                data.entries(SplitPart.TRAIN), data.windowFrames()));
        Collections.shuffle(all, new Random(settings.options().seed()));
        return List.copyOf(all.subList(0, Math.min(all.size(), settings.trainSample())));
    }

    private static double top1(List<ScoredWindow> scored) {
        int hits = 0;
        for (ScoredWindow w : scored) {
            hits += Metrics.argmax(w.probabilities()) == w.truth() ? 1 : 0;
        }
        return scored.isEmpty() ? 0 : (double) hits / scored.size();
    }

    private static void saveAtomically(ComputationGraph graph, Path target, boolean withUpdater) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        ModelSerializer.writeModel(graph, tmp.toFile(), withUpdater);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
