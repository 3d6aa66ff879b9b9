package org.genrevamp.hosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs one host command (Sonic Visualiser, vamp-simple-host) in its own process group under a hard
 * wall-clock limit, with stdout and stderr going to files in a work directory.
 *
 * <p>Why a process group: a host that fails a transform may sit forever in a modal dialog, and it
 * spawns children (Xvfb, the Piper plugin server) that must die with it. The command is started
 * through {@code setsid}, so its pid is the group id, and on timeout the whole group gets TERM and,
 * after a grace period, KILL.
 */
public final class HostProcess {
    // Under load SV takes seconds to shut down after TERM; cutting that short KILLs Xvfb uncleanly.
    private static final Duration GRACE = Duration.ofSeconds(10);

    /** What a finished (or killed) command left behind. {@code exitCode} is -1 when it was killed on timeout. */
    public record Outcome(List<String> command, int exitCode, boolean timedOut, Duration elapsed, Path stdout, Path stderr) {
        public String stdoutText() {
            return readQuietly(stdout);
        }

        public String stderrText() {
            return readQuietly(stderr);
        }

        /** The last {@code maxChars} of stderr, for assertion messages. */
        public String stderrTail(int maxChars) {
            String text = stderrText();
            return text.length() <= maxChars ? text : "..." + text.substring(text.length() - maxChars);
        }

        public String summary() {
            return String.join(" ", command) + " -> " + (timedOut ? "KILLED after timeout" : "exit " + exitCode)
                    + " in " + elapsed.toMillis() + " ms; stdout " + stdout + ", stderr " + stderr;
        }
    }

    private HostProcess() {
    }

    /** True when {@code program} is an executable on PATH (or an executable absolute path). */
    public static boolean onPath(String program) {
        Path direct = Path.of(program);
        if (direct.isAbsolute()) {
            return Files.isExecutable(direct);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code command} in {@code workDir} with {@code environment} added to this process's
     * environment. stdout goes to {@code workDir/<name>.stdout}, stderr to {@code workDir/<name>.stderr}.
     *
     * @throws IOException when the command cannot be started at all
     */
    public static Outcome run(String name, List<String> command, Path workDir, Map<String, String> environment,
            Duration timeout) throws IOException {
        return run(name, command, workDir, env -> env.putAll(environment), timeout);
    }

    /** As above, with {@code environment} free to change or remove any variable of this process's environment. */
    public static Outcome run(String name, List<String> command, Path workDir,
            Consumer<Map<String, String>> environment, Duration timeout) throws IOException {
        return run(name, shortForm(command), command, workDir, environment, timeout);
    }

    /**
     * As above; {@code what} says what the run does in the progress line printed after it (one line per
     * host run, so that a long host test shows progress: what, how it ended, how long it took).
     */
    public static Outcome run(String name, String what, List<String> command, Path workDir,
            Consumer<Map<String, String>> environment, Duration timeout) throws IOException {
        Files.createDirectories(workDir);
        Path stdout = workDir.resolve(name + ".stdout");
        Path stderr = workDir.resolve(name + ".stderr");
        List<String> full = new ArrayList<>();
        full.add("setsid");
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        environment.accept(builder.environment());
        String setting = testSetting(builder.environment());
        long start = System.nanoTime();
        Process process = builder.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            killGroup(process);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Outcome outcome = new Outcome(List.copyOf(command), finished ? process.exitValue() : -1, !finished, elapsed, stdout, stderr);
        System.out.println("host run: " + what + setting
                + (outcome.timedOut() ? " -> killed after timeout" : " -> exit " + outcome.exitCode())
                + String.format(Locale.ROOT, " in %.1f s", elapsed.toMillis() / 1000.0));
        return outcome;
    }

    /** The genre-vamp variables a test set for this run beyond the usual ones ({@link HostModel}), for the progress line. */
    private static String testSetting(Map<String, String> environment) {
        Map<String, String> usual = HostModel.environment();
        return environment.entrySet().stream()
                .filter(e -> e.getKey().startsWith("GENRE_VAMP_") && !e.getValue().equals(usual.get(e.getKey())))
                .map(e -> " " + e.getKey() + "=" + shortForm(List.of(e.getValue()))).sorted().collect(Collectors.joining());
    }

    /** The command with file names instead of whole paths, for the progress line. */
    public static String shortForm(List<String> command) {
        return command.stream().map(arg -> arg.indexOf('/') >= 0 && !arg.endsWith("/")
                ? String.valueOf(Path.of(arg).getFileName()) : arg).collect(Collectors.joining(" "));
    }

    /**
     * Ends the command and everything it started. First TERM to the descendants except an X server,
     * so that a wrapper like xvfb-run sees its client exit and shuts its Xvfb down cleanly (a killed
     * Xvfb leaves a stale /tmp/.X<n>-lock behind); then TERM and KILL to the whole process group
     * (setsid made the command's pid the group id); last, any descendant that left the group.
     */
    private static void killGroup(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.stream().filter(p -> !isXServer(p)).forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                signalGroup(process.pid(), "TERM");
                if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    signalGroup(process.pid(), "KILL");
                    process.destroyForcibly();
                    process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Orphans still shutting down (xvfb-run TERMs its Xvfb and exits without waiting) get time to
        // finish before being forced.
        long deadline = System.nanoTime() + GRACE.toNanos();
        for (ProcessHandle p : descendants) {
            try {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // still alive: forced below
            }
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean isXServer(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/Xvfb") || c.equals("Xvfb")).orElse(false);
    }

    private static void signalGroup(long groupId, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, "--", "-" + groupId).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            System.err.println("genre-vamp: HostProcess.signalGroup: cannot run kill: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            // Hosts may write bytes that are not UTF-8; fall back to Latin-1, which never fails.
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                return "<unreadable " + file + ": " + again.getMessage() + ">";
            }
        }
    }
}
