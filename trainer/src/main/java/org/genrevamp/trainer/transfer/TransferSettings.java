package org.genrevamp.trainer.transfer;

import java.nio.file.Path;
import java.util.List;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.trainer.dataset.FmaSource;

/**
 * What {@code train --backbone} was asked to do.
 *
 * @param name       model name for the card and report
 * @param backbones  pretrained networks by folder name under {@code pretrained}, e.g. {@code msd/crnn}
 * @param pretrained folder holding {@code <name>/best_model.pth} and {@code LICENSE}
 * @param data       folder of annotated audio and/or one folder per label; null when {@code fma} is given
 * @param fma        an FMA dataset (its tracks as whole-file regions of their top-level genre), or null
 * @param split      {@code fault-filtered} (GTZAN's artist-filtered lists in {@code splitDir}),
 *                   {@code artist} (seeded, artist-disjoint, from {@code artists}) or {@code random}
 *                   (seeded track split stratified by genre: artists may overlap)
 * @param splitDir   folder of the fault-filtered lists
 * @param artists    with {@code split = artist}: file of {@code track<TAB>artist} lines ({@code ArtistSplit})
 * @param cache      embedding cache folder
 * @param out        run folder (bundle and report)
 * @param features   what of each network's output the head sees
 * @param augment    augmented copies of each training window (0 = none)
 * @param epochs     Adam steps per head fit
 * @param seed       seed of split, augmentation and head initialisation
 * @param genres     genres to keep (empty: all)
 * @param rhythm     whether the head also sees each window's rhythm features
 * @param cvFolds    with {@code cvRepeats > 0}: folds of the repeated stratified cross-validation by song (by
 *                   artist where {@code split = artist})
 * @param cvRepeats  0 = the split run; else repeats of the cross-validation, whose head is then fitted on every song
 */
public record TransferSettings(String name, List<String> backbones, Path pretrained, Path data, FmaSource fma, String split,
                               Path splitDir, Path artists, Path cache, Path out, Backbones.Features features, int augment, int epochs,
                               long seed, List<String> genres, boolean rhythm, int cvFolds, int cvRepeats) {

    /** What determines one backbone's cached outputs (embedding and tags per window). */
    String cacheKey(String backbone, int windowFrames, String outputConvention) {
        return "backbone=" + backbone + " windowFrames=" + windowFrames + " seed=" + seed
                + " front-end=torchaudioTagger outputs=" + (backbone.startsWith("rhythm") ? "rhythm" : "embedding+tags")
                + (outputConvention.isEmpty() ? "" : " " + outputConvention) + "\n";
    }

    /** The dataset as cards and reports name it: the data folder's name, or FMA and its subset (never a machine path). */
    String dataName() {
        return fma != null ? "FMA" + (fma.subset() != null ? " " + fma.subset() : "") + " (tracks.csv)"
                : data.getFileName().toString();
    }

    /** Where {@code --split artist} takes its artists from, as reports name it: the {@code --artists} file, else FMA's column. */
    String artistSource() {
        return artists != null ? artists.getFileName().toString() : "FMA's artist column";
    }
}
