package cn.datahub.system;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the managed Elasticsearch node before anything else in the hub starts, and stops it last.
 */
class ManagedNodeLifecycle implements SmartLifecycle {

	private final ManagedElasticsearchNode node;

	ManagedNodeLifecycle(ManagedElasticsearchNode node) {
		this.node = node;
	}

	ManagedElasticsearchNode node() {
		return this.node;
	}

	@Override
	public void start() {
		this.node.start();
	}

	@Override
	public void stop() {
		this.node.stop();
	}

	@Override
	public boolean isRunning() {
		return this.node.isRunning();
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE + 100;
	}

}
