package cn.datahub.exchange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one batch to each of a run's targets at once, a thread each, and waits until every one is over: compressing
 * an outbox file, masking and encoding a target's copy, waiting for a platform's answer each take longer than
 * converting the batch, and one after the other they made delivery a run's slowest stage. The first target is sent
 * on the caller's thread, so a run with one target starts no thread.
 */
final class Fanout implements AutoCloseable {

	private final ExecutorService threads;

	Fanout(String name, int targets) {
		AtomicInteger number = new AtomicInteger();
		this.threads = targets < 2 ? null : Executors.newFixedThreadPool(targets - 1, task -> {
			Thread sending = new Thread(task, name + "-" + number.incrementAndGet());
			sending.setDaemon(true);
			return sending;
		});
	}

	/** Runs every send, and answers how each ended, in their order, once all are over. */
	List<Sent> all(List<Send> sends) throws IOException {
		List<Future<Long>> others = new ArrayList<>();
		for (Send send : sends.subList(1, sends.size())) {
			others.add(this.threads.submit(send::run));
		}
		List<Sent> sent = new ArrayList<>();
		sent.add(run(sends.get(0)));
		for (Future<Long> other : others) {
			sent.add(outcome(other));
		}
		return sent;
	}

	@Override
	public void close() {
		if (this.threads != null) {
			this.threads.shutdown();
		}
	}

	private static Sent run(Send send) {
		try {
			return new Sent(send.run(), null);
		}
		catch (IOException | RuntimeException ex) {
			return new Sent(0, ex);
		}
	}

	private static Sent outcome(Future<Long> other) throws IOException {
		try {
			return new Sent(other.get(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while a batch was sent");
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			return new Sent(0, (Exception) ex.getCause());
		}
	}

	/** One target's delivery of the batch: the records it was sent. */
	@FunctionalInterface
	interface Send {

		long run() throws IOException;

	}

	/** How a send ended: the records sent, or why none were. */
	record Sent(long records, Exception failure) {
	}

}
