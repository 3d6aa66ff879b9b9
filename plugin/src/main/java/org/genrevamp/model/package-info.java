/**
 * Which genre models exist and opening them by name or file: the catalogue of bundles shipped in the jar ({@code BundledModels}), their listings ({@code BundleInfo}) and {@code GenreModels}, which tells a scratch bundle from a transfer bundle and loads either.
 *
 * <p>May import: model.bundle, model.scratch, model.transfer, model.tagger, model.runtime, dsp. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.model;
