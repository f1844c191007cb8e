package cn.datahub.exchange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves a run's batches through two threads of their own while the run reads, converts and looks up the next
 * one: the first delivers a batch to its targets, the second records what each target confirmed, so the three
 * parts of the work use the cores there are. Batches go one at a time and in their order: a batch is handed over
 * once the one before it is delivered and the confirmations of the one before that are recorded, so at most the
 * two batches handed over last are unrecorded while the next one is looked up. A delivery or a confirmation that
 * failed fails the next hand-over, or the wait at the end, with its exception.
 */
final class Handover implements AutoCloseable {

	private static final Future<Future<?>> NOTHING_DELIVERED = CompletableFuture
		.completedFuture(CompletableFuture.completedFuture(null));

	private final ExecutorService delivering;

	private final ExecutorService confirming;

	/** The delivery of the batch handed over last; it gives the end of its confirmations. */
	private Future<Future<?>> delivered = NOTHING_DELIVERED;

	/** The end of the confirmations of the batch before the one handed over last. */
	private Future<?> confirmedBefore = CompletableFuture.completedFuture(null);

	/** The first confirmation that failed. */
	private final AtomicReference<Throwable> failedConfirmation = new AtomicReference<>();

	Handover(String name) {
		this.delivering = Executors.newSingleThreadExecutor(task -> thread(task, name));
		this.confirming = Executors.newSingleThreadExecutor(task -> thread(task, name + "-confirm"));
	}

	/**
	 * Waits until the batch before is delivered and the one before that confirmed, then hands this one over.
	 */
	void submit(Delivery delivery) throws IOException {
		Future<?> confirmedLast = get(this.delivered);
		get(this.confirmedBefore);
		rethrowFailedConfirmation();
		this.confirmedBefore = confirmedLast;
		this.delivered = this.delivering.submit(() -> {
			delivery.run(this::confirmLater);
			// the end of this batch's confirmations: they run in the order they were handed over
			return this.confirming.submit(() -> null);
		});
	}

	/** Waits until every batch handed over is delivered and confirmed, throwing what failed first. */
	void await() throws IOException {
		Future<?> confirmedLast = get(this.delivered);
		get(confirmedLast);
		rethrowFailedConfirmation();
	}

	/**
	 * Waits for the batches in flight, whatever became of them: a run that fails is logged only once nothing of it
	 * is being delivered or confirmed any more.
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
			this.delivering.shutdown();
			this.confirming.shutdown();
			awaitConfirmations();
		}
	}

	/**
	 * Waits until the confirmations handed over are recorded, those of a batch whose delivery failed at a later
	 * target too, so that the source is read again only once what was confirmed is known.
	 */
	private void awaitConfirmations() {
		try {
			while (!this.confirming.awaitTermination(1, TimeUnit.MINUTES)) {
				// a database that takes this long is waited for: leaving would risk delivering the batch twice
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void confirmLater(Confirmation confirmation) {
		this.confirming.submit(() -> {
			try {
				confirmation.run();
			}
			catch (IOException | RuntimeException | Error ex) {
				this.failedConfirmation.compareAndSet(null, ex);
			}
		});
	}

	private void rethrowFailedConfirmation() throws IOException {
		Throwable failure = this.failedConfirmation.get();
		if (failure != null) {
			throw rethrown(failure);
		}
	}

	private static <T> T get(Future<T> future) throws IOException {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while a batch was delivered");
		}
		catch (ExecutionException ex) {
			throw rethrown(ex.getCause());
		}
	}

	private static IOException rethrown(Throwable cause) {
		if (cause instanceof IOException io) {
			return io;
		}
		if (cause instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IOException(cause);
	}

	private static Thread thread(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/** One batch's delivery to every target; what a target confirmed is recorded through {@code confirmations}. */
	@FunctionalInterface
	interface Delivery {

		void run(Confirmations confirmations) throws IOException;

	}

	/** Records a target's confirmation after the delivery, on the confirming thread, in order. */
	@FunctionalInterface
	interface Confirmations {

		void later(Confirmation confirmation);

	}

	/** The recording of one target's confirmation of one batch. */
	@FunctionalInterface
	interface Confirmation {

		void run() throws IOException;

	}

}
