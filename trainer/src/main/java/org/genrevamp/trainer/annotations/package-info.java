/**
 * Labels drawn by users: readers for Sonic Visualiser (SVL, CSV), sonic-annotator CSV, lab and Audacity label files, and the dataset of labelled regions they make.
 *
 * <p>May import: trainer.dataset, trainer.console; model rooms, annotate, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.trainer.annotations;
