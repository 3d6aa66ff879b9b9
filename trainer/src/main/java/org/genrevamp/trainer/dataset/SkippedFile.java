package org.genrevamp.trainer.dataset;

/** A file left out of a run, and why (missing, empty, unreadable, too short, ...). */
public record SkippedFile(String file, String reason) {
}
