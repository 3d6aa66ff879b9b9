/**
 * ND4J's process-wide concerns: making a thread safe for it ({@code Nd4jThreads}), extracting its native
 * libraries ahead of the first analysis ({@code NativeWarmup}), and the one bounded pool of threads the
 * streams run their networks on ({@code EnginePool}, sized by {@code EngineThreads}).
 *
 * <p>May import: nothing. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.model.runtime;
