package org.genrevamp.trainer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * What an action wrote to stderr, captured so that the diagnostics a test provokes on purpose are
 * asserted instead of printed into the build log (where a green build would show them as if something
 * had failed). Log4j's console appender follows {@code System.err} (log4j2.properties), so Spark's
 * log lines are captured too.
 *
 * @param result what the action returned
 * @param text   everything written to stderr meanwhile
 */
public record CapturedStderr<T>(T result, String text) {

    /** The OMP_NUM_THREADS warning a batch job gives in a JVM without the variable (surefire's). */
    public static final String OMP_WARNING = "genre-trainer: warning: OMP_NUM_THREADS is unset: every task thread may"
            + " run ND4J on every core; set OMP_NUM_THREADS=1";

    public static <T> CapturedStderr<T> of(Supplier<T> action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        T result;
        try {
            result = action.get();
        } finally {
            System.setErr(saved);
        }
        return new CapturedStderr<>(result, bytes.toString(StandardCharsets.UTF_8));
    }

    /** The {@code genre-trainer: warning:} lines. */
    public List<String> warnings() {
        return warningsIn(text);
    }

    /** The {@code genre-trainer: warning:} lines of {@code text}. */
    public static List<String> warningsIn(String text) {
        return text.lines().filter(l -> l.startsWith("genre-trainer: warning:")).toList();
    }

    /** The warnings a Spark job should give in this JVM: {@link #OMP_WARNING} where OMP_NUM_THREADS is unset. */
    public static List<String> expectedSparkWarnings() {
        return System.getenv("OMP_NUM_THREADS") == null ? List.of(OMP_WARNING) : List.of();
    }
}
