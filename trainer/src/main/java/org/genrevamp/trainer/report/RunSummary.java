package org.genrevamp.trainer.report;

import java.util.List;
import java.util.Map;
import org.genrevamp.dsp.MelConfig;

/**
 * Every figure of a training run, as written to {@code report.json} and into the bundle's model card.
 *
 * @param name          run name (bundle / report name)
 * @param architecture  network family id
 * @param parameters    trainable parameters
 * @param labels        genres in output order
 * @param windowSeconds window length in seconds
 * @param windowFrames  window length in frames
 * @param melConfig     spectrogram config
 * @param data          dataset and split description (files, tracks and windows per side, skipped files)
 * @param training      options, epochs, timing and memory figures
 * @param history       per-epoch curves
 * @param test          test-split figures, window and track level
 * @param validation    validation-split figures of the chosen epoch
 * @param subsets       figures restricted to genre subsets (e.g. the 5-genre seed subset), by name
 */
public record RunSummary(String name, String architecture, long parameters, List<String> labels, double windowSeconds,
                         int windowFrames, MelConfig melConfig, Map<String, Object> data, Map<String, Object> training,
                         List<EpochRecord> history, Evaluation test, Evaluation validation,
                         Map<String, Evaluation> subsets) {
}
