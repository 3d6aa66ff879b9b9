/**
 * Networks trained from scratch with DL4J (the reference write-ups' CNN, CRNN and parallel CNN-RNN), the
 * GRU and SameDiff workarounds they need, and their bundle file, read and written by {@code BundleFormat}.
 *
 * <p>May import: model.bundle, model.runtime, dsp. Enforced by {@code RoomsTest}.
 *
 *
 * <h2>Bundle file</h2>
 * A zip with these entries, in this order:
 * <ul>
 *   <li>{@code labels.txt} and {@code melconfig.properties}: the labels (one a line, UTF-8) and the
 *       MelConfig ({@code name=value}, bundle.json's field names) again, which is all a host's listing
 *       needs, so it starts no JSON parser (see {@link org.genrevamp.model.bundle.BundleOutline}). Optional: bundles
 *       written before them still load and list (from bundle.json); when present,
 *       {@link org.genrevamp.model.scratch.ModelBundle#load} refuses them unless they agree with bundle.json;</li>
 *   <li>{@code bundle.json}: {@code format = "genre-vamp-bundle"}, {@code formatVersion = 1},
 *       {@code architecture} ({@code cnn | crnn | parallel}), {@code melConfig} (every
 *       {@link org.genrevamp.dsp.MelConfig} field; {@code topDb} must be the string "Infinity"),
 *       {@code labels} (network output order), {@code hierarchy} (label -> parent genre, may be empty),
 *       {@code windowFrames}, {@code windowSeconds} (= frames x hop, checked), {@code normaliser}
 *       ({@code mean[]}, {@code std[]} per mel band, fitted on the training split), {@code card}
 *       (free-form model card: data, split, parameters, figures);</li>
 *   <li>{@code network.zip}: the DL4J {@code ComputationGraph} as written by {@code ModelSerializer}
 *       (with updater state only when saved for continued training).</li>
 * </ul>
 * {@link org.genrevamp.model.scratch.ModelBundle#load} refuses, with a message naming the file and the reason,
 * anything the plugin cannot honour, and runs one forward pass so the first real prediction is not
 * slowed by graph building.
 *
 * <h2>Bundled models</h2>
 * The plugin jar ships bundles as {@code /models/<name>.zip}, declared in {@code /models/index.txt}
 * (one name per line, or {@code alias = name}). The default model is the alias
 * {@code default = <name>}, so it is not stored twice.
 *
 * <h2>Training</h2>
 * {@link org.genrevamp.model.scratch.Architectures#build} -> {@code fit} on
 * {@link org.genrevamp.model.scratch.FeatureLayout#dataSet} batches (normaliser from
 * {@link org.genrevamp.model.bundle.MelNormaliser#accumulator}) -> {@link org.genrevamp.model.scratch.ModelBundle#create}
 * -> {@link org.genrevamp.model.scratch.ModelBundle#save(java.nio.file.Path)}.
 */
package org.genrevamp.model.scratch;
