package org.genrevamp.annotate;

/**
 * One network input window.
 *
 * @param index         position in the file's window sequence, from 0
 * @param firstFrame    first spectrogram frame used
 * @param realFrames    frames of real audio in the window; less than the plan's {@code windowFrames}
 *                      only for the single, cyclically padded window of a file shorter than a window
 * @param centreSeconds mean centre time of the real frames, in seconds (where the window's
 *                      prediction is placed on the time line)
 */
public record WindowSpan(int index, long firstFrame, int realFrames, double centreSeconds) {
}
