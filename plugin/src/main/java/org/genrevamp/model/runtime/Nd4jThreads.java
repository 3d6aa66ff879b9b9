package org.genrevamp.model.runtime;

/**
 * Makes the calling thread safe for ND4J. A host thread attached to the JVM through JNI has a null
 * context class loader, and ND4J resolves its backend through the context loader the first time it
 * is used and caches the result: called from such a thread, ND4J would fail for the life of the
 * process. Every public entry point of this package that may touch ND4J calls {@link #prepare()} first.
 */
public final class Nd4jThreads {

    private Nd4jThreads() {
    }

    /** Gives the current thread this package's class loader when it has none. */
    public static void prepare() {
        Thread thread = Thread.currentThread();
        if (thread.getContextClassLoader() == null) {
            thread.setContextClassLoader(Nd4jThreads.class.getClassLoader());
        }
    }
}
