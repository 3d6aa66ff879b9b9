/**
 * Window probabilities -> genre regions and a track summary. Plain Java: no Vamp, JNA or DL4J.
 *
 * <p>Plugin wiring, per file:
 * <ol>
 *   <li>{@link org.genrevamp.annotate.WindowPlan#forMel} with the bundle's {@code melConfig()},
 *       {@code windowFrames()} and the hop parameter (suggested 1.5 s).</li>
 *   <li>A {@link org.genrevamp.annotate.WindowAccumulator} receives MelStream frames
 *       ({@code accumulator::accept} is a {@code FrameSink}) and hands batches of 16 windows to the
 *       model's {@code predict}; each result row goes into a {@link org.genrevamp.annotate.ProbabilityTrack}
 *       with its {@link org.genrevamp.annotate.WindowSpan#centreSeconds()}. Per-window outputs (probabilities,
 *       {@link org.genrevamp.annotate.Probabilities#confidence}) can be emitted at those centres.</li>
 *   <li>At the end: {@code MelStream.finish}, {@code WindowAccumulator.finish}, then
 *       {@link org.genrevamp.annotate.GenreSegmenter#segment} and
 *       {@link org.genrevamp.annotate.TrackSummary#of} with the file's duration in seconds.</li>
 * </ol>
 * Streaming transfer models segment, then label instead ({@link org.genrevamp.annotate.SegmentedTrack}):
 * candidate changes from {@link org.genrevamp.annotate.FooteNovelty} on 0.77 s mel statistics, each
 * segment named by the head on its own windows' pooled features (or, shorter than a window, on the
 * networks' heads over the trunk steps the stream kept inside it), neighbours of one genre merged.
 * {@link org.genrevamp.annotate.GenreAnnotator} does all of this for one signal at a time (with
 * {@link org.genrevamp.annotate.InputEnd} for where a host-fed input ends): the plugin and the
 * trainer's batch job both call it. All times are in seconds from the start of the file.
 *
 * <p>May import: model rooms, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.annotate;
