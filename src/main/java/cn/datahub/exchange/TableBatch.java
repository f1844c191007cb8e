package cn.datahub.exchange;

import java.util.List;

import cn.datahub.catalogue.Resource;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * A batch on its way to a JDBC target, through the target's push-jdbc route.
 */
record TableBatch(Resource resource, Schema schema, List<GenericRecord> records, String batchId) {
}
