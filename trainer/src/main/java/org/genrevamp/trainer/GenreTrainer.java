package org.genrevamp.trainer;

import org.genrevamp.trainer.command.EvaluateCommand;
import org.genrevamp.trainer.command.ExportCommand;
import org.genrevamp.trainer.command.PrepareCommand;
import org.genrevamp.trainer.command.TrainCommand;
import org.genrevamp.trainer.console.Log;
import org.genrevamp.trainer.console.Results;
import org.genrevamp.trainer.command.AnnotateCommand;
import picocli.CommandLine.Command;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * {@code genre-trainer}: datasets -> spectrogram cache -> trained network -> model bundle.
 * <ol>
 *   <li>{@code prepare}: scan a dataset, decode and compute log-mel frames into a cache;</li>
 *   <li>{@code train}: train, early-stop and checkpoint on the cache, score the test split, write the
 *       bundle and its report into a run directory;</li>
 *   <li>{@code evaluate}: score any bundle on any folder-per-genre directory of audio;</li>
 *   <li>{@code export}: copy a run's bundle and report to where they are shipped;</li>
 *   <li>{@code annotate}: annotate a whole library on Apache Spark (local or a cluster).</li>
 * </ol>
 * Results go to stdout; logs and progress bars to stderr.
 */
@Command(name = "genre-trainer", mixinStandardHelpOptions = true, version = "genre-trainer 0.1.0",
        description = "Builds genre-vamp model bundles: prepare -> train -> evaluate -> export.",
        subcommands = {PrepareCommand.class, TrainCommand.class, EvaluateCommand.class, ExportCommand.class,
                AnnotateCommand.class,
                CommandLine.HelpCommand.class})
public final class GenreTrainer implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Results.reserveStdout();
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (tests run it in-process). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GenreTrainer());
        cli.setOut(new PrintWriter(Results.out(), true)); // help and version are results, too
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Log.error(e.getMessage() == null ? e.toString() : e.getMessage());
            if (Boolean.getBoolean("genretrainer.stacktrace")) {
                e.printStackTrace();
            }
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: prepare, train, evaluate, export");
    }
}
