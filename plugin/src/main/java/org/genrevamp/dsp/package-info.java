/**
 * Signal processing: downmix, framing, the real FFT (JTransforms), mel filterbanks and the streaming log-mel spectrogram every model sees, plus the rhythm features of the dance model.
 *
 * <p>May import: nothing. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.dsp;
