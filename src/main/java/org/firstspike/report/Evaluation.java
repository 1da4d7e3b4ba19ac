package org.firstspike.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.firstspike.data.Dataset;
import org.firstspike.reference.FloatReference;

/** Runs the float reference over the first N samples of a data set, in parallel, in a fixed order. */
public final class Evaluation {
    private Evaluation() {
    }

    /** Output z values and decisions of every evaluated sample, by sample index. */
    public record Outputs(double[][] z, int[] predictions, double seconds) {
        public int count() {
            return predictions.length;
        }
    }

    public static Outputs run(FloatReference ref, Dataset data, int images, int threads, IntConsumer progress) {
        double[][] z = new double[images][];
        int[] pred = new int[images];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "firstspike-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < images; i = next.getAndIncrement()) {
                        z[i] = ref.evaluate(data.sample(i));
                        pred[i] = ref.decide(z[i]);
                        progress.accept(done.incrementAndGet());
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Outputs(z, pred, (System.nanoTime() - start) / 1e9);
    }

    /** Fraction of samples whose prediction equals the label. */
    public static double accuracy(Outputs out, Dataset data) {
        int correct = 0;
        for (int i = 0; i < out.count(); i++) {
            correct += out.predictions()[i] == data.label(i) ? 1 : 0;
        }
        return out.count() == 0 ? 0 : (double) correct / out.count();
    }
}
