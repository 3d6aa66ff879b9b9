package org.genrevamp.trainer.transfer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.model.transfer.GenreHead;
import org.genrevamp.model.transfer.TagGenreMapping;
import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.report.Evaluation;
import org.genrevamp.trainer.report.ScoredWindow;

/**
 * The {@link TagGenreMapping} a transfer run fuses with its head: the built-in tags of the GTZAN genres
 * ({@value #BUILTIN}), their normalisers (each genre's mean raw score over the windows the head is
 * fitted on) and the weight on the mapping, chosen on the validation part by its cross-entropy, as the
 * head is ({@link HeadChoice}).
 */
final class TagFusion {

    static final String BUILTIN = "gtzan-tag-genres.tsv";
    /** Weights on the mapping tried on the validation part: 0 is the head alone, 1 the mapping alone. */
    static final double[] WEIGHTS = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

    /** One weight tried on the validation part. */
    record Trial(double weight, double validationTop1, double validationLoss) {
    }

    /**
     * @param mapping the chosen weight, normalisers from the training part
     * @param tried   every weight, in {@link #WEIGHTS} order
     */
    record Choice(TagGenreMapping mapping, List<Trial> tried) {
    }

    private TagFusion() {
    }

    /**
     * The built-in mapping onto {@code backbones} with unit normalisers and weight 0, or null (logged) when
     * it does not fit: other labels, no tags in the features, or a genre none of whose tags' sets the
     * backbones have. Tags of a set the backbones lack are left out.
     */
    static TagGenreMapping builtin(Backbones backbones, List<String> labels) throws IOException {
        if (backbones.featureKind() == Backbones.Features.EMBEDDING) {
            Log.info("tag mapping: none (the head sees no tag probabilities)");
            return null;
        }
        Map<String, List<TagGenreMapping.Tag>> tags = new LinkedHashMap<>();
        for (String[] line : builtinLines()) {
            boolean present = backbones.names().stream().anyMatch(n -> n.startsWith(line[1] + "/"));
            List<TagGenreMapping.Tag> list = tags.computeIfAbsent(line[0], g -> new ArrayList<>());
            if (present) {
                list.add(new TagGenreMapping.Tag(line[1], line[2]));
            }
        }
        if (!new java.util.HashSet<>(labels).equals(tags.keySet())) {
            Log.info("tag mapping: none (the built-in one names " + tags.keySet() + ", the labels are " + labels + ")");
            return null;
        }
        List<TagGenreMapping.Genre> genres = new ArrayList<>();
        for (Map.Entry<String, List<TagGenreMapping.Tag>> e : tags.entrySet()) {
            if (e.getValue().isEmpty()) {
                Log.info("tag mapping: none (no tag of '" + e.getKey() + "' comes from " + backbones.names() + ")");
                return null;
            }
            genres.add(new TagGenreMapping.Genre(e.getKey(), e.getValue(), 1));
        }
        return TagGenreMapping.resolve(genres, 0, backbones, labels);
    }

    private static List<String[]> builtinLines() throws IOException {
        try (InputStream in = TagFusion.class.getResourceAsStream(BUILTIN)) {
            if (in == null) {
                throw new IOException("missing resource " + BUILTIN);
            }
            List<String[]> lines = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    if (f.length != 3) {
                        throw new IOException(BUILTIN + ": expected genre<TAB>set<TAB>tag, got '" + line + "'");
                    }
                    lines.add(f);
                }
            }
            return lines;
        }
    }

    /** Each genre's mean raw score over {@code x}'s rows: the normalisers. */
    static double[] normalisers(TagGenreMapping mapping, float[][] x) {
        double[] sum = new double[mapping.genres().size()];
        for (float[] row : x) {
            double[] s = mapping.rawScores(row);
            for (int g = 0; g < sum.length; g++) {
                sum[g] += s[g] / x.length;
            }
        }
        return sum;
    }

    /**
     * Normalisers from {@code train}, then every weight of {@link #WEIGHTS} fusing {@code head} (fitted on
     * {@code train}) with the mapping, scored on {@code validation}; the lowest cross-entropy is chosen,
     * ties to the higher track top-1.
     */
    static Choice choose(TagGenreMapping unit, GenreHead head, TransferTraining.Rows.Part train,
                         TransferTraining.Rows.Part validation, List<String> labels) {
        double[] normalisers = normalisers(unit, train.x());
        List<Trial> tried = new ArrayList<>();
        Trial best = null;
        for (double w : WEIGHTS) {
            TagGenreMapping m = unit.calibrated(normalisers, w);
            Function<float[], float[]> fused = x -> w == 0 ? head.probabilities(x) : m.fuse(head.probabilities(x), x);
            Evaluation v = TransferTraining.score(fused, validation, labels);
            Trial t = new Trial(w, v.tracks().top1(), TransferTraining.loss(fused, validation));
            Log.info(String.format(Locale.ROOT, "tag mapping weight %.1f validation: tracks top-1 %.3f, loss %.3f",
                    w, t.validationTop1(), t.validationLoss()));
            tried.add(t);
            if (best == null || t.validationLoss() < best.validationLoss() - 1e-9
                    || Math.abs(t.validationLoss() - best.validationLoss()) <= 1e-9 && t.validationTop1() > best.validationTop1()) {
                best = t;
            }
        }
        return new Choice(unit.calibrated(normalisers, best.weight()), tried);
    }
}
