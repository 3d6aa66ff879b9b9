package org.genrevamp.trainer.annotations;

/**
 * One annotation as read from a file, before it is matched to audio.
 *
 * @param start seconds
 * @param end   seconds; {@code +Inf} = until the end of the audio (the last of a run of instants)
 * @param label the label text, trimmed
 * @param line  1-based line in the annotation file, for messages
 */
public record LabelledSpan(double start, double end, String label, int line) {
}
