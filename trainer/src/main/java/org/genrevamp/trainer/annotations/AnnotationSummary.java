package org.genrevamp.trainer.annotations;

import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.console.Results;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code prepare --annotations DIR}: reads and checks every annotation under {@code DIR} (a malformed
 * or overlapping one stops it with one message naming file, line and time), prints the regions per
 * label, and writes them to {@code CACHE/regions.csv} (file relative to {@code DIR}, song, start, end,
 * label) so a person can see what training will use.
 */
public final class AnnotationSummary {
    static final String REGIONS = "regions.csv";

    private AnnotationSummary() {
    }

    public static int write(Path dir, Set<String> labels, Path cache) throws IOException {
        AnnotatedDataset dataset = AnnotatedDataset.scan(dir, labels);
        dataset.skipped().forEach(s -> Log.warn("skipped " + s.file() + ": " + s.reason()));
        if (dataset.regions().isEmpty()) {
            throw new IllegalArgumentException("no labelled regions under " + dir);
        }
        Files.createDirectories(cache);
        Map<String, long[]> perLabel = new TreeMap<>();
        try (Writer out = Files.newBufferedWriter(cache.resolve(REGIONS), StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("file", "song", "start", "end", "label").build()
                     .print(out)) {
            for (Region r : dataset.regions()) {
                csv.printRecord(dir.relativize(r.file()), r.trackId(), String.format(Locale.ROOT, "%.3f", r.start()),
                        r.isWholeFile() ? "end" : String.format(Locale.ROOT, "%.3f", r.end()), r.label());
                perLabel.computeIfAbsent(r.label(), l -> new long[1])[0]++;
            }
        }
        long songs = dataset.regions().stream().map(Region::trackId).distinct().count();
        Results.out().printf(Locale.ROOT, "%s: %d regions of %d songs, %d labels, %d files skipped; regions in %s%n",
                dir.getFileName(), dataset.regions().size(), songs, perLabel.size(), dataset.skipped().size(),
                cache.resolve(REGIONS));
        perLabel.forEach((label, n) -> Results.out().printf(Locale.ROOT, "  %-24s %d regions%n", label, n[0]));
        return 0;
    }
}
