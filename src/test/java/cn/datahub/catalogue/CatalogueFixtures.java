package cn.datahub.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.Usccs;

import static cn.datahub.testing.ResourceForms.resource;

/**
 * Realistic departments and resources of 冠县 with codes no other test uses, so that tests sharing one database
 * never see each other's data. Bodies are the shared forms as mutable maps: a test breaks exactly the rule it is
 * about.
 */
final class CatalogueFixtures {

	static final String GUANXIAN = "371525";

	static final String LIAOCHENG = "371500";

	private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

	private CatalogueFixtures() {
	}

	static String freshResourceCode(String prefix) {
		return prefix + "-" + "%07d".formatted(SERIAL.incrementAndGet());
	}

	static Map<String, Object> department(String code, String name, String regionCode, String level) {
		return CatalogueApi.body(new DepartmentForm(code, name, regionCode, level));
	}

	/** 冠县 department with a fresh code: 冠县公安局, 冠县卫生健康局, 冠县市场监督管理局 ... */
	static Map<String, Object> countyDepartment(String name) {
		return department(Usccs.fresh(GUANXIAN), name, GUANXIAN, "COUNTY");
	}

	/** 企业营业执照信息 of the market regulator: shared and opened unconditionally, refreshed daily, no status. */
	static Map<String, Object> businessLicences(String code, String providerCode) {
		return CatalogueApi.body(resource(code, "企业营业执照信息", providerCode, "DEPARTMENT", "MARKET_REGULATION",
				"UNCONDITIONAL", "UNCONDITIONAL", "DAILY", null, "冠县登记的企业营业执照基本信息",
				new DataItem("tyshxydm", "统一社会信用代码", "string", true), new DataItem("qymc", "企业名称", "string", true),
				new DataItem("fddbr", "法定代表人", "string", false), new DataItem("zczb", "注册资本（万元）", "decimal", false),
				new DataItem("clrq", "成立日期", "date", true)));
	}

	/** 常住人口基本信息 of the police: a base resource, shared unconditionally, not open to the public. */
	static Map<String, Object> residents(String code, String providerCode) {
		return CatalogueApi.body(resource(code, "常住人口基本信息", providerCode, "BASE", "PUBLIC_SAFETY", "UNCONDITIONAL",
				"NOT_OPEN", "REALTIME", null, null, new DataItem("gmsfhm", "公民身份号码", "string", true),
				new DataItem("xm", "姓名", "string", true), new DataItem("xb", "性别", "string", false),
				new DataItem("csrq", "出生日期", "date", false)));
	}

	/** Data items as the body of a resource holds them, for a test to put in place of the fixture's. */
	static List<Map<String, Object>> items(DataItem... items) {
		return new ArrayList<>(Arrays.stream(items).map(CatalogueApi::body).toList());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> itemOf(Map<String, Object> resource, int index) {
		return ((List<Map<String, Object>>) resource.get("items")).get(index);
	}

}
