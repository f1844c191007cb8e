package cn.datahub.exchange;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Writes the blocks of one run of record versions ({@link VersionRuns}, {@code V15__exchange_version_runs.sql}) from
 * entries given in order: a block is cut once it holds {@code blockEntries} and the next entry's head differs, so that
 * the entries of one head are in one block. The blocks go to rows of {@code exchange_version_block}, or, for a merged
 * run, to its own file ({@link RunFile}). Public for the migration that moved the versions recorded a row each into a
 * run.
 */
public final class VersionRunWriter implements AutoCloseable {

	/** Bytes of a record version's fingerprint (SHA-256). */
	public static final int FINGERPRINT = 32;

	/** Bytes of an entry: the fingerprint, then the id of the batch that carried the version. */
	public static final int ENTRY = FINGERPRINT + Long.BYTES;

	/**
	 * The entries a block holds (2.5 KB): read whole by a lookup, once a level for a version that is recorded, so
	 * small; the merges write more rows for it.
	 */
	public static final int BLOCK_ENTRIES = 64;

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

	/** Blocks an insert statement carries: a statement's cost spread over many, each a few kilobytes. */
	private static final int BLOCKS_A_STATEMENT = 64;

	/**
	 * Blocks between two checkpoints of an H2 database (1.3 MB). H2 stores what changed in the background, and a
	 * writer much faster than its store (a merge) would pile up tens of megabytes for one store: in a small heap, an
	 * OutOfMemoryError that closes the database. A checkpoint has the writer store what it wrote; it does not commit.
	 */
	private static final int BLOCKS_A_CHECKPOINT = 512;

	private final Connection connection;

	private final long runId;

	private final int blockEntries;

	private byte[] block;

	private int inBlock;

	private final byte[] last = new byte[ENTRY];

	private long entries;

	private final List<byte[]> unwritten = new ArrayList<>();


	private long[] firstHeads = new long[16];

	/** Where each block ends, in entries, for a run written to a file. */
	private long[] ends = new long[16];

	private int blocks;

	private final boolean h2;

	private final Path file;

	private final FileOutputStream fileOut;

	private final BufferedOutputStream out;

	/**
	 * @param connection where the blocks are written, in its transaction or autocommitted statement by statement
	 * @param runId the run (a row of {@code exchange_version_run}) the blocks belong to
	 * @param blockEntries the entries a block holds, but for a head's entries that would be split
	 */
	public VersionRunWriter(Connection connection, long runId, int blockEntries) throws SQLException {
		this(connection, runId, blockEntries, null);
	}

	/**
	 * A writer of the blocks to {@code file}, created anew, or, when null, to rows; the run's row is updated through
	 * {@code connection} either way.
	 */
	VersionRunWriter(Connection connection, long runId, int blockEntries, Path file) throws SQLException {
		this.connection = connection;
		this.h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
		this.runId = runId;
		this.blockEntries = blockEntries;
		this.block = new byte[blockEntries * ENTRY];
		this.file = file;
		try {
			this.fileOut = file == null ? null : new FileOutputStream(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Creating " + file.toAbsolutePath() + " failed", ex);
		}
		this.out = file == null ? null : new BufferedOutputStream(this.fileOut, 1 << 16);
	}

	/** The entry of a version and the batch that carried it. */
	public static byte[] entry(byte[] fingerprint, long batchId) {
		byte[] entry = Arrays.copyOf(fingerprint, ENTRY);
		LONG.set(entry, FINGERPRINT, batchId);
		return entry;
	}

	/** Adds the entry at {@code offset} of {@code source}; entries come in order. */
	public void add(byte[] source, int offset) throws SQLException {
		if (this.entries > 0 && compare(this.last, 0, source, offset) > 0) {
			throw new IllegalArgumentException("Record version entries out of order in run " + this.runId);
		}
		if (this.inBlock >= this.blockEntries && head(source, offset) != head(this.last, 0)) {
			cut();
		}
		if ((this.inBlock + 1) * ENTRY > this.block.length) {
			this.block = Arrays.copyOf(this.block, this.block.length * 2);
		}
		System.arraycopy(source, offset, this.block, this.inBlock * ENTRY, ENTRY);
		System.arraycopy(source, offset, this.last, 0, ENTRY);
		this.inBlock++;
		this.entries++;
	}

	/**
	 * Writes what is left, and the run's size and directory in its row; the directory: each block's first head, in
	 * order. A run's file is on disk before its row says where its blocks end: a row made live by the caller's commit
	 * never names a file a power cut could still take.
	 */
	public long[] finish() throws SQLException {
		if (this.inBlock > 0) {
			cut();
		}
		if (this.file == null) {
			write();
		}
		else {
			sync();
		}
		long[] directory = Arrays.copyOf(this.firstHeads, this.blocks);
		try (PreparedStatement update = this.connection.prepareStatement(this.file == null
				? "update exchange_version_run set entries = ?, first_heads = ? where id = ?"
				: "update exchange_version_run set entries = ?, first_heads = ?, block_ends = ? where id = ?")) {
			int column = 0;
			update.setLong(++column, this.entries);
			update.setBytes(++column, VersionRun.encode(directory));
			if (this.file != null) {
				update.setBytes(++column, VersionRun.encode(ends()));
			}
			update.setLong(++column, this.runId);
			update.executeUpdate();
		}
		return directory;
	}

	/** Whether the blocks go to a file rather than rows. */
	boolean writesFile() {
		return this.file != null;
	}

	/** Where each block of a run written to a file ends, in entries. */
	long[] ends() {
		return Arrays.copyOf(this.ends, this.blocks);
	}

	/** Closes the run's file, written whole or not; a file cut short is removed with its run. */
	@Override
	public void close() {
		if (this.out != null) {
			try {
				this.out.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Closing " + this.file.toAbsolutePath() + " failed", ex);
			}
		}
	}

	/** The entries added. */
	public long entries() {
		return this.entries;
	}

	private void cut() throws SQLException {
		if (this.blocks == this.firstHeads.length) {
			this.firstHeads = Arrays.copyOf(this.firstHeads, this.blocks * 2);
			this.ends = Arrays.copyOf(this.ends, this.blocks * 2);
		}
		this.firstHeads[this.blocks] = head(this.block, 0);
		this.ends[this.blocks] = this.entries;
		this.blocks++;
		if (this.file != null) {
			append();
		}
		else {
			this.unwritten.add(Arrays.copyOf(this.block, this.inBlock * ENTRY));
			if (this.unwritten.size() >= BLOCKS_A_STATEMENT) {
				write();
			}
		}
		this.inBlock = 0;
	}

	private void append() {
		try {
			this.out.write(this.block, 0, this.inBlock * ENTRY);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Writing " + this.file.toAbsolutePath() + " failed", ex);
		}
	}

	/**
	 * Forces the file and its name in the folder to disk. A folder cannot be opened on every system (Windows); there
	 * the name is left to the file system.
	 */
	private void sync() {
		try {
			this.out.flush();
			this.fileOut.getFD().sync();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Writing " + this.file.toAbsolutePath() + " failed", ex);
		}
		try (FileChannel folder = FileChannel.open(this.file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
			folder.force(true);
		}
		catch (IOException ex) {
			// the file's data is on disk; only its name waits for the file system
		}
	}

	private void write() throws SQLException {
		if (this.unwritten.isEmpty()) {
			return;
		}
		String sql = "insert into exchange_version_block (id, first_head, entries) values "
				+ String.join(", ", Collections.nCopies(this.unwritten.size(), "(?, ?, ?)"));
		int first = this.blocks - this.unwritten.size();
		try (PreparedStatement insert = this.connection.prepareStatement(sql)) {
			int column = 0;
			for (int i = 0; i < this.unwritten.size(); i++) {
				insert.setLong(++column, blockId(this.runId, first + i));
				insert.setLong(++column, this.firstHeads[first + i]);
				insert.setBytes(++column, this.unwritten.get(i));
			}
			insert.executeUpdate();
		}
		if (this.h2 && this.blocks % BLOCKS_A_CHECKPOINT < this.unwritten.size()) {
			try (Statement checkpoint = this.connection.createStatement()) {
				checkpoint.execute("checkpoint");
			}
		}
		this.unwritten.clear();
	}

	/** The id of a run's block: the run's id times 2^32 plus the block's place in the run. */
	static long blockId(long runId, int block) {
		return (runId << Integer.SIZE) | block;
	}

	/** The fingerprint head of the entry (or fingerprint) at {@code offset}: its first 8 bytes, big-endian. */
	static long head(byte[] entry, int offset) {
		return (long) LONG.get(entry, offset);
	}

	/** The batch id of the entry at {@code offset}. */
	static long batchId(byte[] entry, int offset) {
		return (long) LONG.get(entry, offset + FINGERPRINT);
	}

	/** The order of entries in a run: by head as a signed number, then the other bytes unsigned. */
	public static int compare(byte[] a, int aOffset, byte[] b, int bOffset) {
		int heads = Long.compare(head(a, aOffset), head(b, bOffset));
		return heads != 0 ? heads
				: Arrays.compareUnsigned(a, aOffset + Long.BYTES, aOffset + ENTRY, b, bOffset + Long.BYTES,
						bOffset + ENTRY);
	}

	/** The order of the fingerprint in the entry at {@code offset} against {@code fingerprint}. */
	static int compareFingerprint(byte[] entry, int offset, byte[] fingerprint) {
		int heads = Long.compare(head(entry, offset), head(fingerprint, 0));
		return heads != 0 ? heads
				: Arrays.compareUnsigned(entry, offset + Long.BYTES, offset + FINGERPRINT, fingerprint, Long.BYTES,
						FINGERPRINT);
	}

}
