/**
 * The C side's view of the plugin: the JNA structures and callbacks the native shim hands to a Vamp host, and the guards that keep every Java exception on this side of the boundary.
 *
 * <p>May import: vamp, annotate, model rooms, dsp, audio. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.vamp.abi;
