package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import cn.datahub.catalogue.Catalogue;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.Departments;
import cn.datahub.system.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty hub with the sample county catalogue ({@code sample/departments.csv} and
 * {@code sample/resources.csv} under {@code hub.catalogue-location}) when {@code hub.demo-data} is on. Departments
 * and resources are loaded in one transaction, so that a failed load leaves the hub empty and the next start tries
 * again; a hub that has any department is left alone.
 */
@Component
class DemoCatalogueLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogueLoader.class);

	private final HubProperties properties;

	private final ResourceLoader loader;

	private final Catalogue catalogue;

	private final Departments departments;

	private final CatalogueImporter importer;

	private final TransactionTemplate transaction;

	DemoCatalogueLoader(HubProperties properties, ResourceLoader loader, Catalogue catalogue, Departments departments,
			CatalogueImporter importer, TransactionTemplate transaction) {
		this.properties = properties;
		this.loader = loader;
		this.catalogue = catalogue;
		this.departments = departments;
		this.importer = importer;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.properties.demoData()) {
			return;
		}
		if (!this.departments.findAll().isEmpty()) {
			log.info("The catalogue already has departments; the sample catalogue is not loaded");
			return;
		}
		Resource departmentFile = sample("departments.csv");
		Resource resourceFile = sample("resources.csv");
		if (!departmentFile.exists() || !resourceFile.exists()) {
			log.warn("hub.demo-data is on but {} has no sample/departments.csv and sample/resources.csv; nothing loaded",
					this.properties.catalogueLocation());
			return;
		}
		List<DepartmentForm> forms = readDepartments(departmentFile);
		ImportSummary summary = this.transaction.execute(status -> {
			forms.forEach(this.catalogue::register);
			return importResources(resourceFile);
		});
		log.info("Loaded the sample catalogue from {}: {} departments, {} resources", this.properties.catalogueLocation(),
				forms.size(), summary.created());
	}

	private Resource sample(String name) {
		return this.loader.getResource(this.properties.catalogueLocation() + "sample/" + name);
	}

	private static List<DepartmentForm> readDepartments(Resource file) throws IOException {
		try (Reader reader = CsvTemplateReader.utf8(file.getInputStream());
				MappingIterator<DepartmentForm> rows = new CsvMapper().readerFor(DepartmentForm.class)
					.with(CsvSchema.emptySchema().withHeader())
					.readValues(reader)) {
			return rows.readAll();
		}
	}

	private ImportSummary importResources(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return this.importer.importFile(file.getDescription(), TemplateFormat.CSV, in, null);
		}
		catch (IOException ex) {
			throw new UnreadableFile(file.getDescription(), ex);
		}
		catch (ImportRejected ex) {
			ex.errors().stream().limit(20)
				.forEach(e -> log.error("Sample catalogue row {} {}: {}", e.row(), e.field(), e.message()));
			throw ex;
		}
	}

}
