/**
 * The picocli commands ({@code prepare}, {@code train}, {@code evaluate}, {@code export}, {@code annotate}) and the option groups they share: each parses its options and hands the work to its room.
 *
 * <p>May import: every trainer room but the entry point; model rooms, annotate, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer.command;
