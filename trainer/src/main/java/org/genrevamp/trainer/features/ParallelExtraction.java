package org.genrevamp.trainer.features;

import org.genrevamp.trainer.console.Progress;
import org.genrevamp.trainer.dataset.LabelledFile;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;

/**
 * Extracts features of many files on a few threads and hands the results back in file order,
 * holding at most a few results in memory. A file that cannot be read (IOException, or a runtime
 * exception from a decoder choking on a corrupt file) comes back as an error, never stops the run;
 * an {@link Error} does.
 */
public final class ParallelExtraction implements AutoCloseable {
    /** One file's frames, or the reason it has none. */
    public record Result(LabelledFile file, float[][] frames, String error) {
    }

    private final List<LabelledFile> files;
    private final FeatureExtractor extractor;
    private final ExecutorService pool;
    private final Deque<Future<Result>> pending = new ArrayDeque<>();
    private final int ahead;
    private final ProgressBar progress;
    private int submitted;

    public ParallelExtraction(List<LabelledFile> files, FeatureExtractor extractor, int threads) {
        this.files = files;
        this.extractor = extractor;
        int n = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "extract");
            t.setDaemon(true);
            return t;
        });
        this.ahead = 2 * n;
        this.progress = Progress.bar("prepare", files.size(), "files");
        fill();
    }

    public boolean hasNext() {
        return !pending.isEmpty();
    }

    public Result next() throws IOException {
        Future<Result> head = pending.removeFirst();
        try {
            Result result = head.get();
            progress.step();
            fill();
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    private void fill() {
        while (pending.size() < ahead && submitted < files.size()) {
            LabelledFile file = files.get(submitted++);
            pending.addLast(pool.submit(() -> extract(file)));
        }
    }

    private Result extract(LabelledFile file) {
        try {
            return new Result(file, extractor.extract(file.file()), null);
        } catch (IOException e) {
            return new Result(file, null, e.getMessage());
        } catch (RuntimeException e) {
            return new Result(file, null, "unreadable (" + e + ")");
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        progress.close();
    }
}
