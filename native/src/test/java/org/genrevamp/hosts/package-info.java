/**
 * Real Vamp hosts as test harnesses: Sonic Visualiser 4.5 headless ({@link org.genrevamp.hosts.SonicVisualiser})
 * and the SDK's vamp-simple-host ({@link org.genrevamp.hosts.VampSimpleHost}), each run by
 * {@link org.genrevamp.hosts.HostProcess} in its own process group under a hard timeout. Tests that need a
 * host skip themselves when it is not installed; every run leaves its script, stdout, stderr, SV debug log
 * and exports in {@code target/host-artifacts/<test>/}.
 *
 * <p>Comparing the two hosts: {@link org.genrevamp.hosts.SvLayerCsv} reads SV's layer export,
 * {@link org.genrevamp.hosts.VampSimpleHostOutput} parses vamp-simple-host's stdout, and
 * {@link org.genrevamp.hosts.DenseLayerComparison} lines up a colour-3D-plot layer (SV writes no times)
 * with the host's timestamped features the way SV itself places them.
 */
package org.genrevamp.hosts;
