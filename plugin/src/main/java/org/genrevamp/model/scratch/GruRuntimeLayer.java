package org.genrevamp.model.scratch;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.recurrent.GRU;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Runtime of {@link GruLayer}: trains through the unrolled SameDiff graph (whose gradients are
 * checked), but infers with ND4J's fused {@code gru} op, one native call instead of ~15 SameDiff ops
 * per step. The fused op's forward pass is the same GRU: gate blocks concatenated {@code [r|u|c]},
 * reset applied after the recurrent product, {@code h = u*h + (1-u)*c} (GruLayerTest checks both paths
 * against a plain-Java reference). Its backward pass is wrong in 1.0.0-M2.1, hence training stays unrolled.
 */
public class GruRuntimeLayer extends GainCorrectedSameDiffLayer {

    public GruRuntimeLayer(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (training) {
            return super.activate(true, workspaceMgr);
        }
        assertInputSet(false);
        GruLayer gru = (GruLayer) layerConf();
        INDArray result;
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray x = input.permute(2, 0, 1).dup('c');                  // [T, n, nIn], time-major
            long n = x.size(1);
            long units = gru.getUnits();
            INDArray wx = Nd4j.hstack(getParam("Wr"), getParam("Wu"), getParam("Wc"));
            INDArray wh = Nd4j.hstack(getParam("Ur"), getParam("Uu"), getParam("Uc"));
            INDArray b = Nd4j.hstack(getParam("br"), getParam("bu"), getParam("bc")).reshape(3 * units);
            INDArray h0 = Nd4j.zeros(x.dataType(), n, units);
            INDArray h = Nd4j.exec(new GRU(x, h0, wx, wh, b))[0];           // [T, n, units]
            result = gru.isReturnSequences()
                    ? h.permute(1, 2, 0)                                       // [n, units, T]
                    : h.get(NDArrayIndex.point(h.size(0) - 1), NDArrayIndex.all(), NDArrayIndex.all());
        }
        return workspaceMgr.dup(ArrayType.ACTIVATIONS, result);
    }
}
