package cn.datahub.exchange;

import java.util.List;

import org.apache.camel.ProducerTemplate;

/**
 * A target whose batches go through a push route of its own ({@code direct:push-<name>}), as an operator defined
 * it: an HTTP endpoint or a database table.
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

}
