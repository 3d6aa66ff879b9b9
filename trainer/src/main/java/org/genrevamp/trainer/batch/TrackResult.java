package org.genrevamp.trainer.batch;

import java.io.Serializable;
import java.util.List;

/**
 * One row of the batch output: a track annotated, or the reason it could not be.
 *
 * @param path         the audio file as listed in the input
 * @param duration     seconds, as the plugin's {@code track} feature spans them; null on error
 * @param genre        the track genre ({@code unknown} below the threshold); null on error
 * @param genreIndex   its index in the model's labels, -1 for unknown; null on error
 * @param trackLabel   the plugin's {@code track} label (top three genres); null on error
 * @param top3         the three most probable genres with their duration-weighted mean probabilities
 * @param segments     the plugin's {@code segments}, in time order
 * @param tags         when asked for, the msd tagger's 50 tags with their whole-file (duration-weighted)
 *                     means, most probable first, as the plugin's {@code tracktags} computes them; else null
 * @param model        the model's name as given
 * @param modelVersion {@link ModelRef#version()}
 * @param error        one line saying why the file was not annotated; null when it was
 * @param seconds      wall seconds its executor spent decoding and annotating it (the audio work,
 *                     against which a job's overhead is measured)
 */
public record TrackResult(String path, Double duration, String genre, Integer genreIndex, String trackLabel,
        List<Score> top3, List<Segment> segments, List<Score> tags, String model, String modelVersion,
        String error, double seconds) implements Serializable {

    /** A genre (or tag) and its score. */
    public record Score(String name, double score) implements Serializable {
    }

    /**
     * One genre region.
     *
     * @param probability mean probability of the genre over the region's windows (top probability when unknown)
     */
    public record Segment(double start, double end, int genreIndex, String genre, double probability)
            implements Serializable {
    }

    static TrackResult failed(String path, ModelRef model, String reason) {
        return new TrackResult(path, null, null, null, null, List.of(), List.of(), null, model.nameOrFile(),
                model.version(), reason, 0);
    }

    /** This row with the time spent on it. */
    TrackResult took(double wallSeconds) {
        return new TrackResult(path, duration, genre, genreIndex, trackLabel, top3, segments, tags, model, modelVersion,
                error, wallSeconds);
    }
}
