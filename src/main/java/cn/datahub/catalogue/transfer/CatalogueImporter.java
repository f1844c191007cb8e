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

import cn.datahub.audit.AuditTrail;
import cn.datahub.catalogue.Catalogue;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.Lifecycle;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.ResourceValidator;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.Violation;
import cn.datahub.system.BadParameter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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

	private final TransactionTemplate transaction;

	private final AuditTrail audit;

	CatalogueImporter(Catalogue catalogue, ResourceValidator validator, Departments departments, Resources resources,
			TransactionTemplate transaction, AuditTrail audit) {
		this.catalogue = catalogue;
		this.validator = validator;
		this.departments = departments;
		this.resources = resources;
		this.transaction = transaction;
		this.audit = audit;
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
		Plan plan = plan(rows.valid(), providerCode, errors);
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(ImportError::row));
			throw new ImportRejected(fileName, errors);
		}
		this.transaction.executeWithoutResult(status -> {
			this.catalogue.saveAll(plan.first());
			if (!plan.retiredOnArrival().isEmpty()) {
				this.catalogue.saveAll(plan.retiredOnArrival());
			}
			// Each resource changed has its own entry; this one says which file brought them, and for whom.
			this.audit.changed("catalogue.import", "import:" + fileName, null, new Imported(fileName, providerCode,
					plan.summary()));
		});
		return plan.summary();
	}

	/** An import as the audit trail records it. */
	record Imported(String fileName, String providerCode, ImportSummary summary) {
	}

	/**
	 * What the import will store. A new resource that arrives retired (a catalogue exported from another hub, the
	 * sample catalogue) cannot be created retired; it takes the two steps the lifecycle allows, published then
	 * retired, in the same transaction, and its history shows both.
	 */
	private record Plan(ImportSummary summary, List<Resource> first, List<Resource> retiredOnArrival) {
	}

	/** Compares each valid row with what is stored, adding the steps that are not allowed to {@code errors}. */
	private Plan plan(List<TemplateRows.Checked> valid, String providerCode, List<ImportError> errors) {
		Map<String, Resource> stored = this.resources.findAll(valid.stream().map(c -> c.resource().code()).toList()).stream()
			.collect(Collectors.toMap(Resource::code, Function.identity()));
		List<Resource> first = new ArrayList<>(valid.size());
		List<Resource> retiredOnArrival = new ArrayList<>();
		int created = 0;
		int updated = 0;
		int unchanged = 0;
		for (TemplateRows.Checked checked : valid) {
			Resource incoming = checked.resource();
			Resource before = stored.get(incoming.code());
			if (before == null && incoming.status() == ResourceStatus.RETIRED) {
				first.add(published(incoming));
				retiredOnArrival.add(incoming);
				created++;
				continue;
			}
			first.add(incoming);
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
		return new Plan(new ImportSummary(created, updated, unchanged, valid.size()), first, retiredOnArrival);
	}

	private static Resource published(Resource r) {
		return new Resource(r.code(), r.name(), r.providerCode(), r.category(), r.domain(), r.shareType(), r.shareCondition(),
				r.notSharedBasis(), r.openType(), r.updateCycle(), r.format(), r.summary(), r.items(), ResourceStatus.PUBLISHED,
				r.version(), r.updatedAt());
	}

}
