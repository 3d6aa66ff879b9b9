package org.genrevamp.trainer.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Random;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.model.transfer.GenreHead;
import org.genrevamp.model.transfer.TagGenreMapping;
import org.genrevamp.model.transfer.TagSource;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The built-in tag mapping on the real msd/crnn + jamendo/musicnn networks (skipped without the shared
 * data), its normalisers, and the weight chosen on the validation part: on windows whose tags name the
 * genre and a head that knows nothing it is 1 (the mapping alone), for a head that knows the genre and
 * tags that are noise it is 0 (the head alone).
 */
class TagFusionTest {

    private static final List<String> GTZAN = List.of("blues", "classical", "country", "disco", "hiphop", "jazz",
            "metal", "pop", "reggae", "rock");

    private static Backbones backbones(String... names) throws Exception {
        return TransferTraining.load(SharedData.require().resolve("pretrained"), List.of(names), Backbones.Features.BOTH);
    }

    @Test
    void builtinMappingFitsTheGtzanGenresOrNothing() throws Exception {
        Backbones both = backbones("msd/crnn", "jamendo/musicnn");
        TagGenreMapping m = TagFusion.builtin(both, GTZAN);
        assertEquals(GTZAN, m.labels());
        assertEquals(List.of(new TagGenreMapping.Tag("jamendo", "genre: classical"),
                new TagGenreMapping.Tag("jamendo", "genre: orchestral")), m.genres().get(1).tags());
        assertEquals(4, m.genres().get(3).tags().size(), "disco: msd funk, 70s, jamendo funk, dance");
        assertNull(TagFusion.builtin(both, List.of("jazz", "metal")), "other labels: no mapping");
        assertNull(TagFusion.builtin(backbones("msd/crnn"), GTZAN), "msd alone has no classical or reggae tag");
        assertNull(TagFusion.builtin(new Backbones(both.list(), Backbones.Features.EMBEDDING), GTZAN), "no tags seen");
    }

    @Test
    void weightFollowsWhichSideKnowsTheGenre() throws Exception {
        Backbones b = backbones("msd/crnn", "jamendo/musicnn");
        TagGenreMapping unit = TagFusion.builtin(b, GTZAN);
        Random r = new Random(3);
        int n = 200;
        float[][] informativeTags = new float[n][];
        float[][] noiseTags = new float[n][];
        int[] y = new int[n];
        String[] tracks = new String[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % GTZAN.size();
            tracks[i] = "t" + i;
            noiseTags[i] = new float[b.featureSize()];
            for (int c = 0; c < noiseTags[i].length; c++) {
                noiseTags[i][c] = 0.05f + 0.2f * r.nextFloat();
            }
            noiseTags[i][y[i]] = 1;   // the first embedding columns hold the genre, one-hot: what the knowing head reads
            informativeTags[i] = noiseTags[i].clone();
            informativeTags[i][y[i]] = 0;
            for (TagGenreMapping.Tag t : unit.genres().get(y[i]).tags()) {
                int network = t.set().equals("msd") ? 0 : 1;
                int tag = (network == 0 ? TagSource.MSD : TagSource.JAMENDO).tagNames().indexOf(t.name());
                informativeTags[i][b.tagColumn(network, tag)] = 0.9f;
            }
        }
        TransferTraining.Rows.Part tagged = new TransferTraining.Rows.Part(informativeTags, y, tracks);
        TransferTraining.Rows.Part noisy = new TransferTraining.Rows.Part(noiseTags, y, tracks);
        double[] normalisers = TagFusion.normalisers(unit, informativeTags);
        double[] expected = new double[GTZAN.size()];
        for (float[] x : informativeTags) {
            double[] s = unit.rawScores(x);
            for (int g = 0; g < s.length; g++) {
                expected[g] += s[g] / n;
            }
        }
        assertArrayEquals(expected, normalisers, 1e-12);

        GenreHead knowsNothing = head(b.featureSize(), 0);
        assertEquals(1.0, TagFusion.choose(unit, knowsNothing, tagged, tagged, GTZAN).mapping().weight(), 0);
        GenreHead knowsTheGenre = head(b.featureSize(), 20);
        TagFusion.Choice c = TagFusion.choose(unit, knowsTheGenre, noisy, noisy, GTZAN);
        assertEquals(0.0, c.mapping().weight(), 0);
        assertEquals(TagFusion.WEIGHTS.length, c.tried().size());
    }

    /** A linear head reading the one-hot genre in the first columns with {@code gain} (0: uniform). */
    private static GenreHead head(int features, float gain) {
        float[] mean = new float[features];
        float[] std = new float[features];
        java.util.Arrays.fill(std, 1);
        float[][] w = new float[GTZAN.size()][features];
        for (int g = 0; g < w.length; g++) {
            w[g][g] = gain;
        }
        return new GenreHead(mean, std, null, null, w, new float[GTZAN.size()]);
    }
}
