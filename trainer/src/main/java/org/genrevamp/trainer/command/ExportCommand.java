package org.genrevamp.trainer.command;

import org.genrevamp.trainer.console.Results;
import org.genrevamp.trainer.scratch.RunFinisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.genrevamp.model.bundle.GenreModel;
import org.genrevamp.model.GenreModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code export}: copies a finished run's bundle (checked by loading it) and report to where they ship. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Copies a trained run's bundle and report to where they ship.",
                "RUN/model.zip goes to --bundle (after loading it to check it), RUN/report/* to --report-dir,",
                "e.g. plugin/src/main/resources/models/default.zip and docs/models/<name>/. Deterministic: no seed."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--run", required = true, description = "run directory written by train")
    Path run;

    @Option(names = "--bundle", required = true, description = "where to copy the bundle")
    Path bundle;

    @Option(names = "--report-dir", description = "where to copy the report (report.md, PNGs, report.json)")
    Path reportDir;

    @Override
    public Integer call() throws Exception {
        Path source = run.resolve(RunFinisher.BUNDLE);
        GenreModel loaded = GenreModels.load(source);
        Path parent = bundle.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".export-", ".zip");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, bundle, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Results.out().printf("bundle %s (%s, %d genres, %d bytes)%n", bundle, loaded.architecture(),
                loaded.labels().size(), Files.size(bundle));
        if (reportDir != null) {
            Files.createDirectories(reportDir);
            List<Path> files;
            try (Stream<Path> list = Files.list(run.resolve(RunFinisher.REPORT))) {
                files = list.filter(Files::isRegularFile).toList();
            }
            for (Path f : files) {
                Files.copy(f, reportDir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            Results.out().printf("report %s (%d files)%n", reportDir, files.size());
        }
        return 0;
    }
}
