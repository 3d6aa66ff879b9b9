/**
 * ND4J's process-wide settings: its thread count ({@code Nd4jThreads}) and extracting its native libraries ahead of the first analysis ({@code NativeWarmup}).
 *
 * <p>May import: nothing. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.model.runtime;
