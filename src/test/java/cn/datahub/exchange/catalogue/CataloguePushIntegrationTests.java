package cn.datahub.exchange.catalogue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import cn.datahub.catalogue.Catalogue;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.ResourceForms;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.CITY;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.HEALTH;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.PROVINCE;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.batches;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.clinics;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.code;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.cursor;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.pensions;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.taken;
import static cn.datahub.exchange.catalogue.CatalogueExchangeFixtures.versionsTaken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The catalogue's changes reach the platforms of {@code platforms/catalogue.yaml} (a WireMock stub) as
 * {@code CatalogueEntry} batches in Avro's JSON encoding: each publication, update and retirement once and in order,
 * never a draft, and never past a change that has not committed yet. How the push survives failures is
 * {@link CataloguePushFailureIntegrationTests}'.
 */
@HubTest
@ContextConfiguration(initializers = CataloguePlatformStub.class)
class CataloguePushIntegrationTests {

	private final WireMockServer platform = CataloguePlatformStub.platform;

	@Autowired
	private HubClient api;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private CamelContext camel;

	@Autowired
	private Catalogue catalogue;

	@Autowired
	private TransactionTemplate transaction;

	@BeforeEach
	void platformsTakeEverything() {
		CatalogueExchangeFixtures.prepare(this.api);
	}

	@Test
	void publishingPushesTheEntryAndEveryUpdateAndTheRetirementFollow(TestInfo test) {
		String code = code("WJJ", test);
		this.api.create(clinics(code, "PUBLISHED"));
		this.api.update(ResourceForms.withName(clinics(code, "PUBLISHED"), "冠县医疗机构执业登记信息（含民营医院）"));
		this.api.retire(code);

		await().atMost(Duration.ofSeconds(30)).until(() -> versionsTaken(this.platform, CITY, code).size() == 3
				&& versionsTaken(this.platform, PROVINCE, code).size() == 3);

		assertThat(versionsTaken(this.platform, CITY, code)).containsExactly("1 PUBLISHED", "2 PUBLISHED", "3 RETIRED");
		assertThat(versionsTaken(this.platform, PROVINCE, code)).containsExactly("1 PUBLISHED", "2 PUBLISHED", "3 RETIRED");
		List<JsonNode> entries = taken(this.platform, CITY).stream().filter(e -> e.path("code").asText().equals(code)).toList();
		JsonNode published = entries.get(0);
		assertThat(published.path("name").asText()).isEqualTo("冠县医疗机构执业登记信息");
		assertThat(published.path("providerCode").asText()).isEqualTo(HEALTH.code());
		assertThat(published.path("providerName").asText()).isEqualTo("冠县卫生健康局");
		assertThat(published.path("regionCode").asText()).isEqualTo("371525");
		assertThat(published.path("shareType").asText()).isEqualTo("UNCONDITIONAL");
		assertThat(published.path("domain").asText()).isEqualTo("HEALTH");
		assertThat(published.path("summary").path("string").asText()).as("an optional field is a union")
			.isEqualTo("全县医院、卫生院和诊所的执业许可登记");
		assertThat(published.path("items").findValuesAsText("title"))
			.containsExactly("机构名称", "统一社会信用代码", "执业许可证号", "机构地址", "发证日期");
		assertThat(published.path("updatedAt").isIntegralNumber()).as("timestamp-millis").isTrue();
		assertThat(entries.get(1).path("name").asText()).isEqualTo("冠县医疗机构执业登记信息（含民营医院）");
		var request = CatalogueExchangeFixtures.posts(this.platform, CITY).get(0).getRequest();
		assertThat(request.getHeader(CataloguePush.REGION_HEADER)).isEqualTo("371525");
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");
	}

	@Test
	void aDraftNeverLeavesTheHubButItsPublicationDoes(TestInfo test) {
		String draft = code("RSJ", test);
		String published = code("WJJ", test);
		this.api.create(pensions(draft, null));
		this.api.update(ResourceForms.withName(pensions(draft, null), "冠县城乡居民养老保险参保缴费信息"));
		this.api.create(clinics(published, "PUBLISHED"));

		await().atMost(Duration.ofSeconds(30)).until(() -> versionsTaken(this.platform, CITY, published).size() == 1);
		assertThat(taken(this.platform, CITY)).extracting(e -> e.path("code").asText()).doesNotContain(draft);
		assertThat(taken(this.platform, PROVINCE)).extracting(e -> e.path("code").asText()).doesNotContain(draft);

		this.api.publish(draft);
		await().atMost(Duration.ofSeconds(30)).until(() -> versionsTaken(this.platform, CITY, draft).size() == 1);
		assertThat(versionsTaken(this.platform, CITY, draft)).containsExactly("3 PUBLISHED");
		assertThat(taken(this.platform, CITY).stream().filter(e -> e.path("code").asText().equals(draft)).findFirst()
			.orElseThrow().path("name").asText()).isEqualTo("冠县城乡居民养老保险参保缴费信息");
	}

	@Test
	void aChangeStillCommittingIsWaitedForAndSentBeforeTheOnesAfterIt(TestInfo test) throws Exception {
		CatalogueExchangeFixtures.awaitCaughtUp(this.api, this.jdbc);
		String slow = code("WJJ", test);
		String quick = code("RSJ", test);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		CompletableFuture<Void> importing = CompletableFuture.runAsync(() -> this.transaction.executeWithoutResult(status -> {
			this.catalogue.create(clinics(slow, "PUBLISHED"));
			written.countDown();
			await().atMost(Duration.ofSeconds(30)).until(() -> commit.getCount() == 0);
		}));
		assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
		this.api.create(pensions(quick, "PUBLISHED"));

		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> versionsTaken(this.platform, CITY, quick).isEmpty());
		commit.countDown();
		importing.get(30, TimeUnit.SECONDS);

		CatalogueExchangeFixtures.awaitCaughtUp(this.api, this.jdbc);
		assertThat(taken(this.platform, CITY).stream().map(e -> e.path("code").asText())
			.filter(c -> c.equals(slow) || c.equals(quick))).containsExactly(slow, quick);
	}

	@Test
	void eachBatchIsARunInTheExchangeLogAndTheCursorKeepsTheLastConfirmedChange(TestInfo test) {
		CatalogueExchangeFixtures.publishBoth(this.api, test);

		CatalogueExchangeFixtures.awaitCaughtUp(this.api, this.jdbc);

		long last = CatalogueExchangeFixtures.lastChange(this.jdbc);
		assertThat(this.jdbc.queryForObject("select last_history_id from catalogue_push_cursor where platform = ?",
				Long.class, CITY)).as("what a restarted hub resumes from").isEqualTo(last);
		assertThat(cursor(this.api, PROVINCE)).isEqualTo(last);
		CatalogueExchangeFixtures.Batch batch = batches(this.platform, CITY).get(batches(this.platform, CITY).size() - 1);
		assertThat(batch.id()).as("the changes it covers").startsWith("371525-").endsWith("-" + last);
		JsonNode runs = this.api.get("/api/exchange/runs", "resourceCode", "catalogue", "size", "500");
		JsonNode run = runs.path("items").findParents("source").stream()
			.filter(r -> r.path("source").asText().equals("catalogue:" + batch.id()) && r.path("target").asText().equals(CITY))
			.findFirst().orElseThrow();
		assertThat(run.path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(run.path("recordsOut").asLong()).isEqualTo(batch.entries().size());
		assertThat(this.camel.getRoute(CatalogueRoutes.pushRouteId(CITY))).isNotNull();
		assertThat(this.camel.getRoute(CatalogueRoutes.harvestRouteId(PROVINCE))).isNotNull();
	}

}
