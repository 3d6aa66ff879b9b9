/**
 * What every bundle shares: the {@code GenreModel} contract the annotator runs, the zip container and its error prefix ({@code BundleZip}), the metadata a bundle records (labels, MelConfig, architecture, normaliser, card), the listing entries a host reads without a JSON parser ({@code BundleOutline}), atomic writes and {@code BundleException}.
 *
 * <p>May import: model.runtime, dsp. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.model.bundle;
