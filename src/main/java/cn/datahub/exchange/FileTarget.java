package cn.datahub.exchange;

import java.io.IOException;

import org.apache.camel.ProducerTemplate;

/**
 * A file outbox target: the hub's own ({@code file-outbox}) or one added through the API. A batch goes through
 * the target's push-file route ({@code direct:push-<name>}), which has {@link FileOutbox} write it and retries a
 * write that failed (a full disk, a lost network mount); the batch is confirmed once its file is in place.
 */
class FileTarget extends RoutedTarget {

	FileTarget(TargetDefinition definition, ProducerTemplate producer) {
		super(definition, producer);
	}

	@Override
	public void deliver(TargetBatch batch) throws IOException {
		Exception failure = push(batch).getException();
		if (failure != null) {
			throw notTaken(batch, failure);
		}
	}

}
