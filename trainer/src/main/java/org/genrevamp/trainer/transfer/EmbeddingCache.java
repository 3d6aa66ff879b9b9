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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Backbone features computed once and kept on disk: {@value #FEATURES} holds the rows (float32,
 * little endian, {@code featureSize} per row) and is memory-mapped for training; {@value #ROWS} names
 * each row's file, track, genre and variant (0 = the original window, 1.. = augmented copies);
 * {@value #KEY} records what produced them (backbones, feature layout, augmentation settings), and a
 * cache built with another key is refused. Rows are appended file by file, the index after the
 * data, so an interrupted extraction resumes where it stopped (extra data past the last indexed row
 * is cut off on opening).
 */
public final class EmbeddingCache implements AutoCloseable {

    static final String FEATURES = "features.f32";
    static final String ROWS = "rows.tsv";
    static final String KEY = "key.txt";

    /** One cached window. */
    public record Row(String file, String trackId, String genre, int variant) {
    }

    private final Path dir;
    private final int featureSize;
    private final List<Row> rows = new ArrayList<>();
    private final Set<String> done = new HashSet<>();
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
                    cache.rows.add(new Row(f[0], f[1], f[2], Integer.parseInt(f[3])));
                    cache.done.add(f[0]);
                }
            }
        }
        data.truncate((long) cache.rows.size() * featureSize * Float.BYTES);
        data.position(data.size());
        return cache;
    }

    /** Whether the rows of {@code file} are already cached. */
    public boolean has(Path file) {
        return done.contains(file.toString());
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
            done.add(r.file());
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
