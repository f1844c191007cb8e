package cn.datahub.exchange.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.ResourceForms;
import org.junit.jupiter.api.TestInfo;

import org.springframework.jdbc.core.JdbcTemplate;

import static cn.datahub.testing.Usccs.withCheckCharacter;
import static org.awaitility.Awaitility.await;

/**
 * What the catalogue exchange tests share: two departments of 冠县 and the resources they register, the platforms'
 * catalogue interfaces on a WireMock stub, and what the stub received.
 */
final class CatalogueExchangeFixtures {

	static final String REGION = "371525";

	static final String CITY = "city-platform";

	static final String PROVINCE = "province-platform";

	static final DepartmentForm HEALTH = new DepartmentForm(withCheckCharacter("11371525MB0817265"), "冠县卫生健康局",
			REGION, "COUNTY");

	static final DepartmentForm HUMAN_RESOURCES = new DepartmentForm(withCheckCharacter("11371525MB0561934"),
			"冠县人力资源和社会保障局", REGION, "COUNTY");

	private static final ObjectMapper JSON = new ObjectMapper();

	private CatalogueExchangeFixtures() {
	}

	static String path(String platform) {
		return "/" + platform.substring(0, platform.indexOf('-')) + "/catalogue";
	}

	/** A code of the test's own, so that what one test pushed never shows in another's. */
	static String code(String department, TestInfo test) {
		return REGION + "-" + department + "-" + Math.abs(test.getDisplayName().hashCode() % 100000);
	}

	/** Before each test: the platforms take everything and hold nothing, the departments are registered. */
	static void prepare(HubClient api) {
		CataloguePlatformStub.takeEverything();
		registerDepartments(api);
	}

	/** Publishes the test's own 医疗机构执业登记信息 and 养老保险参保信息, in that order, and returns their codes. */
	static List<String> publishBoth(HubClient api, TestInfo test) {
		String clinics = code("WJJ", test);
		String pensions = code("RSJ", test);
		api.create(clinics(clinics, "PUBLISHED"));
		api.create(pensions(pensions, "PUBLISHED"));
		return List.of(clinics, pensions);
	}

	private static void registerDepartments(HubClient api) {
		for (DepartmentForm department : List.of(HEALTH, HUMAN_RESOURCES)) {
			if (!api.departmentExists(department.code())) {
				api.register(department);
			}
		}
	}

	/** 医疗机构执业登记信息 of 冠县卫生健康局: shared unconditionally, open in 医疗卫生. */
	static ResourceForm clinics(String code, String status) {
		return ResourceForms.resource(code, "冠县医疗机构执业登记信息", HEALTH.code(), "DEPARTMENT", "HEALTH", "UNCONDITIONAL",
				"UNCONDITIONAL", "MONTHLY", status, "全县医院、卫生院和诊所的执业许可登记",
				new DataItem("jgmc", "机构名称", "string", true), new DataItem("tyshxydm", "统一社会信用代码", "string", true),
				new DataItem("zyxkzh", "执业许可证号", "string", true), new DataItem("jgdz", "机构地址", "string", false),
				new DataItem("fzrq", "发证日期", "date", false));
	}

	/** 城乡居民基本养老保险参保信息 of 冠县人力资源和社会保障局: shared on conditions, not open. */
	static ResourceForm pensions(String code, String status) {
		return ResourceForms.resource(code, "冠县城乡居民基本养老保险参保信息", HUMAN_RESOURCES.code(), "DEPARTMENT",
				"SOCIAL_SECURITY", "CONDITIONAL", "NOT_OPEN", "DAILY", status, "参保人员的参保、缴费和待遇领取状态",
				new DataItem("sfzhm", "公民身份号码", "string", true), new DataItem("xm", "姓名", "string", true),
				new DataItem("cbzt", "参保状态", "string", true), new DataItem("jfje", "年缴费金额", "decimal", false));
	}

	/** A POST a platform's catalogue interface received: its batch id, the status it answered, its entries. */
	record Batch(String id, int status, List<JsonNode> entries) {
	}

	/** The POSTs a platform's catalogue interface received, oldest first. */
	static List<ServeEvent> posts(WireMockServer platform, String platformName) {
		return platform.getAllServeEvents().stream()
			.filter(e -> e.getRequest().getMethod().getName().equals("POST") && e.getRequest().getUrl().equals(path(platformName)))
			.sorted((a, b) -> a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
			.toList();
	}

	static List<Batch> batches(WireMockServer platform, String platformName) {
		return posts(platform, platformName).stream().map(CatalogueExchangeFixtures::batch).toList();
	}

	/** The entries of the batches the platform answered 2xx, in the order it took them. */
	static List<JsonNode> taken(WireMockServer platform, String platformName) {
		List<JsonNode> entries = new ArrayList<>();
		batches(platform, platformName).stream().filter(b -> b.status() / 100 == 2).forEach(b -> entries.addAll(b.entries()));
		return entries;
	}

	/** The versions of one resource a platform took, as {@code 2 PUBLISHED}, in order. */
	static List<String> versionsTaken(WireMockServer platform, String platformName, String code) {
		return taken(platform, platformName).stream().filter(e -> e.path("code").asText().equals(code))
			.map(e -> e.path("version").asInt() + " " + e.path("status").asText()).toList();
	}

	static long cursor(HubClient api, String platform) {
		return pushState(api, platform).path("lastHistoryId").asLong();
	}

	static JsonNode pushState(HubClient api, String platform) {
		for (JsonNode state : api.get("/api/exchange/catalogue/push")) {
			if (state.path("platform").asText().equals(platform)) {
				return state;
			}
		}
		throw new AssertionError("no push cursor of " + platform);
	}

	static long lastChange(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select coalesce(max(id), 0) from resource_history", Long.class);
	}

	/** Waits until both platforms confirmed every change so far, so that a test starts from a quiet exchange. */
	static void awaitCaughtUp(HubClient api, JdbcTemplate jdbc) {
		await().atMost(Duration.ofSeconds(30)).until(() -> cursor(api, CITY) == lastChange(jdbc)
				&& cursor(api, PROVINCE) == lastChange(jdbc));
	}

	private static Batch batch(ServeEvent event) {
		try {
			List<JsonNode> entries = new ArrayList<>();
			JSON.readTree(event.getRequest().getBodyAsString()).forEach(entries::add);
			return new Batch(event.getRequest().getHeader(CataloguePush.BATCH_HEADER), event.getResponse().getStatus(),
					entries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
