package org.genrevamp.annotate;

import java.util.Arrays;
import java.util.function.Consumer;
import org.genrevamp.dsp.Downmix;

/**
 * Decoded audio fed as a Vamp host feeds the plugin: blocks of {@link InputEnd#HOST_BLOCK} samples, the
 * last one zero-padded, each mixed to mono. The batch job and the benchmarks use it, so what they
 * annotate matches what vamp-simple-host prints for the same decoded audio.
 */
public final class HostBlocks {

    private HostBlocks() {
    }

    /**
     * Hands {@code block} each mono block of {@code channels} ({@link InputEnd#HOST_BLOCK} samples, reused
     * between calls), in order.
     *
     * @return where the input ends, as the plugin finds it
     */
    public static InputEnd feed(float[][] channels, Consumer<float[]> block) {
        InputEnd end = new InputEnd(InputEnd.HOST_BLOCK);
        float[][] samples = new float[channels.length][InputEnd.HOST_BLOCK];
        int total = channels[0].length;
        for (int start = 0; start < total; start += InputEnd.HOST_BLOCK) {
            for (int c = 0; c < channels.length; c++) {
                Arrays.fill(samples[c], 0f);
                System.arraycopy(channels[c], start, samples[c], 0, Math.min(InputEnd.HOST_BLOCK, total - start));
            }
            float[] mono = Downmix.mono(samples);
            block.accept(mono);
            end.block(mono);
        }
        return end;
    }
}
