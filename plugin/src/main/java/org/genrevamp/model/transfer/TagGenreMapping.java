package org.genrevamp.model.transfer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.genrevamp.model.bundle.BundleException;

/**
 * Genre probabilities read off the taggers' own genre tags, fused with the head's. The taggers learnt
 * their tags from ~300k tracks, the head from a few hundred GTZAN clips; on whole real songs the head
 * leans to GTZAN's narrow idea of a genre, and the tags pull it back.
 * <p>
 * A genre's raw score is the mean of its tags' probabilities, a tag of a set that several backbones
 * share (msd/crnn and msd/fcn) first averaged over them; divided by the genre's normaliser (its mean raw
 * score over the training windows: some tags fire far more often than others) and normalised to a
 * distribution. {@link #fuse} takes the weighted geometric mean of the head's distribution and this one,
 * weight {@link #weight()} on the mapping, renormalised. Everything is read from the head's feature
 * vector, which holds each backbone's tag probabilities ({@link Backbones.Features#TAGS} or
 * {@link Backbones.Features#BOTH}). Immutable and thread-safe.
 */
public final class TagGenreMapping {

    /** Smallest probability taken into a logarithm: a tag probability may underflow to 0 in float. */
    static final double FLOOR = 1e-7;

    /**
     * A tag of one tagger's tag set.
     *
     * @param set  a {@link TagSource} id: {@code msd} or {@code jamendo}
     * @param name as {@link TagSource#tagNames()} writes it, e.g. {@code hip-hop}, {@code genre: classical}
     */
    public record Tag(String set, String name) {
        @Override
        public String toString() {
            return set + " '" + name + "'";
        }
    }

    /**
     * One genre of the mapping.
     *
     * @param label      the model's label
     * @param tags       at least one tag
     * @param normaliser the genre's mean raw score over the training windows, finite and > 0
     */
    public record Genre(String label, List<Tag> tags, double normaliser) {
        public Genre {
            tags = tags == null ? null : List.copyOf(tags);
        }
    }

    private final List<Genre> genres;       // in label order
    private final double weight;
    private final int[][][] columns;        // [genre][tag][feature columns averaged for that tag]

    /**
     * @param columns per genre, per tag, the feature columns whose mean is that tag's probability
     * @throws IllegalArgumentException on a bad weight or normaliser, or shapes that disagree
     */
    TagGenreMapping(List<Genre> genres, double weight, int[][][] columns) {
        require(Double.isFinite(weight) && weight >= 0 && weight <= 1,
                "the weight on the mapping must be a number from 0 to 1, got " + weight);
        require(genres.size() == columns.length, "one column list per genre");
        for (int g = 0; g < genres.size(); g++) {
            Genre genre = genres.get(g);
            require(Double.isFinite(genre.normaliser()) && genre.normaliser() > 0,
                    "genre '" + genre.label() + "' has normaliser " + genre.normaliser() + ", must be finite and > 0");
            require(columns[g].length == genre.tags().size() && columns[g].length > 0,
                    "genre '" + genre.label() + "' needs at least one tag");
            for (int[] c : columns[g]) {
                require(c.length > 0, "genre '" + genre.label() + "': a tag with no feature column");
            }
        }
        this.genres = List.copyOf(genres);
        this.weight = weight;
        this.columns = columns;
    }

    /**
     * The mapping of {@code genres} onto {@code backbones}' feature vector, for a model with {@code labels}.
     *
     * @throws IllegalArgumentException with a message naming the offending entry: a genre not among the
     *         labels, a label without a genre, a tag set that no backbone's tags in the features come from,
     *         a tag the set does not have, a repeated tag, a bad normaliser or weight
     */
    public static TagGenreMapping resolve(List<Genre> genres, double weight, Backbones backbones, List<String> labels) {
        require(genres != null && !genres.isEmpty(), "no genres");
        List<Genre> ordered = new ArrayList<>();
        for (String label : labels) {
            List<Genre> matching = genres.stream().filter(g -> label.equals(g.label())).toList();
            require(matching.size() == 1, matching.isEmpty() ? "the model's label '" + label + "' has no genre entry"
                    : "genre '" + label + "' is listed " + matching.size() + " times");
            ordered.add(matching.get(0));
        }
        for (Genre g : genres) {
            require(labels.contains(g.label()), "genre '" + g.label() + "' is not one of the model's labels " + labels);
        }
        int[][][] columns = new int[ordered.size()][][];
        for (int g = 0; g < ordered.size(); g++) {
            Genre genre = ordered.get(g);
            require(genre.tags() != null && !genre.tags().isEmpty(), "genre '" + genre.label() + "' needs at least one tag");
            Set<Tag> seen = new HashSet<>();
            columns[g] = new int[genre.tags().size()][];
            for (int t = 0; t < columns[g].length; t++) {
                Tag tag = genre.tags().get(t);
                require(tag != null && seen.add(tag), "genre '" + genre.label() + "' lists " + tag + " twice");
                columns[g][t] = columnsOf(tag, genre.label(), backbones);
            }
        }
        return new TagGenreMapping(ordered, weight, columns);
    }

    /** The tag's column in each backbone of its set whose tags the features hold. */
    private static int[] columnsOf(Tag tag, String genre, Backbones backbones) {
        TagSource source = TagSource.of(tag.set());
        require(source != null, "genre '" + genre + "': unknown tag set '" + tag.set() + "' (known: " + TagSource.ids() + ")");
        int index;
        try {
            index = source.tagNames().indexOf(tag.name());
        } catch (BundleException e) {
            throw new IllegalArgumentException("tag mapping: " + e.getMessage(), e);
        }
        require(index >= 0, "genre '" + genre + "': " + tag + " is not a tag of " + tag.set());
        List<Integer> found = new ArrayList<>();
        List<String> names = backbones.names();
        for (int b = 0; b < names.size(); b++) {
            int column = names.get(b).startsWith(tag.set() + "/") ? backbones.tagColumn(b, index) : -1;
            if (column >= 0) {
                found.add(column);
            }
        }
        require(!found.isEmpty(), "genre '" + genre + "': " + tag + " comes from no backbone whose tags the head sees ("
                + names + ", features " + backbones.featureKind().id() + ")");
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The same tags with other normalisers (in label order) and weight. */
    public TagGenreMapping calibrated(double[] normalisers, double weight) {
        require(normalisers.length == genres.size(), "one normaliser per genre");
        List<Genre> out = new ArrayList<>();
        for (int g = 0; g < genres.size(); g++) {
            out.add(new Genre(genres.get(g).label(), genres.get(g).tags(), normalisers[g]));
        }
        return new TagGenreMapping(out, weight, columns);
    }

    /** Per genre (label order) the mean of its tags' probabilities, before the normaliser. */
    public double[] rawScores(float[] features) {
        double[] s = new double[genres.size()];
        for (int g = 0; g < s.length; g++) {
            double sum = 0;
            for (int[] tag : columns[g]) {
                double p = 0;
                for (int c : tag) {
                    p += features[c];
                }
                sum += p / tag.length;
            }
            s[g] = sum / columns[g].length;
        }
        return s;
    }

    /** The mapping's own distribution over the genres (label order). */
    public float[] distribution(float[] features) {
        double[] s = rawScores(features);
        double total = 0;
        for (int g = 0; g < s.length; g++) {
            s[g] = Math.max(FLOOR, s[g] / genres.get(g).normaliser());
            total += s[g];
        }
        float[] out = new float[s.length];
        for (int g = 0; g < s.length; g++) {
            out[g] = (float) (s[g] / total);
        }
        return out;
    }

    /**
     * The head's distribution fused with the mapping's: {@code head^(1-w) * mapping^w}, renormalised.
     *
     * @param head     the head's probabilities for {@code features}, one per genre
     * @param features the head's feature vector, holding the tag probabilities
     */
    public float[] fuse(float[] head, float[] features) {
        require(head.length == genres.size(), "the head gives " + head.length + " probabilities for " + genres.size() + " genres");
        float[] m = distribution(features);
        double[] log = new double[head.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < log.length; g++) {
            log[g] = (1 - weight) * Math.log(Math.max(FLOOR, head[g])) + weight * Math.log(Math.max(FLOOR, m[g]));
            max = Math.max(max, log[g]);
        }
        double total = 0;
        for (int g = 0; g < log.length; g++) {
            log[g] = Math.exp(log[g] - max);
            total += log[g];
        }
        float[] out = new float[log.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = (float) (log[g] / total);
        }
        return out;
    }

    /** The genres in label order, with their tags and normalisers. */
    public List<Genre> genres() {
        return genres;
    }

    /** Weight of the mapping in the fusion, 0 (head alone) to 1 (mapping alone). */
    public double weight() {
        return weight;
    }

    /** The genres' labels, in order. */
    public List<String> labels() {
        return genres.stream().map(Genre::label).toList();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("tag mapping: " + message);
        }
    }
}
