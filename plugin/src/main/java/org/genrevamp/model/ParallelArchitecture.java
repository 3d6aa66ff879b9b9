package org.genrevamp.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;

/** The parallel Conv2D + bidirectional GRU network (work in progress). */
final class ParallelArchitecture {

    static final int MINIMUM_FRAMES = 8;

    private ParallelArchitecture() {
    }

    static ComputationGraphConfiguration configuration(int frames, int melBands, int numClasses, TrainingOptions options) {
        throw new UnsupportedOperationException("Architectures.build: 'parallel' is not implemented yet");
    }
}
