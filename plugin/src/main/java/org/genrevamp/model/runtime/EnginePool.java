package org.genrevamp.model.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one bounded pool of threads on which every stream of the process runs its networks (Sonic
 * Visualiser runs one plugin instance per transform: they share it, so the cores are never
 * oversubscribed). Streams hold a {@link Lease} while they run; the pool starts with the first lease
 * and, when the last one is closed, stops and joins its threads, so no pool thread outlives the
 * streams (and the plugin instances) that used it. With one thread there is no pool: work runs on the
 * caller's thread, the sequential path.
 */
public final class EnginePool {

    /** System property for {@link #configureExactly} from outside (GENRE_VAMP_JAVA_OPTS): for tests. */
    public static final String EXACTLY_PROPERTY = "genrevamp.threadsExactly";
    private static final Object LOCK = new Object();
    private static int requested;            // 0: the default (EngineThreads)
    /** > 0: this many, unclamped (tests and benchmarks; through a host: {@code -D}{@value #EXACTLY_PROPERTY}). */
    private static int exactly = Integer.getInteger(EXACTLY_PROPERTY, 0);
    private static ThreadPoolExecutor pool;  // null while no lease needs one
    private static final List<Thread> THREADS = new ArrayList<>();
    private static int leases;

    private EnginePool() {
    }

    /** Sets the thread count for pools started from now on (0: the default); see {@link EngineThreads}. */
    public static void configure(int threads) {
        synchronized (LOCK) {
            requested = threads;
        }
    }

    /**
     * Sets exactly {@code threads} pool threads for pools started from now on, whatever the cores
     * (tests of bit-identical output at 4 threads on a 2-core machine); 0 returns to {@link #configure}'s.
     */
    public static void configureExactly(int threads) {
        synchronized (LOCK) {
            exactly = threads;
        }
    }

    /** Threads a stream started now gets. */
    public static int threads() {
        synchronized (LOCK) {
            return pool != null ? pool.getMaximumPoolSize() : size();
        }
    }

    private static int size() {
        return exactly > 0 ? exactly : EngineThreads.forProcess(requested);
    }

    /** Pool threads alive now (tests: none once every lease is closed). */
    public static int liveThreads() {
        synchronized (LOCK) {
            return (int) THREADS.stream().filter(Thread::isAlive).count();
        }
    }

    /** A lease on the pool (or on the caller's thread when the count is 1); close it when done. */
    public static Lease lease() {
        synchronized (LOCK) {
            int n = pool != null ? pool.getMaximumPoolSize() : size();
            if (n <= 1) {
                return new Lease(null);
            }
            if (pool == null) {
                pool = new ThreadPoolExecutor(n, n, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                    Thread t = new Thread(task, "genre-vamp engine " + (THREADS.size() + 1));
                    t.setDaemon(true);
                    // ND4J finds its backend through the context class loader (see Nd4jThreads)
                    t.setContextClassLoader(EnginePool.class.getClassLoader());
                    synchronized (LOCK) {
                        THREADS.add(t);
                    }
                    return t;
                });
            }
            leases++;
            return new Lease(pool);
        }
    }

    /** The future's value, its failure rethrown as it was raised (an unchecked exception or error). */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Called with LOCK held by the last lease: stops the pool and waits for its threads to end. */
    private static void stop() {
        pool.shutdown();
        boolean interrupted = false;
        for (Thread t : THREADS) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        THREADS.clear();
        pool = null;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One stream's use of the pool. Its work must be finished (or abandoned and awaited) before {@link #close}. */
    public static final class Lease implements AutoCloseable {

        private final ThreadPoolExecutor executor;
        private boolean closed;

        private Lease(ThreadPoolExecutor executor) {
            this.executor = executor;
        }

        /** Where to run work: the pool, or the calling thread. */
        public Executor executor() {
            return executor != null ? executor : Runnable::run;
        }

        /** Whether work runs on other threads. */
        public boolean parallel() {
            return executor != null;
        }

        /** Gives the lease back; the last one stops the pool. Idempotent. */
        @Override
        public void close() {
            synchronized (LOCK) {
                if (closed || executor == null) {
                    closed = true;
                    return;
                }
                closed = true;
                if (--leases == 0 && pool == executor) {
                    stop();
                }
            }
        }
    }
}
