package org.genrevamp.trainer.batch;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.genrevamp.model.BundleException;
import org.genrevamp.model.GenreModel;

/**
 * The models of this JVM (one per executor), kept for its whole life and keyed by {@link ModelRef}:
 * a task borrows one, annotates its slice of files and gives it back, so later tasks reuse it without
 * reading the bundle again. A model is not made for concurrent use (the transfer model serialises
 * its {@code predict}), so tasks running at the same time (one per executor core) each get their own
 * instance: at most one load per core, and the cores never wait for each other.
 */
final class ModelPool {

    private static final Map<ModelRef, Queue<GenreModel>> IDLE = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ModelPool() {
    }

    /** An idle model of {@code ref}, loaded now if every loaded one is busy. */
    static GenreModel borrow(ModelRef ref) throws BundleException {
        GenreModel model = IDLE.computeIfAbsent(ref, r -> new ConcurrentLinkedQueue<>()).poll();
        if (model != null) {
            return model;
        }
        LOADS.incrementAndGet();
        return ref.load();
    }

    /** Makes {@code model} (borrowed for {@code ref}) available to the next task. */
    static void giveBack(ModelRef ref, GenreModel model) {
        IDLE.computeIfAbsent(ref, r -> new ConcurrentLinkedQueue<>()).add(model);
    }

    /** Bundle loads in this JVM so far (tests check that tasks reuse models). */
    static int loads() {
        return LOADS.get();
    }
}
