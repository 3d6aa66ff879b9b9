package org.genrevamp.vamp.abi;

/**
 * Test-only switch: {@code GENRE_VAMP_TEST_THROW=<callback>} (e.g. {@code process}) makes that
 * callback throw, so host tests can check that nothing crosses the ABI. Inert when unset.
 */
final class FaultInjection {

    private static final String TARGET = System.getenv("GENRE_VAMP_TEST_THROW");

    private FaultInjection() {
    }

    static void check(String callback) {
        if (TARGET != null && TARGET.equals(callback)) {
            throw new IllegalStateException("fault injected by GENRE_VAMP_TEST_THROW=" + callback);
        }
    }
}
