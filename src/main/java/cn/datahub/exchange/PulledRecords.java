package cn.datahub.exchange;

import java.math.BigDecimal;
import java.util.Iterator;

/**
 * The records one poll reads from an attached source, fetched as they are consumed (a page or a fetch of rows at
 * a time), and the watermark they reach: the greatest update time or sequence seen, which becomes the source's
 * acknowledged position once the run succeeded. A source that fails while being read throws
 * {@link java.io.UncheckedIOException} from {@link #hasNext()}.
 */
abstract class PulledRecords implements Iterator<SourceRecord>, AutoCloseable {

	private String watermark;

	PulledRecords(String watermark) {
		this.watermark = watermark;
	}

	/** The greatest watermark value seen so far (the one the poll started from if none). */
	String watermark() {
		return this.watermark;
	}

	/** Takes a record's watermark value into account; numbers compare as numbers, anything else as text. */
	void saw(Object value) {
		if (value == null || value.toString().isBlank()) {
			return;
		}
		String text = value.toString().strip();
		if (this.watermark == null || compare(text, this.watermark) > 0) {
			this.watermark = text;
		}
	}

	@Override
	public void close() {
	}

	private static int compare(String a, String b) {
		try {
			return new BigDecimal(a).compareTo(new BigDecimal(b));
		}
		catch (NumberFormatException ex) {
			return a.compareTo(b);
		}
	}

}
