package org.genrevamp.trainer.command;

import org.genrevamp.trainer.batch.InputFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.genrevamp.trainer.TrainerRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@code annotate} ends with status 1 and one line naming the problem, before Spark starts. */
class AnnotateCommandTest {

    @TempDir
    Path tmp;

    @Test
    void missingInputIsOneLine() {
        String err = run("annotate", "--input", tmp.resolve("absent").toString(), "--out", tmp.resolve("out").toString());
        assertTrue(err.contains("neither a directory nor a list file"), err);
    }

    @Test
    void unknownModelIsOneLine() throws Exception {
        Path list = Files.writeString(tmp.resolve("list.txt"), "a.wav\n");
        String err = run("annotate", "--input", list.toString(), "--out", tmp.resolve("out").toString(),
                "--model", tmp.resolve("no-such-model.zip").toString());
        assertTrue(err.contains("no-such-model.zip") && err.contains("file not found"), err);
    }

    @Test
    void aHopLongerThanTheModelWindowIsRefused() throws Exception {
        Path list = Files.writeString(tmp.resolve("list.txt"), "a.wav\n");
        String err = run("annotate", "--input", list.toString(), "--out", tmp.resolve("out").toString(),
                "--model", "cnn", "--hop", "10");
        assertTrue(err.contains("hop 10.0 s is longer than the model's"), err);
    }

    @Test
    void listFilesResolveRelativePathsAndSkipComments() throws Exception {
        Path list = Files.writeString(tmp.resolve("list.txt"), "# library\n\nsub/a.wav\n/abs/b.mp3\nsub/a.wav\n");
        assertEquals(List.of(tmp.resolve("sub/a.wav").toString(), "/abs/b.mp3"), InputFiles.list(list));
    }

    private static String run(String... args) {
        TrainerRun run = TrainerRun.of(args);
        assertEquals(1, run.status(), run.stderr());
        assertFalse(run.stderr().contains("\n"), "one line: " + run.stderr());
        assertTrue(run.stderr().startsWith("genre-trainer: error: "), run.stderr());
        return run.stderr();
    }
}
