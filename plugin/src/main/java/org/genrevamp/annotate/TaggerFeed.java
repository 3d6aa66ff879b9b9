package org.genrevamp.annotate;

import org.genrevamp.dsp.MelConfig;
import org.genrevamp.dsp.MelStream;
import org.genrevamp.model.transfer.BackboneStream;
import org.genrevamp.model.transfer.Backbones;

/**
 * A tagger network run beside a genre model that does not run it itself, fed from the same signal:
 * the genre model's log-mel frames when they are the taggers' ({@link MelConfig#torchaudioTagger()}),
 * else its own front end over the same mono samples. The plugin's tag outputs and the trainer's batch
 * annotator both use it, so the two compute tags the same way. (When the genre model runs the tagger's
 * network, its stream is tapped instead: {@code TransferModel.tap}.)
 */
public final class TaggerFeed {

    private final BackboneStream network;
    private final MelStream ownMel;   // null: the genre model's frames are the tagger's

    /**
     * @param tagger     the tagger network
     * @param hopFrames  frames between windows (a whole number of {@link BackboneStream#STRIDE_FRAMES})
     * @param sink       receives each window's output ({@code Backbones#joined}: embedding, then tags)
     * @param modelMel   the genre model's log-mel configuration
     * @param sampleRate the input's sample rate
     */
    public TaggerFeed(Backbones tagger, int hopFrames, BackboneStream.PartSink sink, MelConfig modelMel,
                      double sampleRate) {
        this.network = new BackboneStream(tagger, hopFrames / BackboneStream.STRIDE_FRAMES, BackboneStream.part(0, sink));
        this.ownMel = MelConfig.torchaudioTagger().equals(modelMel) ? null
                : new MelStream(MelConfig.torchaudioTagger(), sampleRate);
    }

    /** One frame of the genre model's log-mel; used only when it is the tagger's. */
    public void modelFrame(float[] melDb) {
        if (ownMel == null) {
            network.accept(melDb);
        }
    }

    /** New mono samples; the tagger's own front end takes them when it has one. */
    public void samples(float[] mono, int offset, int length) {
        if (ownMel != null) {
            ownMel.push(mono, offset, length, (index, melDb) -> network.accept(melDb));
        }
    }

    /** The end of the input: flushes the front end and the network's last windows. */
    public void finish() {
        if (ownMel != null) {
            ownMel.finish((index, melDb) -> network.accept(melDb));
        }
        network.finish();
    }

    /** Stops the network's work in flight and gives back its engine threads (a host unloading mid-run). */
    public void close() {
        network.close();
    }

    /** Forgets the input so far, for a new signal. */
    public void reset() {
        if (ownMel != null) {
            ownMel.reset();
        }
        network.reset();
    }
}
