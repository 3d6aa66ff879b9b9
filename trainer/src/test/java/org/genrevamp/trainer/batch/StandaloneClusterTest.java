package org.genrevamp.trainer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.genrevamp.model.transfer.TagSource;
import org.genrevamp.testing.SharedData;
import org.genrevamp.trainer.CapturedStderr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch job on a real standalone cluster: a Spark master and a one-core worker started as child
 * JVMs from the Spark jars on the test class path ({@code org.apache.spark.deploy.master.Master},
 * {@code org.apache.spark.deploy.worker.Worker}), the worker starting its executor as a third JVM.
 * Two GTZAN excerpts must come back annotated, by the executor (its log is in the worker's work
 * directory, and this JVM loads no model).
 */
class StandaloneClusterTest {

    private static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void annotatesOnAMasterAndAWorker() throws Exception {
        List<String> files = List.of(
                SharedData.require("gtzan-excerpts/short/country/country.00001.wav").toString(),
                SharedData.require("gtzan-excerpts/short/disco/disco.00001.wav").toString());
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home/jars"));   // the worker's launcher wants one
        Path work = Files.createDirectories(dir.resolve("work"));
        int port = freePort();
        String url = "spark://" + HOST + ":" + port;
        List<Process> cluster = new ArrayList<>();
        SparkSession spark = null;
        try {
            cluster.add(start(sparkHome.getParent(), "master", "org.apache.spark.deploy.master.Master",
                    "--host", HOST, "--port", String.valueOf(port), "--webui-port", "0"));
            awaitPort(port, cluster.get(0));
            cluster.add(start(sparkHome.getParent(), "worker", "org.apache.spark.deploy.worker.Worker",
                    "--host", HOST, "--cores", "1", "--memory", "1g", "--work-dir", work.toString(),
                    "--webui-port", "0", url));
            Map<String, String> conf = Map.of(
                    "spark.driver.host", HOST, "spark.driver.bindAddress", HOST,
                    "spark.executor.memory", "1g", "spark.cores.max", "1",
                    "spark.executor.extraClassPath", System.getProperty("java.class.path"),
                    "spark.executor.extraJavaOptions", String.join(" ", moduleOptions()),
                    // the executor JVM may take longer than the default 15 s to start on a loaded machine:
                    // no "Initial job has not accepted any resources" warning for that
                    "spark.starvation.timeout", "180s");
            CapturedStderr<SparkSession> started = CapturedStderr.of(() -> BatchSpark.start(url, conf));
            spark = started.result();
            assertEquals(CapturedStderr.expectedSparkWarnings(), started.warnings(), started.text());
            int loads = ModelPool.loads();
            Path out = dir.resolve("out");

            BatchJob.Outcome outcome = new BatchJob(spark, BatchSettings.defaults(ModelRef.of("default"), true), 10, 1)
                    .run(files, new BatchOutput(out));

            assertEquals(new BatchJob.Outcome(2, 0, 2, 0), outcome);
            List<Row> rows = BatchRows.tracks(spark, out);
            assertEquals(2, rows.size());
            for (Row r : rows) {
                assertNull(r.getAs("error"));
                assertTrue(r.<Row>getList(r.fieldIndex("segments")).size() >= 1);
                List<Row> tags = r.getList(r.fieldIndex("tags"));
                assertEquals(TagSource.MSD.tagNames().size(), tags.size(), "--tags: every tag of the msd tagger");
                assertTrue(TagSource.MSD.tagNames().contains(tags.get(0).<String>getAs("name")), tags.toString());
            }
            assertEquals(loads, ModelPool.loads(), "the executor JVM annotated, not this one");
            try (Stream<Path> logs = Files.walk(work)) {
                assertTrue(logs.anyMatch(p -> p.getFileName().toString().equals("stderr")),
                        "an executor ran under the worker's work directory " + work);
            }
        } finally {
            if (spark != null) {
                spark.stop();
            }
            for (int i = cluster.size() - 1; i >= 0; i--) {
                stop(cluster.get(i));
            }
        }
    }

    /** A child JVM with this test's class path and module options, logging to {@code name}.log. */
    private Process start(Path sparkHome, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(moduleOptions());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.12");
        pb.environment().put("SPARK_LOCAL_IP", HOST);
        return pb.start();
    }

    /**
     * The --add-opens options this JVM runs with (surefire's argLine), for the JVMs it starts; and its
     * hosts file, if any, so that they resolve names as this JVM does (see UnresolvedHostnameTest).
     */
    private static List<String> moduleOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")
                        || a.startsWith("-Djdk.net.hosts.file=")).toList();
    }

    private void awaitPort(int port, Process master) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(master.isAlive(), () -> "master died: " + log("master"));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(HOST, port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("master not listening on " + port + ": " + log("master"));
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name + ".log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
