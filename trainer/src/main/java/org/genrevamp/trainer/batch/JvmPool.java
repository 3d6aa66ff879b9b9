package org.genrevamp.trainer.batch;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loaded things of one JVM (one per executor), kept for its whole life and keyed by what they were
 * loaded from: a task borrows one, works through its slice of files and gives it back, so later tasks
 * reuse it without loading again. Networks are not made for concurrent use, so tasks running at the
 * same time (one per executor core) each get their own instance: at most one load per core, and the
 * cores never wait for each other.
 */
final class JvmPool<K, V> {

    /** Loads the value of a key. */
    interface Loader<K, V, E extends Exception> {
        V load(K key) throws E;
    }

    private final Map<K, Queue<V>> idle = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    /** An idle value of {@code key}, loaded now if every loaded one is busy. */
    <E extends Exception> V borrow(K key, Loader<K, V, E> loader) throws E {
        V value = idle.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).poll();
        if (value != null) {
            return value;
        }
        loads.incrementAndGet();
        return loader.load(key);
    }

    /** Makes {@code value} (borrowed for {@code key}) available to the next task. */
    void giveBack(K key, V value) {
        idle.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>()).add(value);
    }

    /** Loads in this JVM so far (tests check that tasks reuse what was loaded). */
    int loads() {
        return loads.get();
    }
}
