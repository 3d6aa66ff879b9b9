/**
 * The Vamp plugin in plain Java: parameters, output descriptors, the model catalogue and the genre plugin that feeds host blocks to the engine and turns its results into features.
 *
 * <p>May import: annotate, model rooms, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.vamp;
