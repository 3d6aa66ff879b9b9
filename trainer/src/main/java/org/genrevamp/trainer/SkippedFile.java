package org.genrevamp.trainer;

/** A file left out of a run, and why (missing, empty, unreadable, too short, ...). */
public record SkippedFile(String file, String reason) {
}
