/**
 * The pretrained PyTorch music taggers (CNN-RNN, FCN, musicnn) rebuilt on ND4J: a restricted unpickler that reads their checkpoints without Python, their layers, and streaming versions of their convolution stacks.
 *
 * <p>May import: model.runtime, dsp. Enforced by {@code RoomsTest}.
 */
package org.genrevamp.model.tagger;
