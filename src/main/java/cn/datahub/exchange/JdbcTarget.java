package cn.datahub.exchange;

import java.io.IOException;
import java.util.List;

import cn.datahub.catalogue.Resource;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * A JDBC target: a batch goes through the target's own push-jdbc route ({@code direct:push-<name>}), which writes
 * it into the table in one transaction ({@link JdbcTableWriter}) and retries what a database may get over (a lost
 * connection, a deadlock). The batch is confirmed only by the commit; a table that cannot take the records (a
 * missing column, a constraint) is a refusal ({@link TargetRefused}).
 */
class JdbcTarget extends RoutedTarget {

	JdbcTarget(TargetDefinition definition, ProducerTemplate producer) {
		super(definition, producer);
	}

	@Override
	public void deliver(Resource resource, Schema schema, List<GenericRecord> records, String batchId) throws IOException {
		Exchange answer = producer().send(PushRoutes.endpoint(name()),
				exchange -> exchange.getIn().setBody(new TableBatch(resource, schema, records, batchId)));
		Exception failure = answer.getException();
		if (failure == null) {
			return;
		}
		if (!TransientPushFailure.transientFailure(failure)) {
			throw new TargetRefused(name() + " refused batch " + batchId + ": " + failure.getMessage(), failure);
		}
		throw new IOException(name() + " did not take batch " + batchId + ": " + failure, failure);
	}

}
