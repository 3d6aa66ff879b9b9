package org.genrevamp.trainer.batch;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import org.genrevamp.model.transfer.Backbones;
import org.genrevamp.model.bundle.BundleException;
import org.genrevamp.trainer.transfer.TransferTraining;

/**
 * Which pretrained networks a {@code prepare} job runs, as shipped to the executors (which must see
 * {@code pretrained} at the same path).
 *
 * @param pretrained folder of {@code <name>/best_model.pth}
 * @param names      the networks, e.g. {@code msd/crnn}
 * @param features   {@link Backbones.Features} id (does not change the cached outputs)
 */
public record BackboneRef(String pretrained, List<String> names, String features) implements Serializable {

    public BackboneRef {
        names = List.copyOf(names);
    }

    Backbones load() throws IOException, BundleException {
        return TransferTraining.load(Path.of(pretrained), names, Backbones.Features.fromId(features));
    }
}
