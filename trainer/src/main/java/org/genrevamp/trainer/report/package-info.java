/**
 * Metrics (accuracy, top-k, macro-F1, confusion), evaluation of scored windows and tracks, and the JSON/plot reports a run writes.
 *
 * <p>May import: trainer.console; model rooms, annotate, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer.report;
