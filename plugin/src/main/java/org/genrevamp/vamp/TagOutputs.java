package org.genrevamp.vamp;

import java.util.List;
import org.genrevamp.annotate.TagTrack;
import org.genrevamp.annotate.TaggerFeed;
import org.genrevamp.annotate.TrackSummary;
import org.genrevamp.annotate.WindowPlan;
import org.genrevamp.dsp.MelConfig;
import org.genrevamp.model.transfer.BackboneStream;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.model.transfer.TagSource;

/**
 * The tag outputs, from the chosen {@link TagSource}'s CRNN on windows of its own log-mel
 * ({@link MelConfig#torchaudioTagger()}):
 * <ul>
 *   <li>{@value #TAGS}: the 50 tag probabilities per window (FixedSampleRate, 1/hop; independent
 *       sigmoids, they do not sum to 1), stamped at the window's start like the genre probabilities; bin
 *       names are the tags. Sonic Visualiser shows it as a colour 3D plot.</li>
 *   <li>{@value #TRACK_TAGS}: one feature from 0 to the end, value = top tag index, label = the top
 *       {@value #LABEL_TAGS} tags with their duration-weighted mean probabilities, as the genre
 *       {@code track} output writes genres.</li>
 * </ul>
 * Windows are the tagger's streamed windows (1728 frames, 27.6 s) every hop, the genre hop parameter
 * rounded to whole 96-frame steps as for the transfer models. Their tags arrive either from this object's
 * own {@link TaggerFeed} over the frames and samples it is given, or, when the genre model already runs the same
 * network, from the genre model's stream ({@link #window}), so the tagger does not run twice. Silent when
 * the tagger is off.
 */
final class TagOutputs implements FrameOutput {

    static final String TAGS = "tags";
    static final String TRACK_TAGS = "tracktags";
    static final int TAGS_OUT = 0, TRACK_TAGS_OUT = 1;
    /** Tags named in the {@value #TRACK_TAGS} label. */
    static final int LABEL_TAGS = 5;

    private final TagSource source;
    private final List<String> names;
    private final GenreParameters parameters;
    private final double descriptorHopSeconds;
    private Backbones tagger;     // null: tags come from the genre model's stream, or tagging is off
    private TaggerFeed feed;      // the tagger run by this object; null when tapped from the genre model or off
    private TagTrack track;
    private FeatureSet out;
    private int firstOutput;

    /**
     * @param source     the tagger, null when off
     * @param names      its tag names (descriptors: bin names)
     * @param sampleRate the host's rate (descriptors: whole-sample hops)
     */
    TagOutputs(TagSource source, List<String> names, double sampleRate, GenreParameters parameters) {
        this.source = source;
        this.names = List.copyOf(names);
        this.parameters = parameters;
        this.descriptorHopSeconds = TagTrack.plan(sampleRate, parameters.hopSeconds()).hopSeconds();
    }

    @Override
    public List<OutputDescriptor> descriptors() {
        String from = source == null ? "the tagger (off: no features)" : "the " + source.backboneName() + " tagger";
        return List.of(
                OutputDescriptor.builder(TAGS).name("Tags")
                        .description("Probability of each of the " + names.size() + " tags of " + from
                                + " per analysis window (independent, they do not sum to 1)")
                        .bins(names.size(), names).extents(0, 1).fixedSampleRateEvery(descriptorHopSeconds)
                        .build(),
                OutputDescriptor.builder(TRACK_TAGS).name("Track Tags")
                        .description("Whole-file tags of " + from + ": label = top " + LABEL_TAGS
                                + " tags with mean probabilities, value = top tag index")
                        .bins(1, List.of()).extents(0, names.size() - 1).quantizeStep(1)
                        .variableSampleRate(0).hasDuration(true).build());
    }

    /** Whether tagging is on. */
    boolean enabled() {
        return source != null;
    }

    /** Tags computed by this object: the tagger network; must be called before {@link #start}. */
    void bindOwnTagger(Backbones network) {
        this.tagger = network;
    }

    @Override
    public void start(MelConfig config, double sampleRate) {
        close();
        track = new TagTrack(TagTrack.plan(sampleRate, parameters.hopSeconds()), names.size());
        feed = tagger == null ? null : new TaggerFeed(tagger, track.plan().hopFrames(), this::window, config, sampleRate);
    }

    @Override
    public void frame(long index, float[] melDb, FeatureSet out, int firstOutput) {
        this.out = out;
        this.firstOutput = firstOutput;
        if (feed != null) {
            feed.modelFrame(melDb);
        }
    }

    /** New mono samples of the input, for a tagger with its own front end. */
    void samples(float[] mono, int offset, int length) {
        if (feed != null) {
            feed.samples(mono, offset, length);
        }
    }

    /**
     * One window's tagger output ({@link Backbones#joined}: embedding, then the tags), from this object's
     * stream or from the genre model's stream when it runs this tagger ({@link GenreOutputs#shareBackbone}).
     * A window the tagger has already delivered (the genre stream's end-aligned tail can repeat the
     * tagger's last window when only its other network had steps left) is dropped; the {@value #TAGS}
     * output, a fixed-rate grid, only shows windows on it (the end-aligned tail of a hop of several steps
     * is not), while {@value #TRACK_TAGS} counts every window.
     *
     * @param firstFrame the tagger's window's first frame
     * @param realFrames frames of real audio in the window (the tagger's part is at most its 1728)
     */
    void window(long firstFrame, int realFrames, float[] joined) {
        float[] tags = track.add(firstFrame, realFrames, joined);
        WindowPlan plan = track.plan();
        if (tags != null && firstFrame % plan.hopFrames() == 0) {
            out.add(firstOutput + TAGS_OUT, Feature.at(RealTime.fromSeconds(firstFrame * plan.frameHopSeconds()), tags));
        }
    }

    /**
     * Where {@link #window} features go; set by the plugin at the start of each call, as the genre
     * model's stream may deliver windows before this object's {@link #frame} is called.
     */
    void target(FeatureSet features, int first) {
        this.out = features;
        this.firstOutput = first;
    }

    @Override
    public void finish(FeatureSet out, int firstOutput, double durationSeconds) {
        target(out, firstOutput);
        if (feed != null) {
            feed.finish();
        }
        TrackSummary summary = track.summary(durationSeconds, names, LABEL_TAGS);
        if (summary != null) {
            out.add(firstOutput + TRACK_TAGS_OUT, new Feature(RealTime.ZERO, RealTime.fromSeconds(track.endSeconds(durationSeconds)),
                    new float[] {summary.topIndex()}, summary.label()));
        }
    }

    @Override
    public void reset() {
        if (track != null) {
            track.clear();
        }
        if (feed != null) {
            feed.reset();
        }
    }

    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
    }
}
