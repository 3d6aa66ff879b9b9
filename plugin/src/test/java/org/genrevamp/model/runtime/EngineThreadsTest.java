package org.genrevamp.model.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EngineThreadsTest {

    @Test
    void defaultIsMinOfCoresAndFourWithinWhatTheCoresLeave() {
        assertEquals(2, EngineThreads.resolve(0, 2, 1));
        assertEquals(4, EngineThreads.resolve(0, 16, 1));
        assertEquals(1, EngineThreads.resolve(0, 1, 1));
        // pool threads x ND4J threads <= cores
        assertEquals(1, EngineThreads.resolve(0, 2, 2));
        assertEquals(4, EngineThreads.resolve(0, 16, 4));
        assertEquals(2, EngineThreads.resolve(8, 16, 8));
    }

    @Test
    void aRequestIsHonouredUpToTheCores() {
        assertEquals(3, EngineThreads.resolve(3, 16, 1));
        assertEquals(2, EngineThreads.resolve(4, 2, 1), "never oversubscribed");
        assertEquals(1, EngineThreads.resolve(1, 16, 1));
    }

    @Test
    void ndThreadsComeFromOmpNumThreadsElseAllCores() {
        assertEquals(1, EngineThreads.nd4jThreads("1", 8));
        assertEquals(8, EngineThreads.nd4jThreads(null, 8));
        assertEquals(8, EngineThreads.nd4jThreads("lots", 8));
    }

    @Test
    void parsesCountsAndNamesTheSourceOfABadOne() {
        assertEquals(0, EngineThreads.parse(null, "x"));
        assertEquals(0, EngineThreads.parse(" ", "x"));
        assertEquals(3, EngineThreads.parse(" 3 ", "x"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EngineThreads.parse("two", "GENRE_VAMP_THREADS"));
        assertEquals("GENRE_VAMP_THREADS 'two' is not a thread count (0-256, 0 = the default)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EngineThreads.parse("-1", "x"));
    }

    @Test
    void oneThreadRunsOnTheCallerAndTheLastLeaseStopsThePool() throws Exception {
        EnginePool.configureExactly(1);
        try (EnginePool.Lease lease = EnginePool.lease()) {
            Thread[] ran = new Thread[1];
            lease.executor().execute(() -> ran[0] = Thread.currentThread());
            assertEquals(Thread.currentThread(), ran[0]);
        }
        EnginePool.configureExactly(3);
        try {
            EnginePool.Lease a = EnginePool.lease();
            EnginePool.Lease b = EnginePool.lease();
            assertTrue(a.parallel());
            java.util.concurrent.CompletableFuture<String> name = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> Thread.currentThread().getName(), a.executor());
            assertTrue(EnginePool.await(name).startsWith("genre-vamp engine"));
            a.close();
            a.close(); // idempotent: b still holds the pool
            assertEquals(1, EnginePool.liveThreads());
            b.close();
            assertEquals(0, EnginePool.liveThreads());
        } finally {
            EnginePool.configureExactly(0);
        }
    }
}
