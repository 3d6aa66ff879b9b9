package org.genrevamp.trainer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * genre-trainer run in-process with its stderr captured: the diagnostics a test provokes on purpose
 * (usage errors, refused input) are asserted by the test instead of printed into the build log, where
 * a green build would show them as if something had failed.
 *
 * @param status the command's exit status
 * @param stderr everything written to stderr (genre-trainer: lines, picocli's usage messages), stripped
 */
public record TrainerRun(int status, String stderr) {

    public static TrainerRun of(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(err, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        int status;
        try {
            CommandLine cli = GenreTrainer.commandLine();
            cli.setErr(new PrintWriter(capture, true));
            status = cli.execute(args);
        } finally {
            System.setErr(saved);
        }
        return new TrainerRun(status, err.toString(StandardCharsets.UTF_8).strip());
    }
}
