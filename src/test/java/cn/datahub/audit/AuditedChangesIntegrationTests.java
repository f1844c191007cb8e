package cn.datahub.audit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.security.Forbidden;
import cn.datahub.security.Guard;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.ResourceForms;
import cn.datahub.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.datahub.audit.AuditFixtures.actions;
import static cn.datahub.audit.AuditFixtures.entriesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every kind of change the hub makes today lands in the trail with who made it, from where, and the object before
 * and after: departments, resources through each step of their lifecycle and through an import, exchange targets,
 * attachments and dead letters. A change that rolls back leaves nothing; a refusal stays.
 */
@AuditContext
class AuditedChangesIntegrationTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private HubClient api;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private AuditLog log;

	@Autowired
	private AuditTrail trail;

	@Autowired
	private Guard guard;

	@Autowired
	private TransactionTemplate transaction;

	@Test
	void aDepartmentRegisteredAndRenamedIsRecordedWithWhoFromWhereAndBothVersions() throws Exception {
		DepartmentForm police = AuditFixtures.guanxianPolice();

		assertThat(send(HttpMethod.POST, "/api/departments", police, null).getStatusCode().value()).isEqualTo(201);
		String zhang = AuditFixtures.registrar(this.accounts, "zhangwei", police);
		DepartmentForm renamed = new DepartmentForm(police.code(), "冠县公安局（冠县看守所）", "371525", "COUNTY");
		assertThat(send(HttpMethod.PUT, "/api/departments/" + police.code(), renamed, zhang).getStatusCode().value())
			.isEqualTo(200);

		List<AuditEntry> entries = entriesOf(this.log, "department:" + police.code());
		assertThat(actions(entries)).containsExactly("department.register", "department.update");
		AuditEntry registered = entries.get(0);
		assertThat(registered.actor()).isEqualTo(TestAccounts.ADMIN);
		assertThat(registered.remoteAddress()).isEqualTo("127.0.0.1");
		assertThat(registered.outcome()).isEqualTo("DONE");
		assertThat(registered.before()).isNull();
		assertThat(json(registered.after()).path("name").asText()).isEqualTo("冠县公安局");
		AuditEntry updated = entries.get(1);
		assertThat(updated.actor()).isEqualTo(zhang);
		assertThat(updated.department()).isEqualTo(police.code());
		assertThat(json(updated.before()).path("name").asText()).isEqualTo("冠县公安局");
		assertThat(json(updated.after()).path("name").asText()).isEqualTo("冠县公安局（冠县看守所）");
	}

	@Test
	void everyStepOfAResourceIsRecordedWithTheResourceBeforeAndAfter() throws Exception {
		DepartmentForm police = registered(AuditFixtures.guanxianPolice());
		ResourceForm resource = AuditFixtures.householdRegister(police);

		this.api.create(resource);
		this.api.update(new ResourceForm(resource.code(), resource.name(), resource.providerCode(), resource.category(),
				resource.domain(), resource.shareType(), resource.shareCondition(), resource.notSharedBasis(),
				resource.openType(), resource.updateCycle(), resource.format(), "全县户籍人口的登记、迁移、变更和注销信息",
				resource.items(), null));
		this.api.publish(resource.code());
		this.api.retire(resource.code());

		List<AuditEntry> entries = entriesOf(this.log, "resource:" + resource.code());
		assertThat(actions(entries)).containsExactly("resource.create", "resource.update", "resource.publish",
				"resource.retire");
		assertThat(entries.get(0).before()).isNull();
		assertThat(json(entries.get(0).after()).path("items").get(0).path("title").asText()).isEqualTo("公民身份号码");
		assertThat(json(entries.get(1).before()).path("summary").asText()).isEqualTo("全县常住人口的户籍登记、迁入迁出和变更信息");
		assertThat(json(entries.get(1).after()).path("summary").asText()).isEqualTo("全县户籍人口的登记、迁移、变更和注销信息");
		assertThat(json(entries.get(2).before()).path("status").asText()).isEqualTo("DRAFT");
		assertThat(json(entries.get(2).after()).path("status").asText()).isEqualTo("PUBLISHED");
		assertThat(json(entries.get(3).after()).path("status").asText()).isEqualTo("RETIRED");
		assertThat(entries).allSatisfy(e -> assertThat(e.actor()).isEqualTo(TestAccounts.ADMIN));
	}

	@Test
	void deletingADraftRecordsTheDraftItRemoved() throws Exception {
		DepartmentForm police = registered(AuditFixtures.guanxianPolice());
		ResourceForm resource = AuditFixtures.householdRegister(police);
		this.api.create(resource);

		this.api.delete(resource.code());

		AuditEntry deleted = entriesOf(this.log, "resource:" + resource.code()).get(1);
		assertThat(deleted.action()).isEqualTo("resource.delete");
		assertThat(json(deleted.before()).path("name").asText()).isEqualTo("居民户籍登记信息");
		assertThat(deleted.after()).isNull();
	}

	@Test
	void anImportRecordsTheFileAndEveryResourceItChanged() throws Exception {
		DepartmentForm police = registered(AuditFixtures.guanxianPolice());
		ResourceForm resource = AuditFixtures.householdRegister(police);
		this.api.create(resource);
		String exported = new String(this.api.export("format=csv&providerCode=" + police.code()).getBody(),
				StandardCharsets.UTF_8);

		ResponseEntity<JsonNode> imported = this.api.uploadFor(police.code(), "冠县公安局目录.csv",
				exported.replace("居民户籍登记信息", "居民户籍登记及迁移信息").getBytes(StandardCharsets.UTF_8));

		assertThat(imported.getStatusCode().value()).as("%s", imported.getBody()).isEqualTo(200);
		AuditEntry updated = entriesOf(this.log, "resource:" + resource.code()).get(1);
		assertThat(updated.action()).isEqualTo("resource.update");
		assertThat(json(updated.after()).path("name").asText()).isEqualTo("居民户籍登记及迁移信息");
		AuditEntry file = entriesOf(this.log, "import:冠县公安局目录.csv").get(0);
		assertThat(file.action()).isEqualTo("catalogue.import");
		assertThat(json(file.after()).path("providerCode").asText()).isEqualTo(police.code());
		assertThat(json(file.after()).path("summary").path("updated").asInt()).isEqualTo(1);
	}

	@Test
	void aChangeWhoseTransactionRollsBackLeavesNoEntryButARefusalInItStays() {
		String subject = "resource:371525-GA-ROLLBACK";
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			this.trail.changed("resource.update", subject, Map.of("name", "居民户籍登记信息"), Map.of("name", "户籍信息"));
			throw new IllegalStateException("the change failed after it was recorded");
		})).isInstanceOf(IllegalStateException.class);
		String department = AuditFixtures.guanxianPolice().code();
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(status -> this.guard.registrarOf(department)))
			.isInstanceOf(Forbidden.class);

		assertThat(entriesOf(this.log, subject)).isEmpty();
		List<AuditEntry> refusals = entriesOf(this.log, "department:" + department);
		assertThat(actions(refusals)).containsExactly("access.refused");
		assertThat(refusals.get(0).outcome()).isEqualTo("REFUSED");
		assertThat(refusals.get(0).detail()).isEqualTo("system may not maintain the catalogue of department " + department);
	}

	@Test
	void exchangeTargetsAndAttachmentsAddedAndRemovedAreRecorded() throws Exception {
		String code = published(registered(AuditFixtures.yangguHealth()));
		String name = "yg-wjj-" + code.substring(code.length() - 5);

		assertThat(send(HttpMethod.POST, "/api/exchange/targets", Map.of("name", name, "nameZh", "阳谷县卫健局前置库",
				"kind", "FILE", "resources", List.of(code)), null).getStatusCode().value()).isEqualTo(201);
		assertThat(send(HttpMethod.DELETE, "/api/exchange/targets/" + name, null, null).getStatusCode().value())
			.isEqualTo(204);
		JsonNode attachment = send(HttpMethod.POST, "/api/exchange/attachments",
				Map.of("resourceCode", code, "kind", "PUSH"), null).getBody();
		long id = attachment.path("id").asLong();
		assertThat(send(HttpMethod.DELETE, "/api/exchange/attachments/" + id, null, null).getStatusCode().value())
			.isEqualTo(204);

		List<AuditEntry> target = entriesOf(this.log, "target:" + name);
		assertThat(actions(target)).containsExactly("target.create", "target.delete");
		assertThat(json(target.get(0).after()).path("nameZh").asText()).isEqualTo("阳谷县卫健局前置库");
		assertThat(json(target.get(1).before()).path("resources").get(0).asText()).isEqualTo(code);
		assertThat(target.get(1).after()).isNull();
		List<AuditEntry> attached = entriesOf(this.log, "attachment:" + id);
		assertThat(actions(attached)).containsExactly("attachment.create", "attachment.delete");
		assertThat(json(attached.get(0).after()).path("kind").asText()).isEqualTo("PUSH");
		assertThat(json(attached.get(1).before()).path("resourceCode").asText()).isEqualTo(code);
	}

	@Test
	void aDeadLetterDiscardedIsRecordedOpenBeforeAndDiscardedAfter() throws Exception {
		String code = published(registered(AuditFixtures.yangguHealth()));
		long attachment = send(HttpMethod.POST, "/api/exchange/attachments", Map.of("resourceCode", code, "kind", "PUSH"),
				null).getBody().path("id").asLong();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		ResponseEntity<JsonNode> pushed = this.http.exchange("/api/exchange/attachments/{id}/records", HttpMethod.POST,
				new HttpEntity<>("[{\"xm\": \"王秀英\", \"hjdz\": \"阳谷县狮子楼街道\"}]", headers), JsonNode.class, attachment);
		assertThat(pushed.getBody().path("rejected").asInt()).as("%s", pushed.getBody()).isEqualTo(1);
		long letter = this.api.get("/api/exchange/dead-letters", "resourceCode", code).path("items").get(0).path("id")
			.asLong();

		assertThat(send(HttpMethod.POST, "/api/exchange/dead-letters/" + letter + "/discard", null, null).getStatusCode()
			.value()).isEqualTo(200);

		List<AuditEntry> entries = entriesOf(this.log, "dead-letter:" + letter);
		assertThat(actions(entries)).containsExactly("dead-letter.discard");
		assertThat(json(entries.get(0).before()).path("status").asText()).isEqualTo("OPEN");
		assertThat(json(entries.get(0).after()).path("status").asText()).isEqualTo("DISCARDED");
	}

	private DepartmentForm registered(DepartmentForm department) {
		this.api.register(department);
		return department;
	}

	private String published(DepartmentForm provider) {
		ResourceForm resource = ResourceForms.withStatus(AuditFixtures.householdRegister(provider), "PUBLISHED");
		this.api.create(resource);
		return resource.code();
	}

	/** A request as the account, or as the administrator when none is named. */
	private ResponseEntity<JsonNode> send(HttpMethod method, String path, Object body, String username) {
		TestRestTemplate client = username == null ? this.http : this.accounts.as(username);
		return client.exchange(path, method, new HttpEntity<>(body), JsonNode.class);
	}

	private static JsonNode json(String text) throws Exception {
		return JSON.readTree(text);
	}

}
