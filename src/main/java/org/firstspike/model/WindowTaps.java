package org.firstspike.model;

/**
 * For every output pixel of a window op over a [C, H, W] input, the flat input index of each tap
 * in (channel, ky, kx) order — the order of the seed's unfold — or −1 where the tap is padding.
 */
public final class WindowTaps {
    private WindowTaps() {
    }

    /** taps[p][k] for output pixel p = oy·W' + ox and tap k = (c·kh + ky)·kw + kx over all channels. */
    public static int[][] allChannels(Window win, Shape in) {
        int oh = win.outHeight(in.height());
        int ow = win.outWidth(in.width());
        int perChannel = win.taps();
        int[][] taps = new int[oh * ow][in.channels() * perChannel];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                int[] t = taps[oy * ow + ox];
                for (int c = 0; c < in.channels(); c++) {
                    fill(win, in, c, oy, ox, t, c * perChannel);
                }
            }
        }
        return taps;
    }

    /** taps of one channel's window: for pools, where each output channel reads its own input channel. */
    public static int[] oneChannel(Window win, Shape in, int c, int oy, int ox) {
        int[] t = new int[win.taps()];
        fill(win, in, c, oy, ox, t, 0);
        return t;
    }

    private static void fill(Window win, Shape in, int c, int oy, int ox, int[] t, int at) {
        for (int ky = 0; ky < win.kh(); ky++) {
            int iy = oy * win.sh() - win.padding().top() + ky;
            for (int kx = 0; kx < win.kw(); kx++) {
                int ix = ox * win.sw() - win.padding().left() + kx;
                boolean inside = iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width();
                t[at++] = inside ? (c * in.height() + iy) * in.width() + ix : -1;
            }
        }
    }
}
