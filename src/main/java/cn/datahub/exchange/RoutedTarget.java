package cn.datahub.exchange;

import java.io.IOException;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * A target, as an operator defined it, whose batches go through a push route of its own
 * ({@code direct:push-<name>}): an HTTP endpoint, a database table or a file outbox.
 */
abstract class RoutedTarget implements Target {

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

	@Override
	public List<String> fields() {
		return this.definition.fields();
	}

	ProducerTemplate producer() {
		return this.producer;
	}

	/** Sends the batch itself through the target's route; the answer carries what the route threw, if anything. */
	Exchange push(TargetBatch batch) {
		return this.producer.send(PushRoutes.endpoint(name()), exchange -> exchange.getIn().setBody(batch));
	}

	/** A batch the target did not take but may take later: the source is kept and read again. */
	IOException notTaken(TargetBatch batch, Exception failure) {
		return new IOException(name() + " did not take batch " + batch.batchId() + ": " + failure, failure);
	}

}
