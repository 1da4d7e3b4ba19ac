package org.firstspike.cli;

import java.io.PrintStream;
import java.util.function.IntConsumer;

/** A progress bar on stderr, redrawn at most every 200 ms; silent when stderr is not a terminal. */
final class Progress implements IntConsumer {
    private final PrintStream err;
    private final int total;
    private final boolean enabled;
    private final long start = System.nanoTime();
    private long lastDraw;

    Progress(Io io, int total) {
        this.err = io.err();
        this.total = total;
        this.enabled = io.interactive();
    }

    @Override
    public synchronized void accept(int done) {
        long now = System.nanoTime();
        if (!enabled || done < total && now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) ((long) width * done / Math.max(1, total));
        double secs = (now - start) / 1e9;
        err.printf("\r[%s%s] %d/%d images, %.0f/s ", "#".repeat(filled), " ".repeat(width - filled), done, total,
                done / Math.max(secs, 1e-9));
        if (done == total) {
            err.print("\r" + " ".repeat(width + 40) + "\r");
        }
        err.flush();
    }
}
