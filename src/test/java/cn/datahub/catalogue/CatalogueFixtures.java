package cn.datahub.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Realistic departments and resources of 冠县 with codes no other test uses, so that tests sharing one database
 * never see each other's data. Bodies are mutable maps: a test breaks exactly the rule it is about.
 */
final class CatalogueFixtures {

	static final String GUANXIAN = "371525";

	static final String LIAOCHENG = "371500";

	static final String SHANDONG = "370000";

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

	private CatalogueFixtures() {
	}

	/** Appends the GB 32100 check character, computed here independently of {@link Uscc}. */
	static String withCheckCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
	}

	/** A valid code of a government body (登记管理部门 1, 机关 1) in the region, never handed out before. */
	static String freshUscc(String regionCode) {
		return withCheckCharacter("11" + regionCode + "MB" + "%07d".formatted(SERIAL.incrementAndGet()));
	}

	static String freshResourceCode(String prefix) {
		return prefix + "-" + "%07d".formatted(SERIAL.incrementAndGet());
	}

	static Map<String, Object> department(String code, String name, String regionCode, String level) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", name);
		body.put("regionCode", regionCode);
		body.put("level", level);
		return body;
	}

	/** 冠县 department with a fresh code: 冠县公安局, 冠县卫生健康局, 冠县市场监督管理局 ... */
	static Map<String, Object> countyDepartment(String name) {
		return department(freshUscc(GUANXIAN), name, GUANXIAN, "COUNTY");
	}

	/** 企业营业执照信息 of the market regulator: shared and opened unconditionally, refreshed daily. */
	static Map<String, Object> businessLicences(String code, String providerCode) {
		Map<String, Object> body = resource(code, "企业营业执照信息", providerCode);
		body.put("category", "DEPARTMENT");
		body.put("domain", "MARKET_REGULATION");
		body.put("shareType", "UNCONDITIONAL");
		body.put("openType", "UNCONDITIONAL");
		body.put("updateCycle", "DAILY");
		body.put("format", "数据库");
		body.put("summary", "冠县登记的企业营业执照基本信息");
		body.put("items", items(item("tyshxydm", "统一社会信用代码", "string", true), item("qymc", "企业名称", "string", true),
				item("fddbr", "法定代表人", "string", false), item("zczb", "注册资本（万元）", "decimal", false),
				item("clrq", "成立日期", "date", true)));
		return body;
	}

	/** 常住人口基本信息 of the police: a base resource, shared unconditionally, not open to the public. */
	static Map<String, Object> residents(String code, String providerCode) {
		Map<String, Object> body = resource(code, "常住人口基本信息", providerCode);
		body.put("category", "BASE");
		body.put("domain", "PUBLIC_SAFETY");
		body.put("shareType", "UNCONDITIONAL");
		body.put("openType", "NOT_OPEN");
		body.put("updateCycle", "REALTIME");
		body.put("items", items(item("gmsfhm", "公民身份号码", "string", true), item("xm", "姓名", "string", true),
				item("xb", "性别", "string", false), item("csrq", "出生日期", "date", false)));
		return body;
	}

	static Map<String, Object> item(String name, String title, String type, boolean required) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("name", name);
		item.put("title", title);
		item.put("type", type);
		item.put("required", required);
		return item;
	}

	@SafeVarargs
	static List<Map<String, Object>> items(Map<String, Object>... items) {
		return new ArrayList<>(List.of(items));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> itemOf(Map<String, Object> resource, int index) {
		return ((List<Map<String, Object>>) resource.get("items")).get(index);
	}

	private static Map<String, Object> resource(String code, String name, String providerCode) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("name", name);
		body.put("providerCode", providerCode);
		return body;
	}

}
