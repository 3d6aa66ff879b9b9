package org.genrevamp.trainer.batch;

import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.model.bundle.GenreModel;

/**
 * The models of this JVM keyed by {@link ModelRef} ({@link JvmPool}: one instance per concurrent task,
 * as a model is not made for concurrent use: the transfer model serialises its {@code predict}).
 */
public final class ModelPool {

    private static final JvmPool<ModelRef, GenreModel> POOL = new JvmPool<>();

    private ModelPool() {
    }

    /** An idle model of {@code ref}, loaded now if every loaded one is busy. */
    static GenreModel borrow(ModelRef ref) throws BundleException {
        return POOL.borrow(ref, ModelRef::load);
    }

    /** Makes {@code model} (borrowed for {@code ref}) available to the next task. */
    public static void giveBack(ModelRef ref, GenreModel model) {
        POOL.giveBack(ref, model);
    }

    /** Bundle loads in this JVM so far (tests check that tasks reuse models). */
    static int loads() {
        return POOL.loads();
    }
}
