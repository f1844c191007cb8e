package cn.datahub.exchange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a run's batches to each of its targets on a lane of its own: a thread that gives its target the batches in
 * their order, while the run reads and converts the batches after them, up to {@link #AHEAD} batches ahead of the
 * slowest lane. No lane waits for another: compressing an outbox file, masking and encoding a target's copy and
 * waiting for a platform's answer go on side by side, batch after batch, where a wait for every target at the end of
 * each batch left a core idle. A lane whose target fails sends it nothing more; the run hands over no more batches,
 * the other lanes finish those they were given, and the run fails with the first failure.
 */
final class DeliveryLanes implements AutoCloseable {

	/** Batches handed over and not yet sent by every lane, at most; each holds its records in memory. */
	private static final int AHEAD = 2;

	private final List<Lane> lanes = new ArrayList<>();

	private final Deque<Handed> handed = new ArrayDeque<>();

	private final AtomicReference<Throwable> failure = new AtomicReference<>();

	DeliveryLanes(String name, List<String> targets) {
		targets.forEach(target -> this.lanes.add(new Lane(name + "-" + target)));
	}

	/** Whether a batch handed over and maybe not yet sent by every lane carries the record version. */
	boolean carries(Fingerprint version) {
		for (Handed batch : this.handed) {
			if (batch.versions().contains(version)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Hands a batch to the lanes, {@code sends} one for each in the targets' order, once fewer than {@link #AHEAD}
	 * batches are under way.
	 * @param versions the record versions the batch carries, for {@link #carries}
	 * @throws IOException the first failure of a lane, instead of handing the batch over
	 */
	void submit(Set<Fingerprint> versions, List<Send> sends) throws IOException {
		while (this.handed.size() >= AHEAD) {
			awaitSent(this.handed.peekFirst());
			this.handed.removeFirst();
		}
		rethrowFailure();
		List<CompletableFuture<Void>> sent = new ArrayList<>();
		for (int i = 0; i < this.lanes.size(); i++) {
			sent.add(this.lanes.get(i).send(sends.get(i)));
		}
		this.handed.addLast(new Handed(versions, CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))));
	}

	/** Waits until every lane has sent every batch handed over, throwing the first failure. */
	void await() throws IOException {
		while (!this.handed.isEmpty()) {
			awaitSent(this.handed.removeFirst());
		}
		rethrowFailure();
	}

	/**
	 * Waits until the lanes are done with what they were given, whatever became of it: a run that fails is logged
	 * only once nothing of it is being sent any more.
	 */
	@Override
	public void close() {
		this.lanes.forEach(lane -> lane.thread.shutdown());
		boolean interrupted = false;
		for (Lane lane : this.lanes) {
			while (!lane.thread.isTerminated()) {
				try {
					lane.thread.awaitTermination(1, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static void awaitSent(Handed batch) throws IOException {
		try {
			batch.sent().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while a batch was sent");
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("a lane lets no failure out", ex);
		}
	}

	private void rethrowFailure() throws IOException {
		Throwable first = this.failure.get();
		if (first instanceof IOException io) {
			throw io;
		}
		if (first instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (first instanceof Error error) {
			throw error;
		}
		if (first != null) {
			throw new IOException(first);
		}
	}

	/** One target's delivery of a batch. */
	@FunctionalInterface
	interface Send {

		void run() throws IOException;

	}

	private record Handed(Set<Fingerprint> versions, CompletableFuture<Void> sent) {
	}

	/** A target's thread; once its target failed, the batches after are not sent to it. */
	private final class Lane {

		private final ExecutorService thread;

		private boolean failed;

		Lane(String name) {
			this.thread = Executors.newSingleThreadExecutor(task -> {
				Thread sending = new Thread(task, name);
				sending.setDaemon(true);
				return sending;
			});
		}

		CompletableFuture<Void> send(Send send) {
			return CompletableFuture.runAsync(() -> {
				if (this.failed) {
					return;
				}
				try {
					send.run();
				}
				catch (Throwable ex) {
					this.failed = true;
					DeliveryLanes.this.failure.compareAndSet(null, ex);
				}
			}, this.thread);
		}

	}

}
