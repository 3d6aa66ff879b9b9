package org.genrevamp.model.runtime;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Extracts ND4J's native libraries (~400 MB, ~3.5 s) into the javacpp cache
 * ({@code ~/.javacpp/cache}, or {@code -Dorg.bytedeco.javacpp.cachedir}) ahead of time, so a host's
 * first {@code initialise} does not pay for it. Run by install.sh; prints only on stderr.
 */
public final class NativeWarmup {

    private NativeWarmup() {
    }

    public static void main(String[] args) {
        Nd4jThreads.prepare();
        long start = System.nanoTime();
        Nd4j.create(new float[] {1f, 2f}).sumNumber();
        System.err.printf("genre-vamp: NativeWarmup.main: ND4J native libraries ready (%.1f s)%n",
                (System.nanoTime() - start) / 1e9);
    }
}
