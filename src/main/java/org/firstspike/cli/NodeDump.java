package org.firstspike.cli;

import java.nio.file.Path;
import java.util.List;
import org.firstspike.data.Dataset;
import org.firstspike.diag.DiagnosticException;
import org.firstspike.model.Node;
import org.firstspike.readers.NpyWriter;
import org.firstspike.reference.FloatReference;
import org.firstspike.tensor.DType;
import org.firstspike.tensor.Tensor;

/**
 * `eval --dump DIR`: every node's z values for the evaluated samples, one DIR/&lt;node&gt;.npy of
 * shape [N, ...], so a user can diff them against the trainer's own intermediate tensors. Written
 * to a temporary directory first and moved into place, so DIR is never half-written.
 */
final class NodeDump {
    private NodeDump() {
    }

    static final int MAX_IMAGES = 1000;

    static void write(Path dir, FloatReference ref, Dataset data, int images) {
        if (images > MAX_IMAGES) {
            throw DiagnosticException.fileError(dir.toString(), "--dump keeps every node of every sample in memory; "
                    + "use --images " + MAX_IMAGES + " or fewer");
        }
        List<Node> nodes = ref.network().nodes();
        double[][][] values = new double[images][][];
        for (int i = 0; i < images; i++) {
            values[i] = ref.evaluateAll(data.sample(i));
        }
        OutputDirectory.replace(dir, tmp -> {
            for (int n = 0; n < nodes.size(); n++) {
                int[] shape = nodes.get(n).shape().toArray();
                int size = nodes.get(n).shape().size();
                double[] all = new double[images * size];
                for (int i = 0; i < images; i++) {
                    System.arraycopy(values[i][n], 0, all, i * size, size);
                }
                int[] full = new int[shape.length + 1];
                full[0] = images;
                System.arraycopy(shape, 0, full, 1, shape.length);
                NpyWriter.write(tmp.resolve(nodes.get(n).name() + ".npy"), Tensor.of(DType.FLOAT64, all, full));
            }
        });
    }
}
