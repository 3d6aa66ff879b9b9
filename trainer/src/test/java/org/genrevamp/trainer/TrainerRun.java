package org.genrevamp.trainer;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * genre-trainer run in-process with its stderr captured ({@link CapturedStderr}): usage errors, refused
 * input and warnings are asserted by the test instead of printed into the build log.
 *
 * @param status the command's exit status
 * @param stderr everything written to stderr (genre-trainer: lines, picocli's usage messages), stripped
 */
public record TrainerRun(int status, String stderr) {

    public static TrainerRun of(String... args) {
        CapturedStderr<Integer> run = CapturedStderr.of(() -> {
            CommandLine cli = GenreTrainer.commandLine();
            cli.setErr(new PrintWriter(System.err, true));
            return cli.execute(args);
        });
        return new TrainerRun(run.result(), run.text().strip());
    }

    /** The {@code genre-trainer: warning:} lines. */
    public List<String> warnings() {
        return CapturedStderr.warningsIn(stderr);
    }
}
