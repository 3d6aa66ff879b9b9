package org.genrevamp.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class CommandLineTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"prepare", "train", "evaluate", "export", "annotate"})
    void everyCommandHasHelp(String command) {
        CommandLine cli = GenreTrainer.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(command, "--help"));
        assertTrue(out.toString().startsWith("Usage: genre-trainer " + command), out.toString());
    }

    @Test
    void trainHelpNamesTheSeedAndItsDefault() {
        CommandLine cli = GenreTrainer.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.execute("train", "--help");
        assertTrue(out.toString().contains("--seed") && out.toString().contains("default: 42"), out.toString());
    }

    @Test
    void badUsageAndMissingInputFailWithNonZeroStatus() {
        CommandLine cli = GenreTrainer.commandLine();
        cli.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cli.execute("evaluate"));
        assertEquals(2, GenreTrainer.commandLine().execute("no-such-command"));
        assertEquals(1, GenreTrainer.commandLine().execute("train", "--cache", tmp.resolve("absent").toString()));
        assertEquals(1, GenreTrainer.commandLine().execute("prepare", "--data", tmp.resolve("absent").toString()));
    }
}
