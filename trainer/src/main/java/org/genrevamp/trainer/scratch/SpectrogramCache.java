package org.genrevamp.trainer.scratch;

import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.dataset.Dataset;
import org.genrevamp.trainer.dataset.LabelledFile;
import org.genrevamp.trainer.dataset.SkippedFile;
import org.genrevamp.trainer.features.FeatureExtractor;
import org.genrevamp.trainer.features.ParallelExtraction;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.genrevamp.dsp.MelConfig;

/**
 * The log-mel frames of a whole dataset in one directory:
 * <ul>
 *   <li>{@code frames.f32}: every frame of every file, {@code melBands} little-endian floats (dB) per
 *       frame, files one after another;</li>
 *   <li>{@code index.csv}: per file its track, genre(s), official split, first frame and frame count;</li>
 *   <li>{@code header.json}: format version, spectrogram config, hash of the file list, totals and
 *       the files skipped while building.</li>
 * </ul>
 * Training maps {@code frames.f32} read-only and copies windows straight out of the mapping: the
 * dataset is never loaded into the heap.
 *
 * <p>A cache is built in a sibling directory {@code <name>.tmp-<nonce>} and renamed into place
 * (atomic move) only once complete, so an interrupted build never leaves a directory that
 * {@link #openIfCurrent} accepts. A cache whose config or file list differs is not reused.
 */
public final class SpectrogramCache {
    public static final int FORMAT_VERSION = 1;
    static final String HEADER = "header.json";
    static final String INDEX = "index.csv";
    static final String FRAMES = "frames.f32";
    private static final String[] INDEX_COLUMNS = {"track", "file", "genre", "genres", "split", "offset", "frames"};
    /** Largest mapping Java allows is 2 GiB - 1: the file is mapped in segments of whole frames. */
    private static final long MAX_SEGMENT_BYTES = Integer.MAX_VALUE;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One file in the cache: frames {@code [offset, offset + frames)} of {@code frames.f32}. */
    public record Entry(String trackId, String file, String genre, List<String> genres, String officialSplit,
                        long offset, int frames) {
        public Entry {
            genres = List.copyOf(genres);
        }
    }

    /** What {@code header.json} holds. */
    public record Header(int formatVersion, MelConfig melConfig, String fileListHash, int melBands, long totalFrames,
                         int files, List<SkippedFile> skipped) {
    }

    private final Path dir;
    private final Header header;
    private final List<Entry> entries;
    private final FloatBuffer[] segments;
    private final long framesPerSegment;

    private SpectrogramCache(Path dir, Header header, List<Entry> entries) throws IOException {
        this.dir = dir;
        this.header = header;
        this.entries = List.copyOf(entries);
        int bands = header.melBands();
        this.framesPerSegment = MAX_SEGMENT_BYTES / (4L * bands);
        long total = header.totalFrames();
        int count = (int) Math.max(1, (total + framesPerSegment - 1) / framesPerSegment);
        this.segments = new FloatBuffer[count];
        try (FileChannel channel = FileChannel.open(dir.resolve(FRAMES), StandardOpenOption.READ)) {
            for (int s = 0; s < count; s++) {
                long first = s * framesPerSegment;
                long frames = Math.min(framesPerSegment, total - first);
                segments[s] = channel.map(FileChannel.MapMode.READ_ONLY, first * bands * 4L, frames * bands * 4L)
                        .order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            }
        }
    }

    /** The cache directory. */
    public Path dir() {
        return dir;
    }

    public Header header() {
        return header;
    }

    public List<Entry> entries() {
        return entries;
    }

    public int melBands() {
        return header.melBands();
    }

    /**
     * Copies frames {@code [start, start + count)} of {@code entry} into {@code dst[0..count)}.
     *
     * @param dst at least {@code count} rows of {@code melBands} floats
     * @throws IndexOutOfBoundsException when the range leaves the entry
     */
    public void readFrames(Entry entry, int start, int count, float[][] dst) {
        if (start < 0 || count < 0 || start + count > entry.frames()) {
            throw new IndexOutOfBoundsException("frames [" + start + ", " + (start + count) + ") of a "
                    + entry.frames() + "-frame entry");
        }
        int bands = header.melBands();
        for (int i = 0; i < count; i++) {
            long frame = entry.offset() + start + i;
            FloatBuffer segment = segments[(int) (frame / framesPerSegment)];
            segment.get((int) (frame % framesPerSegment) * bands, dst[i], 0, bands);
        }
    }

    /** All frames of one entry, {@code [frames][melBands]}. */
    public float[][] readAll(Entry entry) {
        float[][] frames = new float[entry.frames()][header.melBands()];
        readFrames(entry, 0, entry.frames(), frames);
        return frames;
    }

    /**
     * Opens a complete cache for reading.
     *
     * @throws IOException when {@code dir} holds no complete cache (with the reason)
     */
    public static SpectrogramCache open(Path dir) throws IOException {
        Path headerFile = dir.resolve(HEADER);
        if (!Files.isRegularFile(headerFile)) {
            throw new IOException("no spectrogram cache at " + dir + " (run prepare first)");
        }
        Header header = JSON.readValue(headerFile.toFile(), Header.class);
        if (header.formatVersion() != FORMAT_VERSION) {
            throw new IOException(dir + ": cache format " + header.formatVersion() + ", this trainer reads "
                    + FORMAT_VERSION);
        }
        long expectedBytes = header.totalFrames() * header.melBands() * 4L;
        Path frames = dir.resolve(FRAMES);
        if (!Files.isRegularFile(frames) || Files.size(frames) != expectedBytes) {
            throw new IOException(dir + ": " + FRAMES + " is missing or not " + expectedBytes + " bytes");
        }
        List<Entry> entries = readIndex(dir.resolve(INDEX));
        if (entries.size() != header.files()) {
            throw new IOException(dir + ": index has " + entries.size() + " files, header says " + header.files());
        }
        return new SpectrogramCache(dir, header, entries);
    }

    /**
     * The cache at {@code dir} if it is complete and was built with {@code config} from the file
     * list hashed to {@code fileListHash}; empty (with the reason on stderr) otherwise.
     */
    public static Optional<SpectrogramCache> openIfCurrent(Path dir, MelConfig config, String fileListHash) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try {
            SpectrogramCache cache = open(dir);
            if (!cache.header.melConfig().equals(config)) {
                Log.info("cache " + dir + " was built with another spectrogram config: rebuilding");
                return Optional.empty();
            }
            if (!cache.header.fileListHash().equals(fileListHash)) {
                Log.info("cache " + dir + " was built from another file list: rebuilding");
                return Optional.empty();
            }
            return Optional.of(cache);
        } catch (IOException | RuntimeException e) {
            Log.info("cache " + dir + " is unusable (" + e.getMessage() + "): rebuilding");
            return Optional.empty();
        }
    }

    /**
     * Builds the cache for {@code dataset} and moves it into {@code dir} (replacing what was there).
     * Files the extractor cannot read are skipped and listed in the header, as are files shorter than
     * {@code minFrames}.
     *
     * @param threads extraction threads (at least 1)
     * @return the opened cache
     * @throws IOException when the cache cannot be written
     */
    public static SpectrogramCache build(Path dir, MelConfig config, Dataset dataset, FeatureExtractor extractor,
                                         int minFrames, int threads) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        removeStaleTemporaries(dir);
        Path tmp = Files.createTempDirectory(parent, dir.getFileName() + ".tmp-");
        boolean complete = false;
        try {
            List<Entry> entries = new ArrayList<>();
            List<SkippedFile> skipped = new ArrayList<>(dataset.skipped());
            long total = 0;
            try (FileChannel out = FileChannel.open(tmp.resolve(FRAMES), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 ParallelExtraction extraction = new ParallelExtraction(dataset.files(), extractor, threads)) {
                while (extraction.hasNext()) {
                    ParallelExtraction.Result result = extraction.next();
                    LabelledFile file = result.file();
                    if (result.error() != null) {
                        Log.warn("skipping " + file.file() + ": " + result.error());
                        skipped.add(new SkippedFile(file.file().toString(), result.error()));
                        continue;
                    }
                    float[][] frames = result.frames();
                    if (frames.length < Math.max(1, minFrames)) {
                        skipped.add(new SkippedFile(file.file().toString(),
                                "too short: " + frames.length + " frames, need " + minFrames));
                        continue;
                    }
                    writeFrames(out, frames, config.melBands(), file);
                    entries.add(new Entry(file.trackId(), file.file().toString(), file.genre(), file.genres(),
                            file.officialSplit(), total, frames.length));
                    total += frames.length;
                }
            }
            writeIndex(tmp.resolve(INDEX), entries);
            // the header goes last: a directory without it is never a cache
            Header header = new Header(FORMAT_VERSION, config, fileListHash(dataset.files()), config.melBands(), total,
                    entries.size(), skipped);
            JSON.writeValue(tmp.resolve(HEADER).toFile(), header);
            replace(dir, tmp);
            complete = true;
            if (!skipped.isEmpty()) {
                Log.warn(skipped.size() + " file(s) skipped; listed in " + dir.resolve(HEADER));
            }
            return open(dir);
        } finally {
            if (!complete) {
                deleteTree(tmp);
            }
        }
    }

    /**
     * SHA-256 over each file's path, size, modification time, track, labels and split, in order:
     * any change to the file list or its labels changes the hash.
     */
    public static String fileListHash(List<LabelledFile> files) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
        for (LabelledFile f : files) {
            long size = Files.isRegularFile(f.file()) ? Files.size(f.file()) : -1;
            long modified = size >= 0 ? Files.getLastModifiedTime(f.file()).toMillis() : -1;
            String line = String.join("\t", f.file().toAbsolutePath().toString(), Long.toString(size),
                    Long.toString(modified), f.trackId(), String.join("|", f.genres()),
                    String.valueOf(f.officialSplit())) + "\n";
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void writeFrames(FileChannel out, float[][] frames, int bands, LabelledFile file)
            throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(frames.length * bands * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] frame : frames) {
            if (frame.length != bands) {
                throw new IOException(file.file() + ": frame of " + frame.length + " bands, config has " + bands);
            }
            buffer.asFloatBuffer().put(frame);
            buffer.position(buffer.position() + bands * 4);
        }
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static void writeIndex(Path file, List<Entry> entries) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(INDEX_COLUMNS).build().print(writer)) {
            for (Entry e : entries) {
                printer.printRecord(e.trackId(), e.file(), e.genre(), String.join("|", e.genres()),
                        e.officialSplit() == null ? "" : e.officialSplit(), e.offset(), e.frames());
            }
        }
    }

    private static List<Entry> readIndex(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                     .parse(reader)) {
            for (CSVRecord r : parser) {
                String split = r.get("split");
                entries.add(new Entry(r.get("track"), r.get("file"), r.get("genre"),
                        Arrays.asList(r.get("genres").split("\\|")), split.isEmpty() ? null : split,
                        Long.parseLong(r.get("offset")), Integer.parseInt(r.get("frames"))));
            }
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": malformed index (" + e.getMessage() + ")", e);
        }
        return entries;
    }

    /** Swaps the finished {@code tmp} in for {@code dir}: old cache aside, new one in, old one deleted. */
    private static void replace(Path dir, Path tmp) throws IOException {
        Path old = null;
        if (Files.exists(dir)) {
            old = dir.resolveSibling(dir.getFileName() + ".old-" + ProcessHandle.current().pid());
            deleteTree(old);
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteTree(old);
        }
    }

    /** Leftovers of interrupted builds ({@code <name>.tmp-*}, {@code <name>.old-*}). */
    private static void removeStaleTemporaries(Path dir) throws IOException {
        Path parent = dir.toAbsolutePath().getParent();
        String name = dir.getFileName().toString();
        try (Stream<Path> siblings = Files.list(parent)) {
            for (Path p : siblings.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(name + ".tmp-") || n.startsWith(name + ".old-")) {
                    Log.info("removing the leftover of an interrupted prepare: " + p);
                    deleteTree(p);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
