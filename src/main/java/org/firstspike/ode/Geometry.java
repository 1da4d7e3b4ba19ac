package org.firstspike.ode;

import java.util.List;
import org.firstspike.model.FlattenOrder;
import org.firstspike.model.Op;
import org.firstspike.model.Padding;
import org.firstspike.model.Shape;
import org.firstspike.model.Window;

/**
 * Index arithmetic of windows and data-moving ops, written here from the op definitions (not shared
 * with the float reference), so that the two evaluators also cross-check the wiring.
 */
final class Geometry {
    private Geometry() {
    }

    static int outSize(int in, int before, int after, int k, int s) {
        return Math.floorDiv(in + before + after - k, s) + 1;
    }

    /**
     * For output pixel p = oy·W' + ox of a window op over a [C, H, W] input, the flat input index of
     * tap k, or −1 for padding. {@code allChannels}: taps k = (c·kh + ky)·kw + kx over every channel
     * (convolution, the unfold order); otherwise only channel {@code channel}'s kh·kw taps (pooling).
     */
    static int[] taps(Window win, Shape in, int oy, int ox, boolean allChannels, int channel) {
        Padding pad = win.padding();
        int c0 = allChannels ? 0 : channel;
        int c1 = allChannels ? in.channels() : channel + 1;
        int[] t = new int[(c1 - c0) * win.kh() * win.kw()];
        int at = 0;
        for (int c = c0; c < c1; c++) {
            for (int ky = 0; ky < win.kh(); ky++) {
                int iy = oy * win.sh() + ky - pad.top();
                for (int kx = 0; kx < win.kw(); kx++) {
                    int ix = ox * win.sw() + kx - pad.left();
                    t[at++] = iy < 0 || iy >= in.height() || ix < 0 || ix >= in.width() ? -1
                            : (c * in.height() + iy) * in.width() + ix;
                }
            }
        }
        return t;
    }

    static int outHeight(Window win, Shape in) {
        return outSize(in.height(), win.padding().top(), win.padding().bottom(), win.kh(), win.sh());
    }

    static int outWidth(Window win, Shape in) {
        return outSize(in.width(), win.padding().left(), win.padding().right(), win.kw(), win.sw());
    }

    /** A data-moving op: output element j copies element {@code index[j]} of input slot {@code slot[j]}. */
    record Gather(int[] slot, int[] index) {
    }

    static Gather gather(Op op, List<Shape> in, Shape out) {
        if (op instanceof Op.ChannelSlice s) {
            int plane = plane(in.get(0));
            int[] index = new int[out.size()];
            for (int j = 0; j < index.length; j++) {
                index[j] = s.from() * plane + j;
            }
            return new Gather(new int[index.length], index);
        } else if (op instanceof Op.Concat) {
            int[] slot = new int[out.size()];
            int[] index = new int[out.size()];
            int j = 0;
            for (int s = 0; s < in.size(); s++) {
                for (int i = 0; i < in.get(s).size(); i++, j++) {
                    slot[j] = s;
                    index[j] = i;
                }
            }
            return new Gather(slot, index);
        } else if (op instanceof Op.Shuffle sh) {
            int channels = in.get(0).dims().get(0);
            int plane = plane(in.get(0));
            int g = sh.groups();
            int[] index = new int[out.size()];
            for (int n = 0; n < channels; n++) {
                // channel_shuffle: view(g, C/g) → transpose → flatten, so out n = j·g + i reads in i·C/g + j.
                int from = (n % g) * (channels / g) + n / g;
                for (int q = 0; q < plane; q++) {
                    index[n * plane + q] = from * plane + q;
                }
            }
            return new Gather(new int[index.length], index);
        } else if (op instanceof Op.Flatten f) {
            Shape s = in.get(0);
            int c = s.channels();
            int h = s.height();
            int w = s.width();
            int[] index = new int[out.size()];
            for (int ci = 0; ci < c; ci++) {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int to = f.order() == FlattenOrder.NCHW ? (ci * h + y) * w + x : (y * w + x) * c + ci;
                        index[to] = (ci * h + y) * w + x;
                    }
                }
            }
            return new Gather(new int[index.length], index);
        }
        throw new IllegalArgumentException("not a data-moving op: " + op.keyword());
    }

    /** Elements per channel: H·W of a map, 1 of a vector. */
    static int plane(Shape s) {
        int p = 1;
        for (int d = 1; d < s.rank(); d++) {
            p *= s.dims().get(d);
        }
        return p;
    }

    /**
     * Inverts "output j reads input {@code from[j][k]}" into compressed rows: for input element i,
     * entries {@code start[i]..start[i+1]} of {@code outs} (and of {@code which}, the k) list its readers.
     */
    record Reverse(int[] start, int[] outs, int[] which) {
        static Reverse of(int[][] from, int inputs) {
            int[] count = new int[inputs + 1];
            for (int[] row : from) {
                for (int i : row) {
                    if (i >= 0) {
                        count[i + 1]++;
                    }
                }
            }
            for (int i = 0; i < inputs; i++) {
                count[i + 1] += count[i];
            }
            int[] fill = count.clone();
            int[] outs = new int[count[inputs]];
            int[] which = new int[count[inputs]];
            for (int j = 0; j < from.length; j++) {
                for (int k = 0; k < from[j].length; k++) {
                    int i = from[j][k];
                    if (i >= 0) {
                        outs[fill[i]] = j;
                        which[fill[i]] = k;
                        fill[i]++;
                    }
                }
            }
            return new Reverse(count, outs, which);
        }
    }
}
