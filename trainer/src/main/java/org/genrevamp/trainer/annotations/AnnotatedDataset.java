package org.genrevamp.trainer.annotations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.genrevamp.trainer.dataset.Dataset;
import org.genrevamp.trainer.dataset.FolderDataset;
import org.genrevamp.trainer.dataset.SkippedFile;

/**
 * Labelled regions of a folder of audio and annotation files, matched by file stem: {@code song.mp3}
 * takes {@code song.lab}, {@code song.txt} (Audacity), {@code song.csv} (Sonic Visualiser),
 * {@code song.svl} and {@code song_vamp_<plugin>_<output>.csv} (sonic-annotator), from its own folder
 * first, else from anywhere under the root when that stem names one audio file only. Audio with no
 * annotation file, in a folder holding none, is labelled whole by its folder's name (the folder-per-label
 * layout, so a GTZAN-style dataset reads as it always did). Stretches no region covers are not used.
 * All regions of one file are checked together: overlaps are refused naming both lines.
 *
 * @param regions labelled regions, file by file in path order, in time order within a file
 * @param skipped files left out, with the reason
 */
public record AnnotatedDataset(List<Region> regions, List<SkippedFile> skipped) {
    /** Two regions may share an edge within this many seconds (exports round times to the ms or the sample). */
    static final double EDGE_TOLERANCE_S = 1e-3;

    public AnnotatedDataset {
        regions = List.copyOf(regions);
        skipped = List.copyOf(skipped);
    }

    /** The labels present, sorted: the label order of a model trained on these regions. */
    public List<String> labels() {
        TreeSet<String> labels = new TreeSet<>();
        regions.forEach(r -> labels.add(r.label()));
        return List.copyOf(labels);
    }

    /**
     * Each song's label for a stratified split: the label of the most regions of that song (ties: the
     * first in label order).
     */
    public Map<String, String> songLabels() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        regions.forEach(r -> counts.computeIfAbsent(r.trackId(), t -> new TreeMap<>()).merge(r.label(), 1, Integer::sum));
        Map<String, String> out = new LinkedHashMap<>();
        counts.forEach((track, c) -> out.put(track, c.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey()));
        return out;
    }

    /** The reader for an annotation file by its name, or null for a file that is not one. */
    static AnnotationReader readerFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".lab")) {
            return new LabReader();
        }
        if (name.endsWith(".txt")) {
            return new AudacityLabelReader();
        }
        if (name.endsWith(".svl")) {
            return new SvlReader();
        }
        if (name.endsWith(".csv")) {
            return name.contains("_vamp_") ? new SonicAnnotatorCsvReader() : new SvCsvReader();
        }
        return null;
    }

    /** The audio stem an annotation file names: before {@code _vamp_} for sonic-annotator, else before the extension. */
    static String stemOf(Path annotation) {
        String name = annotation.getFileName().toString();
        int vamp = name.indexOf("_vamp_");
        if (vamp > 0 && name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return name.substring(0, vamp);
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Scans {@code root}.
     *
     * @param keep labels to keep; empty keeps all
     * @throws IOException          when {@code root} is not a readable directory
     * @throws AnnotationException  on a malformed or overlapping annotation (file, line and time named)
     */
    public static AnnotatedDataset scan(Path root, Set<String> keep) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("not a directory: " + root);
        }
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<Path> audio = all.stream().filter(FolderDataset::isAudio).toList();
        List<Path> annotations = all.stream().filter(p -> readerFor(p) != null).toList();
        Map<Path, List<Path>> annotationsOf = new HashMap<>();
        List<SkippedFile> skipped = new ArrayList<>();
        for (Path a : annotations) {
            Path target = audioFor(a, audio);
            if (target == null) {
                skipped.add(new SkippedFile(root.relativize(a).toString(), "no audio file named " + stemOf(a) + ".*"));
            } else {
                annotationsOf.computeIfAbsent(target, k -> new ArrayList<>()).add(a);
            }
        }
        Set<Path> foldersWithAnnotations = new java.util.HashSet<>();
        annotations.forEach(a -> foldersWithAnnotations.add(a.getParent()));
        List<Region> regions = new ArrayList<>();
        for (Path file : audio) {
            Path parent = file.getParent();
            String track = parent.equals(root) ? stemOf(file) : FolderDataset.trackId(parent.getFileName().toString(), file);
            if (Files.size(file) == 0) {
                skipped.add(new SkippedFile(root.relativize(file).toString(), "empty file"));
                continue;
            }
            List<Path> mine = annotationsOf.get(file);
            if (mine != null) {
                for (Region r : regionsOf(file, track, mine)) {
                    if (keep.isEmpty() || keep.contains(r.label())) {
                        regions.add(r);
                    }
                }
            } else if (parent.equals(root) || foldersWithAnnotations.contains(parent)) {
                skipped.add(new SkippedFile(root.relativize(file).toString(), "no annotation file"
                        + (parent.equals(root) ? " and not inside a label folder" : " (its folder holds annotation"
                        + " files, so the folder name is not taken as its label)")));
            } else {
                String label = parent.getFileName().toString();
                if (keep.isEmpty() || keep.contains(label)) {
                    regions.add(Region.whole(file, track, label));
                }
            }
        }
        return new AnnotatedDataset(regions, skipped);
    }

    /** Every file of a labelled dataset (FMA's tracks) as one whole-file region of its genre. */
    public static AnnotatedDataset wholeFiles(Dataset dataset) {
        List<Region> regions = new ArrayList<>();
        dataset.files().forEach(f -> regions.add(Region.whole(f.file(), f.trackId(), f.genre())));
        return new AnnotatedDataset(regions, dataset.skipped());
    }

    /** The audio file an annotation belongs to: same folder first, else the only one with its stem. */
    private static Path audioFor(Path annotation, List<Path> audio) {
        String stem = stemOf(annotation);
        List<Path> named = audio.stream().filter(p -> stemOf(p).equals(stem)).toList();
        List<Path> here = named.stream().filter(p -> p.getParent().equals(annotation.getParent())).toList();
        List<Path> candidates = here.isEmpty() ? named : here;
        if (candidates.size() > 1) {
            throw new IllegalArgumentException(annotation.getFileName() + ": stem '" + stem + "' matches several audio"
                    + " files (" + candidates.stream().map(p -> p.getFileName().toString()).toList()
                    + "); put the annotation beside its audio file");
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    /** All annotation files of one audio file, read, sorted by time and checked for overlaps. */
    private static List<Region> regionsOf(Path audio, String track, List<Path> files) throws IOException {
        record Located(Path file, LabelledSpan span) {
        }
        List<Located> spans = new ArrayList<>();
        for (Path f : files) {
            for (LabelledSpan s : readerFor(f).read(f)) {
                spans.add(new Located(f, s));
            }
        }
        spans.sort(Comparator.comparingDouble((Located l) -> l.span().start()).thenComparingDouble(l -> l.span().end()));
        List<Region> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            Located l = spans.get(i);
            if (i > 0) {
                Located p = spans.get(i - 1);
                if (l.span().start() < p.span().end() - EDGE_TOLERANCE_S) {
                    throw new AnnotationException(l.file(), l.span().line(), l.span().start(), String.format(Locale.ROOT,
                            "region '%s' overlaps region '%s' (%s line %d, %.3f-%.3f s)", l.span().label(),
                            p.span().label(), p.file().getFileName(), p.span().line(), p.span().start(), p.span().end()));
                }
            }
            out.add(new Region(audio, track, l.span().start(), l.span().end(), l.span().label()));
        }
        return out;
    }
}
