package cn.datahub.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import cn.datahub.catalogue.CatalogueChanged;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Gives every published resource its drop folder, {@code <inbox>/<resourceCode>/}: at start for the catalogue as it
 * is, and as resources are published, so a department can drop a file without asking anyone first.
 */
@Component
class InboxFolders {

	private final Resources resources;

	private final ExchangeProperties properties;

	InboxFolders(Resources resources, ExchangeProperties properties) {
		this.resources = resources;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		create(this.resources.codesIn(ResourceStatus.PUBLISHED));
	}

	@TransactionalEventListener
	void afterCommit(CatalogueChanged changed) {
		create(changed.published());
	}

	private void create(List<String> codes) {
		try {
			for (String code : codes) {
				Files.createDirectories(this.properties.inbox().resolve(code));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the drop folders under " + this.properties.inbox(), ex);
		}
	}

}
