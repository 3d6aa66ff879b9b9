package org.genrevamp.trainer.annotations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads one annotation file format into labelled spans. */
public interface AnnotationReader {
    /**
     * @return the file's spans in file order; instants already turned into spans (each lasting until
     *         the next instant, the last until the end of the audio)
     * @throws AnnotationException naming file, line and time when a line is malformed
     * @throws IOException         when the file cannot be read
     */
    List<LabelledSpan> read(Path file) throws IOException;
}
