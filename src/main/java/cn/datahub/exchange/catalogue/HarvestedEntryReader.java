package cn.datahub.exchange.catalogue;

import java.io.IOException;
import java.util.regex.Pattern;

import cn.datahub.schema.CatalogueEntry;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads a harvested entry with the {@code CatalogueEntry} schema, in Avro's JSON encoding, and checks what the
 * schema cannot say but the table needs: a code, a version, a six-digit region code, and lengths that fit.
 */
final class HarvestedEntryReader {

	private static final Pattern REGION = Pattern.compile("\\d{6}");

	private HarvestedEntryReader() {
	}

	/** @throws IllegalArgumentException saying why the entry cannot be taken */
	static CatalogueEntry read(String json) {
		CatalogueEntry entry;
		try {
			entry = new SpecificDatumReader<>(CatalogueEntry.class).read(null,
					DecoderFactory.get().jsonDecoder(CatalogueEntry.getClassSchema(), json));
		}
		catch (IOException | AvroRuntimeException ex) {
			throw new IllegalArgumentException("not a CatalogueEntry: " + ex.getMessage(), ex);
		}
		require(!entry.getCode().isBlank() && entry.getCode().length() <= 64, "code must be 1 to 64 characters");
		require(entry.getVersion() >= 1, "version must be 1 or more");
		require(REGION.matcher(entry.getRegionCode()).matches(), "regionCode must be six digits (GB/T 2260)");
		require(entry.getName().length() <= 500 && entry.getProviderName().length() <= 500
				&& entry.getProviderCode().length() <= 64 && entry.getDomain().length() <= 64, "a name or code is too long");
		return entry;
	}

	private static void require(boolean condition, String reason) {
		if (!condition) {
			throw new IllegalArgumentException(reason);
		}
	}

}
