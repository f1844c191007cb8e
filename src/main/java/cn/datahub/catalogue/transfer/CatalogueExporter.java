package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;

import org.springframework.stereotype.Component;

/**
 * Writes the catalogue in the compilers' template, a batch of resources at a time, so that an export of the whole
 * catalogue never holds it in memory. What it writes imports back unchanged.
 */
@Component
class CatalogueExporter {

	private static final int BATCH_SIZE = 1000;

	private final Resources resources;

	private final ResourceCells cells;

	private final BlankTemplate template;

	CatalogueExporter(Resources resources, ResourceCells cells, BlankTemplate template) {
		this.resources = resources;
		this.cells = cells;
		this.template = template;
	}

	/**
	 * Walks the table by code rather than by page offset, so that resources created during the export cannot shift
	 * rows out of it; the filters are applied to each batch, a full scan that catalogue sizes make cheap.
	 * @param providerCode only this department's resources, or all when null
	 * @param status only resources in this status, or all when null
	 */
	void export(TemplateFormat format, String providerCode, ResourceStatus status, OutputStream out) throws IOException {
		try (TemplateWriter writer = format.writer(out, this.template.instructions())) {
			writer.write(TemplateColumn.headers());
			this.resources.forEachBatch(BATCH_SIZE, batch -> {
				for (Resource resource : batch) {
					if ((providerCode == null || providerCode.equals(resource.providerCode()))
							&& (status == null || status == resource.status())) {
						write(writer, this.cells.of(resource));
					}
				}
			});
		}
	}

	private static void write(TemplateWriter writer, List<String> row) {
		try {
			writer.write(row);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
