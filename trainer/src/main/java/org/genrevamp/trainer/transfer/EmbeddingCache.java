package org.genrevamp.trainer.transfer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backbone features computed once and kept on disk: {@value #FEATURES} holds the rows (float32,
 * little endian, {@code featureSize} per row) and is memory-mapped for training; {@value #ROWS} names
 * each row's region (its file, with the time span unless the region is the whole file), track, label
 * and variant (0 = the original window, 1.. = augmented copies);
 * {@value #KEY} records what produced them (backbone, window, seed), and a cache built with another key
 * is refused. Augmented copies are added as further variants, so a run asking for more copies reuses
 * what is there. Rows are appended file by file, the index after the
 * data, so an interrupted extraction resumes where it stopped (extra data past the last indexed row
 * is cut off on opening).
 */
public final class EmbeddingCache implements AutoCloseable {

    static final String FEATURES = "features.f32";
    static final String ROWS = "rows.tsv";
    static final String KEY = "key.txt";

    /** One cached window. */
    public record Row(String file, String trackId, String genre, int variant) implements java.io.Serializable {
    }

    private final Path dir;
    private final int featureSize;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, Integer> variants = new HashMap<>();   // file -> variants cached (0, 1, ... k)
    private final FileChannel data;
    private final FileLock lock;

    private EmbeddingCache(Path dir, int featureSize, FileChannel data, FileLock lock) {
        this.dir = dir;
        this.featureSize = featureSize;
        this.data = data;
        this.lock = lock;
    }

    /**
     * Opens (or creates) the cache in {@code dir} for features of {@code featureSize} values made as
     * {@code key} describes.
     *
     * @throws IOException              when the folder cannot be used
     * @throws IllegalArgumentException when the folder holds a cache made with another key
     */
    public static EmbeddingCache open(Path dir, String key, int featureSize) throws IOException {
        Files.createDirectories(dir);
        Path keyFile = dir.resolve(KEY);
        if (Files.exists(keyFile)) {
            String existing = Files.readString(keyFile, StandardCharsets.UTF_8);
            if (!existing.equals(key)) {
                throw new IllegalArgumentException("embedding cache " + dir + " was made with other settings ("
                        + existing.strip() + "); use another --cache folder or delete it");
            }
        } else {
            Files.writeString(keyFile, key, StandardCharsets.UTF_8);
        }
        FileChannel data = FileChannel.open(dir.resolve(FEATURES), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        // one writer at a time: a second run appending to the same files would interleave their rows
        FileLock lock = data.tryLock();
        if (lock == null) {
            data.close();
            throw new IllegalStateException("embedding cache " + dir + " is in use by another run; wait for it or use"
                    + " another --cache folder");
        }
        EmbeddingCache cache = new EmbeddingCache(dir, featureSize, data, lock);
        Path rowsFile = dir.resolve(ROWS);
        if (Files.exists(rowsFile)) {
            for (String line : Files.readAllLines(rowsFile, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length == 4) {
                    Row row = new Row(f[0], f[1], f[2], Integer.parseInt(f[3]));
                    cache.rows.add(row);
                    cache.variants.merge(row.file(), row.variant() + 1, Math::max);
                }
            }
        }
        data.truncate((long) cache.rows.size() * featureSize * Float.BYTES);
        data.position(data.size());
        return cache;
    }

    /**
     * How many variants of the windows of the region {@code key} names ({@code Region.key()}: the file
     * for a whole file) are cached: 0 (none), 1 (the originals), 1 + k
     * (the originals and k augmented copies). Variants are added in order, so more can be added later.
     */
    public int cachedVariants(String key) {
        return variants.getOrDefault(key, 0);
    }

    /** Appends all rows of one file (data first, then the index lines). */
    public void add(List<Row> fileRows, float[][] features) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(features.length * featureSize * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float[] f : features) {
            if (f.length != featureSize) {
                throw new IllegalArgumentException("EmbeddingCache.add: row of " + f.length + " values, expected " + featureSize);
            }
            bytes.asFloatBuffer().put(f);
            bytes.position(bytes.position() + featureSize * Float.BYTES);
        }
        bytes.flip();
        while (bytes.hasRemaining()) {
            data.write(bytes);
        }
        data.force(false);
        StringBuilder lines = new StringBuilder();
        for (Row r : fileRows) {
            lines.append(r.file()).append('\t').append(r.trackId()).append('\t').append(r.genre()).append('\t')
                    .append(r.variant()).append('\n');
            variants.merge(r.file(), r.variant() + 1, Math::max);
        }
        Files.writeString(dir.resolve(ROWS), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        rows.addAll(fileRows);
    }

    public List<Row> rows() {
        return List.copyOf(rows);
    }

    public int featureSize() {
        return featureSize;
    }

    /** All rows' features through a read-only memory map of {@value #FEATURES}. */
    public FloatBuffer features() throws IOException {
        long bytes = (long) rows.size() * featureSize * Float.BYTES;
        return data.map(FileChannel.MapMode.READ_ONLY, 0, bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
    }

    /** The features of row {@code i}. */
    public static float[] row(FloatBuffer features, int i, int featureSize) {
        float[] out = new float[featureSize];
        features.get(i * featureSize, out);
        return out;
    }

    @Override
    public void close() throws IOException {
        lock.release();
        data.close();
    }
}
