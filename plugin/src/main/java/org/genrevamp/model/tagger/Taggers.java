package org.genrevamp.model.tagger;

import java.util.Map;

/** Builds the right {@link TaggerNetwork} for a state dict, recognised by its keys. */
public final class Taggers {

    private Taggers() {
    }

    /**
     * @param stateDict a state dict read by {@link TorchCheckpoint}
     * @return a CRNN (keys {@code layer5.weight_ih_l0}), musicnn ({@code layers.0.conv.weight}) or FCN
     *         ({@code layer5.conv.weight}) tagger
     * @throws IllegalArgumentException when the keys match none of them, or a tensor is missing or misshaped
     */
    public static TaggerNetwork fromStateDict(Map<String, Tensor> stateDict) {
        if (stateDict.containsKey("layer5.weight_ih_l0")) {
            return CrnnTagger.fromStateDict(stateDict);
        }
        if (stateDict.containsKey("layers.0.conv.weight")) {
            return MusicnnTagger.fromStateDict(stateDict);
        }
        if (stateDict.containsKey("layer5.conv.weight")) {
            return FcnTagger.fromStateDict(stateDict);
        }
        throw new IllegalArgumentException("not a known tagger state dict (crnn, fcn or musicnn): keys "
                + stateDict.keySet().stream().limit(8).toList() + "...");
    }
}
