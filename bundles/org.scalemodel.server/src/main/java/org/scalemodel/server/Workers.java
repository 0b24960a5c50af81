package org.scalemodel.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Computes answers on a bounded pool, so a shared server stays responsive: at most
 * {@code workers} answers at once, at most {@code queue} waiting, each within a time limit.
 * The HTTP threads only read requests and write responses.
 */
final class Workers implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final long timeoutNanos;
    private final double timeoutSeconds;

    Workers(int workers, int queue, double timeoutSeconds) {
        int threads = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                r -> {
                    Thread t = new Thread(r, "scalemodel-answer-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
        this.timeoutSeconds = timeoutSeconds;
        this.timeoutNanos = (long) (timeoutSeconds * 1e9);
    }

    /**
     * Runs {@code task} and waits for it.
     *
     * @throws ApiException 503 when the pool is full or the answer takes longer than the limit
     */
    <T> T call(Callable<T> task) {
        Future<T> future;
        try {
            future = pool.submit(task);
        } catch (RejectedExecutionException e) {
            throw new ApiException(503, "the server is busy (" + pool.getQueue().size() + " requests waiting); retry");
        }
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new ApiException(503, String.format("the answer took longer than the limit of %.0f s", timeoutSeconds));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause() == null ? "failed" : e.getCause().toString(), e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
