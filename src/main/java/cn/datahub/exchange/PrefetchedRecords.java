package cn.datahub.exchange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A file's records parsed on a thread of their own, a few hundred ahead of the run that converts them. Parsing is a
 * third of the reading thread's work; apart, a run has three stages of about equal weight (parse; convert and look
 * up; mask and deliver) that keep two cores busy, where two stages left one waiting on the other. The records
 * come in their order, and a failure of the file (a CSV whose structure breaks) comes after the records read
 * before it, as from the file itself. Closing stops the thread before the file is closed.
 */
final class PrefetchedRecords implements SourceFiles.RecordStream {

	/** Records handed over at once: one at a time, the hand-over would cost more than parsing. */
	private static final int CHUNK = 256;

	/**
	 * Half a batch read ahead: parsing is the fastest stage, so a short queue keeps it from waiting, and a file of
	 * large records holds no more than a batch of them in the parser's hands.
	 */
	private static final int CHUNKS_AHEAD = 2;

	private final SourceFiles.RecordStream file;

	private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);

	private final Thread parsing;

	private Chunk current = new Chunk(List.of(), null, false);

	private int next;

	PrefetchedRecords(SourceFiles.RecordStream file, String name) {
		this.file = file;
		this.parsing = new Thread(this::parse, name);
		this.parsing.setDaemon(true);
		this.parsing.start();
	}

	@Override
	public boolean hasNext() {
		while (this.next == this.current.records().size()) {
			if (this.current.failure() instanceof Error error) {
				throw error;
			}
			if (this.current.failure() != null) {
				throw (RuntimeException) this.current.failure();
			}
			if (this.current.last()) {
				return false;
			}
			this.current = take();
			this.next = 0;
		}
		return true;
	}

	@Override
	public SourceRecord next() {
		if (!hasNext()) {
			throw new NoSuchElementException();
		}
		return this.current.records().get(this.next++);
	}

	@Override
	public void close() throws IOException {
		this.parsing.interrupt();
		try {
			this.parsing.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.file.close();
		}
	}

	private void parse() {
		try {
			boolean more = true;
			while (more) {
				List<SourceRecord> records = new ArrayList<>(CHUNK);
				try {
					while (records.size() < CHUNK && (more = this.file.hasNext())) {
						records.add(this.file.next());
					}
				}
				catch (RuntimeException | Error ex) {
					this.chunks.put(new Chunk(records, ex, true));
					return;
				}
				this.chunks.put(new Chunk(records, null, !more));
			}
		}
		catch (InterruptedException ex) {
			// closed: the run stopped reading
		}
	}

	private Chunk take() {
		try {
			return this.chunks.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UncheckedIOException(new InterruptedIOException("interrupted while the file was read"));
		}
	}

	/** Records parsed together; the failure that ended the file after them, if one did. */
	private record Chunk(List<SourceRecord> records, Throwable failure, boolean last) {
	}

}
