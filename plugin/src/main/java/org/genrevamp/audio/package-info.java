/**
 * Decoding audio files (WAV/AIFF through Java Sound, MP3 through JLayer) into float samples for the trainer, the batch job and tests.
 *
 * <p>May import: dsp. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.audio;
