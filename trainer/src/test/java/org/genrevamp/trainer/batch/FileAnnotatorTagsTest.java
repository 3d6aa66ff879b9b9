package org.genrevamp.trainer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genrevamp.model.GenreModels;
import org.genrevamp.model.transfer.TagSource;
import org.genrevamp.testing.SharedData;
import org.junit.jupiter.api.Test;

/**
 * {@code --tags} gives the same tags whether the genre model runs the msd tagger in its own stream (the
 * default: its windows are tapped) or not (the scratch {@code cnn}, on another spectrogram: the tagger
 * then runs beside it on a second, tagger-convention spectrogram). Same network, same frames, same
 * windows, so only float rounding may differ; HostAgreementTest checks the tapped path against the
 * plugin's {@code tracktags} through vamp-simple-host.
 */
class FileAnnotatorTagsTest {

    /** Both paths stream the same CRNN over the same frames; measured 0 (identical sums). */
    static final double SAME_TAGS = 1e-5;

    @Test
    void taggerBesideTheModelGivesTheTagsOfTheModelsOwnStream() throws Exception {
        String file = SharedData.require("gtzan-excerpts/long/rock/rock.00001.wav").toString();
        TrackResult tapped = annotate("default", file);
        TrackResult beside = annotate("cnn", file);
        assertNull(tapped.error(), tapped.error());
        assertNull(beside.error(), beside.error());
        List<String> names = TagSource.MSD.tagNames();
        assertEquals(names.size(), tapped.tags().size());
        assertEquals(names.size(), beside.tags().size());
        Map<String, Double> besideByName = new HashMap<>();
        beside.tags().forEach(s -> besideByName.put(s.name(), s.score()));
        for (TrackResult.Score s : tapped.tags()) {
            assertEquals(s.score(), besideByName.get(s.name()), SAME_TAGS, s.name());
        }
        assertEquals(tapped.tags().get(0).name(), beside.tags().get(0).name());
    }

    private static TrackResult annotate(String model, String file) throws Exception {
        ModelRef ref = ModelRef.of(model);
        return new FileAnnotator(GenreModels.loadBundled(model), ref, BatchSettings.defaults(ref, true).annotation(), true)
                .annotate(file);
    }
}
