package io.github.mmm4j.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs the replicates of a recovery study, on one thread or on a pool, and returns their results in replicate order,
 * so nothing downstream depends on the thread count.
 */
final class ParallelReplicates {

    private ParallelReplicates() {
    }

    /**
     * @param n number of replicates
     * @param threads worker threads, {@code >= 1}
     * @param task computes replicate {@code i}; must not depend on the order replicates run in
     * @param progress called with the number of replicates finished after each one, one call at a time
     * @param <T> a replicate's result
     * @return the results, in replicate order
     * @throws RuntimeException what the lowest-numbered failing replicate among those run threw
     */
    static <T> List<T> run(int n, int threads, IntFunction<T> task, IntConsumer progress) {
        Object lock = new Object();
        int[] finished = new int[1];
        Runnable tick = () -> {
            synchronized (lock) {
                progress.accept(++finished[0]);
            }
        };
        List<T> results = new ArrayList<>(n);
        if (threads == 1) {
            for (int i = 0; i < n; i++) {
                results.add(task.apply(i));
                tick.run();
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), r -> {
            Thread t = new Thread(r, "mmm4j-recovery");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    T rep = task.apply(index);
                    tick.run();
                    return rep;
                }));
            }
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
