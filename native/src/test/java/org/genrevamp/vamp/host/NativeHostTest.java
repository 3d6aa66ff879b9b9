package org.genrevamp.vamp.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** genre-vamp.so under the C test host (native/src/test/c/test-host.c): the hard ways real hosts use it. */
class NativeHostTest {

    private static HostRun testHost(String mode, String... more) {
        List<String> command = new java.util.ArrayList<>(List.of(HostRun.TEST_HOST.toString(), mode,
                HostRun.LIBRARY.toString()));
        command.addAll(List.of(more));
        return HostRun.run(command, env -> { });
    }

    @Test
    void listsThePluginAndItsOutputs() {
        HostRun run = testHost("list");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().contains("plugin genre api 2"), run::toString);
        // the default model's spectrogram: 96 bands for the transfer models, 128 for the scratch ones
        int bands = org.genrevamp.hosts.HostModel.melBands();
        assertTrue(run.stdout().contains("output melspectrogram bins " + bands), run::toString);
        assertEquals(List.of(), run.pluginMessages(), "a healthy start is silent");
    }

    @Test
    void survivesRepeatedDlopenAndDlclose() {
        HostRun run = testHost("reload", "6");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().contains("reloaded 6 times"), run::toString);
    }

    @Test
    void twoLiveInstancesAtDifferentSampleRates() {
        HostRun run = testHost("rates");
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void twoInstancesInParallelThreadsAgree() {
        HostRun run = testHost("threads");
        assertEquals(0, run.exitCode(), run::toString);
    }

    /**
     * Sonic Visualiser deletes an instance when its layer is closed mid-computation: the engine's pool
     * threads (two, by GENRE_VAMP_THREADS) must end with it, seen by the host in /proc/self/task.
     */
    @Test
    void unloadingMidRunLeavesNoEngineThread() {
        HostRun run = HostRun.run(List.of(HostRun.TEST_HOST.toString(), "unload", HostRun.LIBRARY.toString(), "40"),
                env -> env.put("GENRE_VAMP_THREADS", "2"));
        assertEquals(0, run.exitCode(), run::toString);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("engine threads during the run (\\d+), after cleanup (\\d+)")
                .matcher(run.stdout());
        assertTrue(m.find(), run::toString);
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2,
                "one core: the engine runs on the host's thread, no pool to end");
        assertEquals(2, Integer.parseInt(m.group(1)), "the pool ran during the run: " + run);
        assertEquals(0, Integer.parseInt(m.group(2)), run::toString);
    }

    @Test
    void reusesAJvmTheHostAlreadyRuns() {
        HostRun run = testHost("foreign-jvm", HostRun.JAVA_HOME.resolve("lib/server/libjvm.so").toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().contains("output melspectrogram"), run::toString);
    }

    /**
     * Each callback made to throw: the host carries on and genre-vamp says so exactly once. (The
     * parameter and program callbacks are never called: the plugin has neither.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"instantiate", "initialise", "reset", "getPreferredStepSize", "getPreferredBlockSize",
            "getMinChannelCount", "getMaxChannelCount", "getOutputCount", "getOutputDescriptor",
            "releaseOutputDescriptor", "process", "getRemainingFeatures", "releaseFeatureSet", "cleanup"})
    void anExceptionInACallbackNeverReachesTheHost(String callback) {
        HostRun run = HostRun.run(List.of(HostRun.TEST_HOST.toString(), "lifecycle", HostRun.LIBRARY.toString()),
                env -> env.put("GENRE_VAMP_TEST_THROW", callback));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.hostSurvived(), run::toString);
        assertEquals(1, run.pluginMessages().size(), run::toString);
        assertTrue(run.pluginMessages().get(0).contains(callback), run::toString);
    }

    @Test
    void withoutJavaTheHostGetsNoPluginAndOneLine(@TempDir Path dir) throws IOException {
        Path lonely = Files.copy(HostRun.LIBRARY, dir.resolve("genre-vamp.so"));   // no conf, no jars beside it
        HostRun run = HostRun.run(List.of(HostRun.TEST_HOST.toString(), "list", lonely.toString()), env -> {
            env.remove("JAVA_HOME");
            env.put("PATH", dir.toString());
        });
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.hostSurvived(), run::toString);
        assertEquals(1, run.pluginMessages().size(), run::toString);
        assertTrue(run.pluginMessages().get(0).contains("no Java found"), run::toString);
    }

    @Test
    void aLibraryThatIsNoJvmIsRefusedWithOneLine() {
        HostRun run = HostRun.run(List.of(HostRun.TEST_HOST.toString(), "list", HostRun.LIBRARY.toString()),
                env -> env.put("GENRE_VAMP_JVM", HostRun.LIBRARY.toString()));
        assertEquals(3, run.exitCode(), run::toString);
        assertTrue(run.hostSurvived(), run::toString);
        assertEquals(List.of("genre-vamp: " + HostRun.LIBRARY + " is not a JVM library; plugin disabled"),
                run.pluginMessages());
    }

    @Test
    void missingJarsAreReportedNotFatal(@TempDir Path dir) throws IOException {
        Path so = Files.copy(HostRun.LIBRARY, dir.resolve("genre-vamp.so"));
        Files.copy(HostRun.VAMP_DIR.resolve("genre-vamp.conf"), dir.resolve("genre-vamp.conf"));
        HostRun run = HostRun.run(List.of(HostRun.TEST_HOST.toString(), "list", so.toString()), env -> { });
        assertEquals(3, run.exitCode(), run::toString);
        assertEquals(1, run.pluginMessages().size(), run::toString);
        assertTrue(run.pluginMessages().get(0).contains("no jars"), run::toString);
    }

    /** Options that would make a JVM exit() inside the host, or write to its stdout, are dropped with a line each. */
    @Test
    void badJvmOptionsAreDroppedAndThePluginStillStarts() {
        List<String> bad = List.of("-Xmx999999g", "-Xmx12q", "-XX:+UseG1GC", "-XX:OnError=reboot",
                "-XX:+PrintFlagsFinal", "-verbose:class", "-Xms64g");
        HostRun run = HostRun.run(List.of(HostRun.TEST_HOST.toString(), "list", HostRun.LIBRARY.toString()),
                env -> env.put("GENRE_VAMP_JAVA_OPTS", String.join(" ", bad) + " -Xmx512m -Dgenrevamp.test=1"));
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.stdout().contains("output melspectrogram"), run::toString);
        assertEquals(bad.size(), run.pluginMessages().size(), run::toString);
        for (String option : bad) {
            assertTrue(run.pluginMessages().stream().anyMatch(l -> l.contains("'" + option + "'")), option);
        }
    }
}
