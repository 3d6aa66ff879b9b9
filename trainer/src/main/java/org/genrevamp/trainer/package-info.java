/**
 * The {@code genre-trainer} entry point: {@code GenreTrainer} wires the picocli commands (the jar's manifest names it).
 *
 * <p>May import: trainer.command, trainer.console. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer;
