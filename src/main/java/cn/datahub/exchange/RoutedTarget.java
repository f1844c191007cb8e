package cn.datahub.exchange;

import java.io.IOException;
import java.util.List;

import org.apache.camel.ProducerTemplate;

/**
 * A target, as an operator defined it, whose batches go through a push route of its own
 * ({@code direct:push-<name>}). The route of a database table ({@code push-jdbc}) or a file outbox
 * ({@code push-file}) takes the batch itself, writes it and retries what may get better (a lost connection, a
 * deadlock, a full disk); the batch is confirmed only once the route has written it. A failure that a later
 * attempt may get over leaves the source to be read again; any other (a table that cannot take the records) is a
 * refusal ({@link TargetRefused}). An HTTP endpoint sends the batch as JSON ({@link HttpTarget}).
 */
class RoutedTarget implements Target {

	private final TargetDefinition definition;

	private final ProducerTemplate producer;

	RoutedTarget(TargetDefinition definition, ProducerTemplate producer) {
		this.definition = definition;
		this.producer = producer;
	}

	@Override
	public String name() {
		return this.definition.name();
	}

	@Override
	public boolean masked() {
		return this.definition.masked();
	}

	/**
	 * A table is written from records; a file outbox appends the records' encodings, an HTTP endpoint sends them as
	 * JSON.
	 */
	@Override
	public boolean readsRecords() {
		return this.definition.kind() == TargetKind.JDBC;
	}

	@Override
	public List<String> fields() {
		return this.definition.fields();
	}

	@Override
	public void deliver(TargetBatch batch) throws IOException {
		Exception failure = this.producer
			.send(PushRoutes.endpoint(name()), exchange -> exchange.getIn().setBody(batch))
			.getException();
		if (failure == null) {
			return;
		}
		if (!TransientPushFailure.transientFailure(failure)) {
			throw new TargetRefused(name() + " refused batch " + batch.batchId() + ": " + failure.getMessage(),
					failure);
		}
		throw new IOException(name() + " did not take batch " + batch.batchId() + ": " + failure, failure);
	}

	ProducerTemplate producer() {
		return this.producer;
	}

}
