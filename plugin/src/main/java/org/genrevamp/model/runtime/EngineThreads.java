package org.genrevamp.model.runtime;

/**
 * How many threads one process's engine runs networks on: a setting ({@code threads=} in
 * genre-vamp.conf, {@value #ENV}, a command-line option), else min(cores, {@value #DEFAULT_MAX}), never
 * more than the cores leave once each pool thread's ND4J/OpenBLAS threads are counted (pool threads ×
 * ND4J threads ≤ cores), never fewer than 1.
 */
public final class EngineThreads {

    /** The environment variable that sets the count (it wins over the conf file). */
    public static final String ENV = "GENRE_VAMP_THREADS";
    /** The default's ceiling: three backbones keep at most this many threads busy. */
    public static final int DEFAULT_MAX = 4;
    /** A sanity bound on a requested count. */
    static final int MAX = 256;

    private EngineThreads() {
    }

    /**
     * The requested count in {@code value} ({@code source} names where it came from, for the message).
     *
     * @return the count, or 0 for "the default" ({@code null}, blank or {@code 0})
     * @throws IllegalArgumentException with a message naming the source when it is not a count
     */
    public static int parse(String value, String source) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0 && n <= MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException(source + " '" + value.trim() + "' is not a thread count (0-" + MAX
                + ", 0 = the default)");
    }

    /**
     * The pool's size.
     *
     * @param requested   the setting, 0 for the default min(cores, {@value #DEFAULT_MAX})
     * @param cores       available processors
     * @param nd4jThreads threads each ND4J op may use ({@link #nd4jThreads})
     */
    public static int resolve(int requested, int cores, int nd4jThreads) {
        int wanted = requested > 0 ? requested : Math.min(cores, DEFAULT_MAX);
        int fit = Math.max(1, cores / Math.max(1, nd4jThreads));
        return Math.max(1, Math.min(wanted, fit));
    }

    /**
     * Threads one ND4J op may use: {@code OMP_NUM_THREADS} (read by libnd4j and OpenBLAS when they load;
     * the plugin's shim sets 1 when unset), else all cores, libnd4j's default.
     */
    public static int nd4jThreads(String ompNumThreads, int cores) {
        try {
            int n = Integer.parseInt(ompNumThreads == null ? "" : ompNumThreads.trim());
            return n > 0 ? n : cores;
        } catch (NumberFormatException e) {
            return cores;
        }
    }

    /**
     * {@link #resolve} for this process: its cores and its {@code OMP_NUM_THREADS}; a {@code requested} of
     * 0 takes {@value #ENV} when set (a value that is not a count gets one stderr line and the default).
     */
    public static int forProcess(int requested) {
        int cores = Runtime.getRuntime().availableProcessors();
        int wanted = requested;
        if (wanted == 0) {
            try {
                wanted = parse(System.getenv(ENV), ENV);
            } catch (IllegalArgumentException e) {
                System.err.println("genre-vamp: EngineThreads: " + e.getMessage() + "; using the default");
            }
        }
        return resolve(wanted, cores, nd4jThreads(System.getenv("OMP_NUM_THREADS"), cores));
    }
}
