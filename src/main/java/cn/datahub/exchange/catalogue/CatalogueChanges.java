package cn.datahub.exchange.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.datahub.catalogue.CatalogueEntries;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceHistory;
import cn.datahub.catalogue.ResourceHistory.Recorded;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.schema.CatalogueEntry;

import org.springframework.stereotype.Component;

/**
 * The catalogue's committed changes as the upper platforms see them, read from {@code resource_history} in id order:
 * a publication, an update of a published entry and a retirement each become the {@code CatalogueEntry} of the
 * resource as it stood; a draft never leaves the hub and is passed over. Provider name and region come from the
 * providing department.
 * <p>
 * Ids are handed out when a change is written, not when it commits, so a change may still be committing while one
 * after it is already visible (a large import beside a single edit). A batch therefore stops before a missing id
 * until the change after it is older than {@code gap-wait}; an id still missing then belongs to a change that never
 * committed or to a draft deleted since, and is passed over.
 */
@Component
class CatalogueChanges {

	/** History rows one read takes; most may be drafts. */
	private static final int READ = 500;

	private final ResourceHistory history;

	private final Departments departments;

	private final CatalogueExchangeProperties properties;

	private final Clock clock;

	CatalogueChanges(ResourceHistory history, Departments departments, CatalogueExchangeProperties properties, Clock clock) {
		this.history = history;
		this.departments = departments;
		this.properties = properties;
		this.clock = clock;
	}

	/** The next batch after a platform's cursor: at most batch-size entries, possibly none. */
	ChangeBatch next(long after) {
		Instant settled = this.clock.instant().minus(this.properties.gapWait());
		long passed = after;
		List<Resource> changed = new ArrayList<>();
		reading: while (true) {
			List<Recorded> rows = this.history.between(passed, Long.MAX_VALUE, READ);
			for (Recorded row : rows) {
				if (row.id() != passed + 1 && row.entry().changedAt().isAfter(settled)) {
					break reading;
				}
				passed = row.id();
				if (concernsPlatforms(row)) {
					changed.add(row.entry().resource());
					if (changed.size() == this.properties.batchSize()) {
						break reading;
					}
				}
			}
			if (rows.size() < READ) {
				break;
			}
		}
		return batch(after, passed, changed);
	}

	/** A batch sent before and not confirmed, exactly as it was. */
	ChangeBatch again(long after, long upTo) {
		long passed = after;
		List<Resource> changed = new ArrayList<>();
		List<Recorded> rows;
		do {
			rows = this.history.between(passed, upTo, READ);
			for (Recorded row : rows) {
				passed = row.id();
				if (concernsPlatforms(row)) {
					changed.add(row.entry().resource());
				}
			}
		}
		while (rows.size() == READ);
		return batch(after, upTo, changed);
	}

	private static boolean concernsPlatforms(Recorded change) {
		return change.entry().resource().status() != ResourceStatus.DRAFT;
	}

	private ChangeBatch batch(long after, long upTo, List<Resource> changed) {
		Map<String, Department> providers = new HashMap<>();
		List<CatalogueEntry> entries = changed.stream().map(r -> CatalogueEntries.of(r,
				providers.computeIfAbsent(r.providerCode(), this::provider))).toList();
		return new ChangeBatch(after, upTo, entries);
	}

	private Department provider(String code) {
		return this.departments.find(code)
			.orElseThrow(() -> new IllegalStateException("the providing department " + code + " is not registered"));
	}

}
