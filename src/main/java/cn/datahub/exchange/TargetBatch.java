package cn.datahub.exchange;

import java.util.List;

import cn.datahub.catalogue.Resource;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A batch on its way to a target, through the target's push route: the records in the target's schema and, when
 * they are the records as converted (every item, nothing masked), each one's Avro binary encoding, which a file
 * target appends as it is instead of encoding the record a second time.
 *
 * @param encoded the records' encodings, in order; empty when the records were projected or masked
 * @param batchId names the batch the same way each time the same source is read
 */
record TargetBatch(Resource resource, Schema schema, List<GenericRecord> records, List<byte[]> encoded,
		String batchId) {

	TargetBatch {
		if (!encoded.isEmpty() && encoded.size() != records.size()) {
			throw new IllegalArgumentException("an encoding for each record, or none");
		}
	}

}
