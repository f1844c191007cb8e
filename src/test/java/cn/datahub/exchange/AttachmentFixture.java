package cn.datahub.exchange;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

import static cn.datahub.testing.Usccs.withCheckCharacter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 冠县市场监督管理局's register of individual businesses (个体工商户营业执照登记信息) as a real-time resource, attached
 * through the API, and the waits the tests need: for an attachment's health or a run in the log to show something.
 */
record AttachmentFixture(TestRestTemplate http, HubClient api) {

	static final Duration PATIENCE = Duration.ofSeconds(30);

	AttachmentFixture(TestRestTemplate http) {
		this(http, new HubClient(http));
	}

	/** Publishes a real-time copy of the register under {@code code} (each test its own, so deliveries never mix). */
	String publish(String code, String status) {
		if (!this.api.departmentExists(FileDropIntegrationTests.GX_SCJG.code())) {
			this.api.register(FileDropIntegrationTests.GX_SCJG);
		}
		this.api.create(new ResourceForm(code, "个体工商户营业执照登记信息", FileDropIntegrationTests.GX_SCJG.code(), "DEPARTMENT",
				"MARKET_REGULATION", "UNCONDITIONAL", null, null, "CONDITIONAL", "REALTIME", "接口", "全县个体工商户的设立、变更和注销登记",
				List.of(new DataItem("tyshxydm", "统一社会信用代码", "string", true),
						new DataItem("ztmc", "市场主体名称", "string", false), new DataItem("jyzxm", "经营者姓名", "string", false),
						new DataItem("jycs", "经营场所", "string", false), new DataItem("clrq", "成立日期", "date", false),
						new DataItem("djzt", "登记状态", "string", false)),
				status));
		return code;
	}

	ResponseEntity<JsonNode> attach(Map<String, Object> form) {
		return this.http.postForEntity("/api/exchange/attachments", form, JsonNode.class);
	}

	long attached(Map<String, Object> form) {
		ResponseEntity<JsonNode> created = attach(form);
		assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
		return created.getBody().path("id").asLong();
	}

	JsonNode attachment(long id) {
		return this.api.get("/api/exchange/attachments/" + id);
	}

	/** Waits until the attachment's health satisfies {@code condition}, and answers it. */
	JsonNode awaitHealth(long id, Predicate<JsonNode> condition) {
		return await().atMost(PATIENCE).until(() -> attachment(id).path("health"), condition::test);
	}

	/** Waits until the resource's log holds a finished run satisfying {@code condition}, and answers it. */
	JsonNode awaitRun(String code, Predicate<JsonNode> condition) {
		Predicate<JsonNode> finished = run -> !run.path("status").asText().equals("RUNNING");
		return await().atMost(PATIENCE).until(() -> runs(code).stream().filter(finished.and(condition)).findFirst()
			.orElse(null), run -> run != null);
	}

	List<JsonNode> runs(String code) {
		return HubClient.hits(this.api.get("/api/exchange/runs", "resourceCode", code, "size", "200"));
	}

	/** A valid unified social credit code of an individual business in 冠县, numbered. */
	static String uscc(int n) {
		return withCheckCharacter("92371525MA7P9" + String.format("%04d", n));
	}

	/** A record of the register as a department system gives it, with its update time. */
	static Map<String, Object> business(int n, String name, String operator, String updatedAt) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("tyshxydm", uscc(n));
		record.put("ztmc", name);
		record.put("jyzxm", operator);
		record.put("jycs", name.substring(0, name.length() - 3) + "街" + n + "号");
		record.put("clrq", "2016-04-0" + (1 + n % 9));
		record.put("djzt", "存续");
		record.put("gxsj", updatedAt);
		return record;
	}

}
