package org.genrevamp.trainer.batch;

import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.genrevamp.model.runtime.EnginePool;
import org.genrevamp.model.runtime.EngineThreads;
import org.genrevamp.trainer.console.Log;

/** The Spark session of a batch job. */
public final class BatchSpark {

    /** The default master: every core of this machine, nothing to install. */
    public static final String DEFAULT_MASTER = "local[*]";

    private BatchSpark() {
    }

    /**
     * A session on {@code master}, or on the master spark-submit set when {@code master} is null (then
     * {@link #DEFAULT_MASTER} if none was set). Local sessions run without the web UI; Spark's own
     * logging stays at warnings (stdout is left to results, the progress bar is on stderr). Warns when
     * this JVM has no OMP_NUM_THREADS (local executors are its threads). Each task runs its networks on
     * its own thread (one engine thread, {@code GENRE_VAMP_THREADS} unset): Spark's cores are the parallelism.
     * Works where this machine's hostname does not resolve (see {@link DriverHost}).
     *
     * @param settings extra settings (e.g. executor memory, {@code spark.app.name}: "genre-vamp annotate" if unset), may be empty
     * @throws IllegalArgumentException for a cluster that cannot reach this driver by name
     */
    public static SparkSession start(String master, Map<String, String> settings) {
        // spark-submit passes its settings as spark.* system properties, which SparkConf reads
        String m = master != null ? master : System.getProperty("spark.master", DEFAULT_MASTER);
        DriverHost.settle(m, settings.getOrDefault("spark.driver.host", System.getProperty("spark.driver.host")));
        SparkConf c = new SparkConf();
        settings.forEach(c::set);
        c.setIfMissing("spark.app.name", "genre-vamp annotate").setMaster(m);
        if (m.startsWith("local")) {
            c.setIfMissing("spark.ui.enabled", "false");
        }
        c.setIfMissing("spark.ui.showConsoleProgress", "false");
        // Spark's cores are the parallelism: one ND4J thread per task (cluster executors; locally the
        // variable must be set before this JVM starts, see AnnotateCommand)
        c.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", "1");
        // and one engine thread per task (EnginePool), unless GENRE_VAMP_THREADS says otherwise
        String engineThreads = System.getenv(EngineThreads.ENV);
        c.setIfMissing("spark.executorEnv." + EngineThreads.ENV, engineThreads != null ? engineThreads : "1");
        if (engineThreads == null) {
            EnginePool.configure(1);   // local executors are this JVM's threads
        }
        if (System.getenv("OMP_NUM_THREADS") == null) {
            Log.warn("OMP_NUM_THREADS is unset: every task thread may run ND4J on every core; set OMP_NUM_THREADS=1");
        }
        SparkSession spark = SparkSession.builder().config(c).getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }
}
