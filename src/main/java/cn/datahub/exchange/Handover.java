package cn.datahub.exchange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Delivers a run's batches on a thread of its own while the run reads and converts the next one, so the two
 * halves of the work use two cores. Batches go one at a time and in their order: a batch is handed over only once
 * the one before it is delivered, and a delivery that failed fails the next hand-over with its exception.
 */
final class Handover implements AutoCloseable {

	private final ExecutorService thread;

	private Future<?> inFlight = CompletableFuture.completedFuture(null);

	Handover(String name) {
		this.thread = Executors.newSingleThreadExecutor(task -> {
			Thread delivering = new Thread(task, name);
			delivering.setDaemon(true);
			return delivering;
		});
	}

	/** Waits until the batch before is delivered, then hands this one over. */
	void submit(Delivery delivery) throws IOException {
		await();
		this.inFlight = this.thread.submit(() -> {
			delivery.run();
			return null;
		});
	}

	/** Waits until the batch handed over last is delivered, throwing what its delivery threw. */
	void await() throws IOException {
		try {
			this.inFlight.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while a batch was delivered");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof IOException io) {
				throw io;
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new IOException(cause);
		}
	}

	/**
	 * Waits for the batch in flight, whatever became of it: a run that fails is logged only once nothing of it is
	 * being delivered any more.
	 */
	@Override
	public void close() {
		try {
			await();
		}
		catch (IOException | RuntimeException ex) {
			// the run has the failure from the hand-over or from its own work
		}
		finally {
			this.thread.shutdown();
		}
	}

	/** One batch's delivery to every target. */
	@FunctionalInterface
	interface Delivery {

		void run() throws IOException;

	}

}
