package cn.datahub.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.datahub.audit.AuditTrail;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to departments and resources: the row, its history entry, its index outbox row and its audit entry
 * are written in one transaction, so the catalogue, its history, the search index and the audit trail never
 * disagree for long.
 */
@Service
@Transactional
public class Catalogue {

	private final Departments departments;

	private final Resources resources;

	private final ResourceHistory history;

	private final IndexOutbox outbox;

	private final DepartmentValidator departmentValidator;

	private final ResourceValidator resourceValidator;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	Catalogue(Departments departments, Resources resources, ResourceHistory history, IndexOutbox outbox,
			DepartmentValidator departmentValidator, ResourceValidator resourceValidator, ApplicationEventPublisher events,
			AuditTrail audit, Clock clock) {
		this.departments = departments;
		this.resources = resources;
		this.history = history;
		this.outbox = outbox;
		this.departmentValidator = departmentValidator;
		this.resourceValidator = resourceValidator;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	public Department register(DepartmentForm form) {
		Department department = this.departmentValidator.validate(form);
		if (this.departments.exists(department.code())) {
			throw alreadyRegistered(department);
		}
		try {
			this.departments.insert(department, now());
		}
		catch (DuplicateKeyException ex) {
			throw alreadyRegistered(department);
		}
		this.audit.changed("department.register", "department:" + department.code(), null, department);
		return department;
	}

	private static CatalogueConflict alreadyRegistered(Department department) {
		return new CatalogueConflict("code", "Department " + department.code() + " is already registered",
				"统一社会信用代码" + department.code() + "已登记");
	}

	public Department updateDepartment(String code, DepartmentForm form) {
		requireSameCode(code, form.code());
		Department before = this.departments.find(code).orElseThrow(() -> new NotFound("Department", code));
		Department department = this.departmentValidator.validate(new DepartmentForm(code, form.name(), form.regionCode(), form.level()));
		Instant at = now();
		this.departments.update(department, at);
		List<String> provided = this.resources.codesOfProvider(code);
		this.outbox.enqueue(provided, at);
		this.events.publishEvent(new CatalogueChanged(provided.size(), List.of()));
		this.audit.changed("department.update", "department:" + code, before, department);
		return department;
	}

	public Resource create(ResourceForm form) {
		Resource resource = this.resourceValidator.validate(form, this.departments::exists);
		if (this.resources.find(resource.code()).isPresent()) {
			throw new CatalogueConflict("code", "Resource " + resource.code() + " already exists",
					"信息资源代码" + resource.code() + "已存在");
		}
		Lifecycle.check(null, resource.status()).ifPresent(v -> {
			throw new InvalidInput("Invalid resource", List.of(v));
		});
		// Saved as new even if a concurrent request has created the code since: the primary key then refuses it,
		// where saveAll would turn this creation into an update of the other request's resource.
		return save(List.of(resource), Map.of()).get(0);
	}

	public Resource update(String code, ResourceForm form) {
		requireSameCode(code, form.code());
		Resource stored = this.resources.find(code).orElseThrow(() -> new NotFound("Resource", code));
		Resource incoming = this.resourceValidator.validate(form.withCode(code), this.departments::exists);
		return saveAll(List.of(incoming)).get(0);
	}

	public Resource moveTo(String code, ResourceStatus status) {
		Resource stored = this.resources.find(code).orElseThrow(() -> new NotFound("Resource", code));
		Resource moved = new Resource(stored.code(), stored.name(), stored.providerCode(), stored.category(), stored.domain(),
				stored.shareType(), stored.shareCondition(), stored.notSharedBasis(), stored.openType(), stored.updateCycle(),
				stored.format(), stored.summary(), stored.items(), status, stored.version(), stored.updatedAt());
		return saveAll(List.of(moved)).get(0);
	}

	/** Only a draft that was never published may disappear; a published resource is retired instead. */
	public void deleteDraft(String code) {
		Resource stored = this.resources.find(code).orElseThrow(() -> new NotFound("Resource", code));
		if (stored.status() != ResourceStatus.DRAFT) {
			throw new CatalogueConflict("status", "Only a draft can be deleted; retire a published resource instead",
					"只有草稿可以删除，已发布的资源应停用");
		}
		this.resources.delete(code);
		this.history.forget(code);
		this.outbox.enqueue(List.of(code), now());
		this.events.publishEvent(new CatalogueChanged(1, List.of()));
		this.audit.changed("resource.delete", "resource:" + code, stored, null);
	}

	/**
	 * Stores validated resources, new or changed, in one transaction; unchanged ones are left as they are.
	 * @return the resources as stored, in the order given
	 * @throws CatalogueConflict if a change is a lifecycle step that is not allowed
	 */
	public List<Resource> saveAll(List<Resource> incoming) {
		Map<String, Resource> stored = this.resources.findAll(incoming.stream().map(Resource::code).toList()).stream()
			.collect(Collectors.toMap(Resource::code, Function.identity()));
		return save(incoming, stored);
	}

	private List<Resource> save(List<Resource> incoming, Map<String, Resource> stored) {
		Instant at = now();
		List<Resource> result = new ArrayList<>(incoming.size());
		List<Resource> created = new ArrayList<>();
		List<Resource> written = new ArrayList<>();
		List<HistoryEntry.Change> changes = new ArrayList<>();
		for (Resource resource : incoming) {
			Resource before = stored.get(resource.code());
			if (before != null && before.sameContentAs(resource)) {
				result.add(before);
				continue;
			}
			Lifecycle.check(before == null ? null : before.status(), resource.status()).ifPresent(v -> {
				throw new CatalogueConflict("status", resource.code() + ": " + v.message(), resource.code() + "：" + v.messageZh());
			});
			Resource saved = resource.withVersion(before == null ? 1 : before.version() + 1, at);
			if (before == null) {
				created.add(saved);
			}
			written.add(saved);
			HistoryEntry.Change change = changeOf(before, saved);
			changes.add(change);
			this.audit.changed(auditAction(change), "resource:" + saved.code(), before, saved);
			result.add(saved);
		}
		try {
			this.resources.insert(created, at);
			this.resources.update(written.stream().filter(r -> r.version() > 1).toList());
			this.history.record(written, changes);
		}
		catch (DuplicateKeyException ex) {
			// A request that read the same version won the race: its row or history version is already there.
			throw new CatalogueConflict("code", "Another request created or changed the same resource at the same time; "
					+ "nothing was saved: read it again and retry", "其他请求同时创建或修改了同一资源，本次未保存，请重新读取后再试");
		}
		this.outbox.enqueue(written.stream().map(Resource::code).toList(), at);
		this.events.publishEvent(new CatalogueChanged(written.size(), written.stream()
			.filter(r -> r.status() == ResourceStatus.PUBLISHED).map(Resource::code).toList()));
		return result;
	}

	private static HistoryEntry.Change changeOf(Resource before, Resource after) {
		if (before == null) {
			return HistoryEntry.Change.CREATED;
		}
		if (before.status() != after.status()) {
			return after.status() == ResourceStatus.PUBLISHED ? HistoryEntry.Change.PUBLISHED : HistoryEntry.Change.RETIRED;
		}
		return HistoryEntry.Change.UPDATED;
	}

	private static String auditAction(HistoryEntry.Change change) {
		return switch (change) {
			case CREATED -> "resource.create";
			case UPDATED -> "resource.update";
			case PUBLISHED -> "resource.publish";
			case RETIRED -> "resource.retire";
		};
	}

	private static void requireSameCode(String path, String body) {
		if (body != null && !body.equals(path)) {
			throw new InvalidInput("Invalid request", List.of(new Violation("code",
					"must match the code in the path (" + path + "); a code cannot be changed", "代码不能修改，应与路径中的代码一致")));
		}
	}

	/** Database timestamps keep microseconds; truncate so that what is returned equals what is read back. */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
