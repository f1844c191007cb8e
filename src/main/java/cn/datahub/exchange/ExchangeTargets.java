package cn.datahub.exchange;

import java.util.List;

import cn.datahub.catalogue.Resource;

import org.springframework.stereotype.Component;

/**
 * The targets a resource's records go to. With the embedded defaults that is the file outbox,
 * {@code <outbox>/file-outbox/<resourceCode>/}, unmasked: it is the hub's own exchange store, from which the
 * platforms are served.
 */
@Component
class ExchangeTargets {

	static final String FILE_OUTBOX = "file-outbox";

	private final FileOutbox outbox;

	ExchangeTargets(ExchangeProperties properties) {
		this.outbox = new FileOutbox(FILE_OUTBOX, properties.outbox().resolve(FILE_OUTBOX), false);
	}

	List<Target> of(Resource resource) {
		return List.of(this.outbox);
	}

}
