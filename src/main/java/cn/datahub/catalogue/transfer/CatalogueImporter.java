package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.datahub.catalogue.Catalogue;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.Lifecycle;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceValidator;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.Violation;
import cn.datahub.system.BadParameter;

import org.springframework.stereotype.Service;

/**
 * Imports a catalogue file as a whole or not at all: every row is checked, against the rules, the rest of the file
 * and what is stored, before the valid resources are saved in one transaction. Existing codes are updated, new ones
 * created, and rows identical to what is stored leave it untouched.
 */
@Service
class CatalogueImporter {

	private final Catalogue catalogue;

	private final ResourceValidator validator;

	private final Departments departments;

	private final Resources resources;

	CatalogueImporter(Catalogue catalogue, ResourceValidator validator, Departments departments, Resources resources) {
		this.catalogue = catalogue;
		this.validator = validator;
		this.departments = departments;
		this.resources = resources;
	}

	/**
	 * @param providerCode the department uploading its own catalogue, or null for an upload of any departments'
	 * @throws ImportRejected listing every error, when any row is invalid
	 * @throws UnreadableFile when the file is not what its format says
	 */
	ImportSummary importFile(String fileName, TemplateFormat format, InputStream in, String providerCode) {
		Set<String> registered = this.departments.findAll().stream().map(Department::code).collect(Collectors.toSet());
		if (providerCode != null && !registered.contains(providerCode)) {
			throw new BadParameter("providerCode", "providerCode " + providerCode + " is not a registered department");
		}
		TemplateRows rows = new TemplateRows(this.validator, registered::contains, providerCode);
		try {
			format.reader().read(in, rows);
		}
		catch (IOException ex) {
			throw new UnreadableFile(fileName, ex);
		}
		List<ImportError> errors = new ArrayList<>(rows.errors());
		ImportSummary summary = compareWithStored(rows.valid(), providerCode, errors);
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(ImportError::row));
			throw new ImportRejected(fileName, errors);
		}
		this.catalogue.saveAll(rows.valid().stream().map(TemplateRows.Checked::resource).toList());
		return summary;
	}

	/** Counts what the import would do, adding the steps the stored resources may not take to {@code errors}. */
	private ImportSummary compareWithStored(List<TemplateRows.Checked> valid, String providerCode, List<ImportError> errors) {
		Map<String, Resource> stored = this.resources.findAll(valid.stream().map(c -> c.resource().code()).toList()).stream()
			.collect(Collectors.toMap(Resource::code, Function.identity()));
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (TemplateRows.Checked checked : valid) {
			Resource incoming = checked.resource();
			Resource before = stored.get(incoming.code());
			if (before != null && before.sameContentAs(incoming)) {
				unchanged++;
				continue;
			}
			if (before != null && providerCode != null && !providerCode.equals(before.providerCode())) {
				errors.add(ImportError.of(checked.row(), new Violation("code", "the code belongs to a resource of provider "
						+ before.providerCode(), "该信息资源代码已被提供方 " + before.providerCode() + " 的资源使用")));
				continue;
			}
			Lifecycle.check(before == null ? null : before.status(), incoming.status())
				.ifPresent(v -> errors.add(ImportError.of(checked.row(), v)));
			if (before == null) {
				created++;
			}
			else {
				updated++;
			}
		}
		return new ImportSummary(created, updated, unchanged, valid.size());
	}

}
