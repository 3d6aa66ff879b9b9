/**
 * What the trainer prints: log lines with the {@code genre-trainer:} prefix, progress bars, peak memory and the exit codes.
 *
 * <p>May import: nothing. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer.console;
