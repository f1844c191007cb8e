package cn.datahub.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.catalogue.Category;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.HistoryEntry;
import cn.datahub.catalogue.HistoryEntry.Change;
import cn.datahub.catalogue.OpenType;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceSchema;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.ShareType;
import cn.datahub.catalogue.UpdateCycle;
import cn.datahub.catalogue.Uscc;
import cn.datahub.catalogue.reference.Domain;
import cn.datahub.catalogue.reference.ReferenceData;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A city-and-county catalogue with 18 months of history, written straight into the department, resource and
 * resource_history tables with JDBC batches: the import would take hours at a million resources, and is
 * benchmarked on its own. Each department provides in a few domains of its own (and outside the 22), so coverage
 * differs between rows; resources were created as drafts or published, published later, had their sharing widened
 * or were retired, so a past month's figures are not today's.
 */
class GeneratedHistory {

	static final int DEPARTMENTS = 200;

	/** 聊城 with its eight counties and districts, and the other seed places. */
	static final List<String> REGIONS = List.of("371500", "371502", "371503", "371521", "371522", "371524", "371525",
			"371526", "371581", "370300", "370302", "370306", "371400", "371423", "371428", "371321", "370283");

	private static final int MONTHS = 18;

	private static final int BATCH = 5000;

	private static final List<DataItem> ITEMS = List.of(new DataItem("tyshxydm", "统一社会信用代码", "string", true),
			new DataItem("mc", "名称", "string", false), new DataItem("gxsj", "更新时间", "datetime", false));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final List<Domain> domains;

	private final ReferenceData reference;

	private final Random random = new Random(20261123);

	private final Instant now;

	private final Instant start;

	private final List<Department> departments = new ArrayList<>();

	private final Map<String, Instant> joined = new HashMap<>();

	private final Map<String, List<String>> ownDomains = new HashMap<>();

	GeneratedHistory(JdbcTemplate jdbc, TransactionTemplate transaction, ObjectMapper json, ReferenceData reference,
			Instant now, ZoneId zone) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.json = json;
		this.reference = reference;
		this.domains = List.copyOf(reference.domains());
		this.now = now;
		this.start = now.atZone(zone).minusMonths(MONTHS).toInstant();
	}

	/** Writes the departments, then {@code count} resources with their history. */
	Written write(int count) {
		writeDepartments();
		long history = 0;
		for (int from = 0; from < count; from += BATCH) {
			int first = from;
			int to = Math.min(count, from + BATCH);
			history += this.transaction.execute(status -> writeResources(first, to));
		}
		return new Written(this.departments.size(), count, history);
	}

	/** One in eight departments registered within the 18 months; the others before them. */
	private void writeDepartments() {
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < DEPARTMENTS; i++) {
			String region = REGIONS.get(i % REGIONS.size());
			String first17 = "11" + region + String.format("MB%07d", 3_000_000 + i);
			Department d = new Department(first17 + Uscc.checkCharacter(first17).orElseThrow(),
					this.reference.region(region).orElseThrow().name() + GeneratedCatalogue.DEPARTMENTS[i / REGIONS.size()],
					region, this.reference.region(region).orElseThrow().level());
			Instant at = i % 8 == 7 ? between(this.start, this.now.minus(Duration.ofDays(60)))
					: this.start.minus(Duration.ofDays(30));
			this.departments.add(d);
			this.joined.put(d.code(), at);
			this.ownDomains.put(d.code(), this.random.ints(1 + this.random.nextInt(4), 0, this.domains.size())
				.mapToObj(n -> this.domains.get(n).code()).toList());
			rows.add(new Object[] { d.code(), d.name(), d.regionCode(), d.level().name(), Timestamp.from(at),
					Timestamp.from(at) });
		}
		this.jdbc.batchUpdate("insert into department (code, name, region_code, level, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?)", rows);
	}

	private long writeResources(int from, int to) {
		List<Object[]> resources = new ArrayList<>(to - from);
		List<Object[]> history = new ArrayList<>();
		for (int i = from; i < to; i++) {
			List<HistoryEntry> life = life(i);
			Resource r = life.get(life.size() - 1).resource();
			resources.add(new Object[] { r.code(), r.name(), r.providerCode(), r.category().name(), r.domain(),
					r.shareType().name(), r.shareCondition(), r.notSharedBasis(), r.openType().name(), r.updateCycle().name(),
					r.format(), r.summary(), toJson(r.items()), ResourceSchema.of(r).toString(true), r.status().name(),
					r.version(), Timestamp.from(life.get(0).changedAt()), Timestamp.from(r.updatedAt()) });
			life.forEach(h -> history.add(new Object[] { r.code(), h.version(), h.change().name(),
					Timestamp.from(h.changedAt()), h.resource().status().name(), r.providerCode(), r.category().name(),
					r.domain(), h.resource().shareType().name(), h.resource().openType().name(), toJson(h.resource()) }));
		}
		this.jdbc.batchUpdate("insert into resource (code, name, provider_code, category, domain, share_type, "
				+ "share_condition, not_shared_basis, open_type, update_cycle, format, summary, items, avro_schema, status, "
				+ "version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", resources);
		this.jdbc.batchUpdate("insert into resource_history (resource_code, version, change, changed_at, status, "
				+ "provider_code, category, domain, share_type, open_type, snapshot) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				history);
		return history.size();
	}

	/**
	 * The versions of one resource, oldest first; the last is the resource as it is. Most end published (some as
	 * drafts first, some shared more narrowly before), some are still drafts, some were retired.
	 */
	private List<HistoryEntry> life(int serial) {
		Resource last = content(serial);
		int roll = this.random.nextInt(100);
		List<Resource> states = new ArrayList<>();
		if (roll < 8) {
			states.add(with(last, ResourceStatus.DRAFT, last.shareType()));
		}
		else if (roll < 15) {
			states.add(last);
			states.add(with(last, ResourceStatus.RETIRED, last.shareType()));
		}
		else {
			if (roll < 50) {
				states.add(with(last, ResourceStatus.DRAFT, last.shareType()));
			}
			else if (roll < 75 && last.category() != Category.BASE && last.shareType() != ShareType.NOT_SHARED) {
				states.add(with(last, ResourceStatus.PUBLISHED, narrower(last.shareType())));
			}
			states.add(last);
		}
		return dated(states, between(max(this.start, this.joined.get(last.providerCode())), this.now));
	}

	private List<HistoryEntry> dated(List<Resource> states, Instant born) {
		List<Instant> times = new ArrayList<>(List.of(born));
		for (int i = 1; i < states.size(); i++) {
			times.add(between(times.get(i - 1), this.now));
		}
		List<HistoryEntry> life = new ArrayList<>();
		for (int i = 0; i < states.size(); i++) {
			Resource r = states.get(i);
			Resource stored = new Resource(r.code(), r.name(), r.providerCode(), r.category(), r.domain(), r.shareType(),
					r.shareCondition(), r.notSharedBasis(), r.openType(), r.updateCycle(), r.format(), r.summary(),
					r.items(), r.status(), i + 1, times.get(i));
			ResourceStatus before = i == 0 ? null : states.get(i - 1).status();
			Change change = before == null ? Change.CREATED : before == r.status() ? Change.UPDATED
					: r.status() == ResourceStatus.PUBLISHED ? Change.PUBLISHED : Change.RETIRED;
			life.add(new HistoryEntry(i + 1, change, times.get(i), stored));
		}
		return life;
	}

	/** A resource's content, published: shared as GeneratedCatalogue shares, in one of its provider's domains or none. */
	private Resource content(int serial) {
		Department provider = this.departments.get(this.random.nextInt(this.departments.size()));
		List<String> own = this.ownDomains.get(provider.code());
		String domain = this.random.nextInt(100) < 12 ? ReferenceData.NO_DOMAIN : own.get(this.random.nextInt(own.size()));
		int kind = this.random.nextInt(100);
		Category category = kind < 5 ? Category.BASE : kind < 20 ? Category.THEME : Category.DEPARTMENT;
		int share = this.random.nextInt(100);
		ShareType shareType = category == Category.BASE || share < 60 ? ShareType.UNCONDITIONAL
				: share < 92 ? ShareType.CONDITIONAL : ShareType.NOT_SHARED;
		String subject = GeneratedCatalogue.SUBJECTS[this.random.nextInt(GeneratedCatalogue.SUBJECTS.length)];
		String name = subject + GeneratedCatalogue.KINDS[this.random.nextInt(GeneratedCatalogue.KINDS.length)];
		Resource r = new Resource(String.format("%s-%07d", provider.regionCode(), serial), name, provider.code(), category,
				domain, shareType, null, null, OpenType.NOT_OPEN,
				UpdateCycle.values()[this.random.nextInt(UpdateCycle.values().length)], "数据库",
				provider.name() + "汇集的" + name + "，供各部门业务协同使用。", ITEMS, ResourceStatus.PUBLISHED, 1, this.now);
		return with(r, ResourceStatus.PUBLISHED, shareType);
	}

	/**
	 * The resource in {@code status}, shared as {@code shareType} with the condition and basis that go with it; two
	 * in five of the shared ones in a domain are open, the same ones in every version.
	 */
	private Resource with(Resource r, ResourceStatus status, ShareType shareType) {
		int open = Math.floorMod(r.code().hashCode(), 5);
		OpenType openType = shareType == ShareType.NOT_SHARED || r.domain().equals(ReferenceData.NO_DOMAIN) || open > 1
				? OpenType.NOT_OPEN : OpenType.values()[open];
		return new Resource(r.code(), r.name(), r.providerCode(), r.category(), r.domain(), shareType,
				shareType == ShareType.CONDITIONAL ? "仅限办理相关行政审批业务使用" : null,
				shareType == ShareType.NOT_SHARED ? "《中华人民共和国个人信息保护法》第十三条" : null, openType, r.updateCycle(),
				r.format(), r.summary(), r.items(), status, r.version(), r.updatedAt());
	}

	private static ShareType narrower(ShareType shareType) {
		return shareType == ShareType.UNCONDITIONAL ? ShareType.CONDITIONAL : ShareType.NOT_SHARED;
	}

	private Instant between(Instant from, Instant to) {
		return from.plusSeconds((long) (this.random.nextDouble() * Duration.between(from, to).toSeconds()));
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private String toJson(Object value) {
		try {
			return this.json.writeValueAsString(value);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What was written: departments, resources and history rows. */
	record Written(int departments, int resources, long historyRows) {
	}

}
