package org.genrevamp.trainer.command;

import org.genrevamp.trainer.GenreTrainer;
import org.genrevamp.trainer.TrainerRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
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
        TrainerRun missingOption = TrainerRun.of("evaluate");
        assertEquals(2, missingOption.status());
        assertTrue(missingOption.stderr().startsWith("Missing required option"), missingOption.stderr());
        TrainerRun unknown = TrainerRun.of("no-such-command");
        assertEquals(2, unknown.status());
        assertTrue(unknown.stderr().startsWith("Unmatched argument at index 0: 'no-such-command'"), unknown.stderr());
        for (String[] args : List.of(new String[] {"train", "--cache", tmp.resolve("absent").toString()},
                new String[] {"prepare", "--data", tmp.resolve("absent").toString()})) {
            TrainerRun run = TrainerRun.of(args);
            assertEquals(1, run.status(), run.stderr());
            assertTrue(run.stderr().startsWith("genre-trainer: error: ") && run.stderr().contains("absent"), run.stderr());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"prepare", "train"})
    void prepareAndTrainReadTheSameSplitOptions(String command) {
        CommandLine cli = GenreTrainer.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(command, "--data", "d", "--split", "artist", "--artists", "a.tsv");
        Object cmd = parsed.subcommand().commandSpec().userObject();
        SplitOptions splits = cmd instanceof TrainCommand t ? t.splits : ((PrepareCommand) cmd).splits;
        assertEquals("artist", splits.split);
        assertEquals(Path.of("a.tsv"), splits.artists);
        assertEquals(Path.of("p", "gtzan-fault-filtered"), splits.splitDir(Path.of("p")));

        CommandLine.ParseResult defaults = GenreTrainer.commandLine().parseArgs(command, "--data", "d", "--split-dir", "lists");
        SplitOptions d = defaults.subcommand().commandSpec().userObject() instanceof TrainCommand t
                ? t.splits : ((PrepareCommand) defaults.subcommand().commandSpec().userObject()).splits;
        assertEquals("fault-filtered", d.split);
        assertEquals(Path.of("lists"), d.splitDir(Path.of("p")));
    }
}
