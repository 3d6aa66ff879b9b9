package org.genrevamp.trainer.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The artist-filtered GTZAN split of Kereliuk, Sturm &amp; Larsen (2015): {@code train.txt},
 * {@code valid.txt} and {@code test.txt}, one {@code genre/genre.NNNNN.wav} per line, no artist in two
 * parts, faulty tracks (repeats, mislabels, distortions) left out of all three. Tracks are matched to a
 * dataset by their GTZAN track id {@code genre.NNNNN}, so the split applies to excerpts of those tracks
 * too; a track the lists do not name is left out of training and evaluation.
 */
public final class FaultFilteredSplit {

    private static final Pattern LINE = Pattern.compile("^([a-z]+)/([a-z]+\\.\\d{5})\\.wav$");

    private FaultFilteredSplit() {
    }

    /**
     * @param dir folder holding train.txt, valid.txt and test.txt
     * @return GTZAN track id to its part (train.txt: TRAIN, valid.txt: VALIDATION, test.txt: TEST)
     * @throws IOException              when a list is missing or unreadable
     * @throws IllegalArgumentException naming the file and line of a malformed entry or a track listed twice
     */
    public static Map<String, SplitPart> read(Path dir) throws IOException {
        Map<String, SplitPart> parts = new HashMap<>();
        for (Map.Entry<String, SplitPart> list : Map.of("train.txt", SplitPart.TRAIN, "valid.txt", SplitPart.VALIDATION,
                "test.txt", SplitPart.TEST).entrySet()) {
            Path file = dir.resolve(list.getKey());
            int number = 0;
            for (String line : Files.readAllLines(file)) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Matcher m = LINE.matcher(line.trim());
                if (!m.matches()) {
                    throw new IllegalArgumentException(file + ":" + number + ": expected genre/genre.NNNNN.wav, got '"
                            + line + "'");
                }
                SplitPart previous = parts.put(m.group(2), list.getValue());
                if (previous != null) {
                    throw new IllegalArgumentException(file + ":" + number + ": track " + m.group(2)
                            + " is already in the " + previous + " part");
                }
            }
        }
        return parts;
    }
}
