package cn.datahub.exchange;

import java.io.IOException;

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
	public void deliver(TargetBatch batch) throws IOException {
		Exception failure = push(batch).getException();
		if (failure == null) {
			return;
		}
		if (!TransientPushFailure.transientFailure(failure)) {
			throw new TargetRefused(name() + " refused batch " + batch.batchId() + ": " + failure.getMessage(),
					failure);
		}
		throw notTaken(batch, failure);
	}

}
