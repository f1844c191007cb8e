package cn.datahub.audit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.ResourceForms;
import cn.datahub.testing.TestAccounts;
import cn.datahub.testing.Usccs;

/**
 * What the audit tests share: departments of two counties of 聊城市, accounts of their people, resources of codes
 * never used before, and the trail read back in the order of the chain.
 */
final class AuditFixtures {

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private AuditFixtures() {
	}

	/** 冠县公安局, under a code of its own. */
	static DepartmentForm guanxianPolice() {
		return new DepartmentForm(Usccs.fresh("371525"), "冠县公安局", "371525", "COUNTY");
	}

	/** 阳谷县卫生健康局, under a code of its own. */
	static DepartmentForm yangguHealth() {
		return new DepartmentForm(Usccs.fresh("371521"), "阳谷县卫生健康局", "371521", "COUNTY");
	}

	/** An account of the department's registrar, named {@code name} and a number of its own; answers the username. */
	static String registrar(TestAccounts accounts, String name, DepartmentForm department) {
		String username = name + "." + SERIAL.incrementAndGet();
		accounts.create(username, department.code(), null, "REGISTRAR");
		return username;
	}

	/** An account of an auditor of the region, named {@code name} and a number of its own; answers the username. */
	static String auditor(TestAccounts accounts, String name, String regionCode) {
		String username = name + "." + SERIAL.incrementAndGet();
		accounts.create(username, null, regionCode, "AUDITOR");
		return username;
	}

	/** 居民户籍登记信息 of the department, a draft, under a code never used before. */
	static ResourceForm householdRegister(DepartmentForm provider) {
		return ResourceForms.resource(provider.regionCode() + "-GA-" + "%05d".formatted(SERIAL.incrementAndGet()),
				"居民户籍登记信息", provider.code(), "DEPARTMENT", "PUBLIC_SAFETY", "CONDITIONAL", "NOT_OPEN", "DAILY", null,
				"全县常住人口的户籍登记、迁入迁出和变更信息", new DataItem("gmsfhm", "公民身份号码", "string", true),
				new DataItem("xm", "姓名", "string", true), new DataItem("hjdz", "户籍地址", "string", false));
	}

	/** The entries about {@code subject}, in the order they were chained. */
	static List<AuditEntry> entriesOf(AuditLog log, String subject) {
		return chained(log, new AuditFilter(null, null, subject, null, null, null, null, null));
	}

	static List<AuditEntry> chained(AuditLog log, AuditFilter filter) {
		List<AuditEntry> entries = new ArrayList<>(log.find(filter, 0, 500).items());
		Collections.reverse(entries);
		return entries;
	}

	static List<String> actions(List<AuditEntry> entries) {
		return entries.stream().map(AuditEntry::action).toList();
	}

}
