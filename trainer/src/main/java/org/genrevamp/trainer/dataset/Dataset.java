package org.genrevamp.trainer.dataset;

import java.util.List;
import java.util.TreeSet;

/**
 * The usable files of a dataset and the ones that were skipped while scanning it.
 *
 * @param files   usable files, in a deterministic order
 * @param skipped files left out, with the reason
 */
public record Dataset(List<LabelledFile> files, List<SkippedFile> skipped) {
    public Dataset {
        files = List.copyOf(files);
        skipped = List.copyOf(skipped);
    }

    /** The genres present, sorted: the label order of a model trained on this dataset. */
    public List<String> genres() {
        TreeSet<String> genres = new TreeSet<>();
        files.forEach(f -> genres.add(f.genre()));
        return List.copyOf(genres);
    }
}
