package cn.datahub.exchange;

import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file of a merged run of record versions ({@link VersionRuns}): its blocks one after the other, nothing else;
 * where each block ends is in the run's row ({@code block_ends}). A lookup reads one block at its place, into a
 * buffer of its own, so a lookup in a large run makes no garbage and fills no page cache in the heap: the operating
 * system caches the file. Read with {@link RandomAccessFile}, whose reads an interrupt does not break, unlike a
 * channel's, which an interrupted reader closes for every thread.
 */
final class RunFile {

	/** Bytes read at a time when the file is read in order (by a merge, or the scan at start). */
	private static final int SEQUENTIAL_READ = 1 << 16;

	private final Path path;

	/** Where each block ends, in entries from the start of the file. */
	private final long[] ends;

	private RandomAccessFile file;

	private RunFile(Path path, long[] ends, RandomAccessFile file) {
		this.path = path;
		this.ends = ends;
		this.file = file;
	}

	/** The file of a run in {@code folder}. */
	static Path path(Path folder, long runId) {
		return folder.resolve(runId + ".run");
	}

	/**
	 * Opens a live run's file, which must hold exactly its entries: a run whose file is gone or cut short would
	 * silently forget versions delivered before, and deliver them again.
	 */
	static RunFile open(Path path, long[] ends) {
		long entries = entries(ends);
		try {
			RandomAccessFile file = new RandomAccessFile(path.toFile(), "r");
			long length = file.length();
			if (length != entries * VersionRunWriter.ENTRY) {
				file.close();
				throw new IllegalStateException("The record version run file " + path.toAbsolutePath() + " holds "
						+ length + " bytes where its run has " + entries * VersionRunWriter.ENTRY
						+ ": the versions folder must be kept with the database (hub.exchange.versions)");
			}
			return new RunFile(path, ends, file);
		}
		catch (IOException ex) {
			throw new IllegalStateException("The record version run file " + path.toAbsolutePath()
					+ " cannot be read: the versions folder must be kept with the database (hub.exchange.versions)",
					ex);
		}
	}

	/**
	 * Reads a block into {@code buffer}, grown when too small, and answers the buffer, or null when the run was
	 * removed meanwhile (a merge replaced it).
	 */
	synchronized byte[] read(int block, byte[] buffer) {
		if (this.file == null) {
			return null;
		}
		long start = block == 0 ? 0 : this.ends[block - 1];
		int length = length(block);
		byte[] into = buffer.length >= length ? buffer : new byte[length];
		try {
			this.file.seek(start * VersionRunWriter.ENTRY);
			this.file.readFully(into, 0, length);
			return into;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading " + this.path.toAbsolutePath() + " failed", ex);
		}
	}

	/** The bytes of a block. */
	int length(int block) {
		long start = block == 0 ? 0 : this.ends[block - 1];
		return Math.toIntExact((this.ends[block] - start) * VersionRunWriter.ENTRY);
	}

	/**
	 * The entries in order, whole entries at a time regardless of blocks, read sequentially into one buffer: each
	 * array answered is exactly as long as the entries it holds, and valid until the next call.
	 */
	VersionRuns.BlockCursor blocks() {
		InputStream in;
		try {
			in = new FileInputStream(this.path.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading " + this.path.toAbsolutePath() + " failed", ex);
		}
		return new VersionRuns.BlockCursor() {

			private final byte[] buffer = new byte[SEQUENTIAL_READ / VersionRunWriter.ENTRY * VersionRunWriter.ENTRY];

			private long left = entries(RunFile.this.ends) * VersionRunWriter.ENTRY;

			@Override
			public byte[] next() {
				if (this.left == 0) {
					return null;
				}
				byte[] into = this.left >= this.buffer.length ? this.buffer : new byte[(int) this.left];
				try {
					if (in.readNBytes(into, 0, into.length) < into.length) {
						throw new EOFException("The file ends before its last entry");
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Reading " + RunFile.this.path.toAbsolutePath() + " failed", ex);
				}
				this.left -= into.length;
				return into;
			}

			@Override
			public void close() {
				try {
					in.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException("Closing " + RunFile.this.path.toAbsolutePath() + " failed", ex);
				}
			}

		};
	}

	/** The entries of a file whose blocks end where {@code ends} says. */
	private static long entries(long[] ends) {
		return ends.length == 0 ? 0 : ends[ends.length - 1];
	}

	/** Closes the file, and removes it: lookups that still hold the run read nothing from it from now on. */
	synchronized void delete() {
		try {
			if (this.file != null) {
				this.file.close();
				this.file = null;
			}
			Files.deleteIfExists(this.path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Removing " + this.path.toAbsolutePath() + " failed", ex);
		}
	}

}
