package cn.datahub.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static cn.datahub.catalogue.CatalogueFixtures.businessLicences;
import static cn.datahub.catalogue.CatalogueFixtures.countyDepartment;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registrars racing each other on one code: each request is either applied whole or refused as a conflict, never
 * answered with a 500, and the history stays a gapless sequence of versions.
 */
@HubTest
class ConcurrentChangesIntegrationTests extends LicenceTests {

	private static final int REGISTRARS = 8;

	private ExecutorService pool;

	@BeforeEach
	void startPool() {
		this.pool = Executors.newFixedThreadPool(REGISTRARS);
	}

	@AfterEach
	void tearDown() {
		this.pool.shutdownNow();
	}

	@Test
	void registersOneDepartmentWhenSeveralRegistrarsSubmitTheSameCode() throws Exception {
		Map<String, Object> health = countyDepartment("冠县卫生健康局");

		List<Reply> replies = race(i -> () -> this.api.post(health, "/api/departments"));

		assertThat(replies).extracting(Reply::status).containsOnly(201, 409).containsOnlyOnce(201);
		replies.stream().filter(r -> r.status() == 409).forEach(r -> r.isProblem(HttpStatus.CONFLICT, "code"));
		assertThat(this.api.get("/api/departments/{code}", health.get("code")).text("name")).isEqualTo("冠县卫生健康局");
	}

	@Test
	void createsOneResourceWhenSeveralRegistrarsSubmitTheSameCode() throws Exception {
		List<Reply> replies = race(i -> () -> {
			Map<String, Object> mine = businessLicences(this.code, this.regulator);
			mine.put("summary", "第" + i + "位登记人提交");
			return this.api.post(mine, "/api/resources");
		});

		assertThat(replies).extracting(Reply::status).containsOnly(201, 409).containsOnlyOnce(201);
		replies.stream().filter(r -> r.status() == 409).forEach(r -> r.isProblem(HttpStatus.CONFLICT, "code"));
		Reply winner = replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
		assertThat(this.api.get("/api/resources/{code}", this.code).json()).isEqualTo(winner.json());
		assertThat(versions()).containsExactly(1);
	}

	@Test
	void keepsAGaplessHistoryWhenSeveralRegistrarsChangeOneResource() throws Exception {
		this.api.create(this.licences);

		List<Reply> replies = race(i -> () -> {
			Map<String, Object> changed = businessLicences(this.code, this.regulator);
			changed.put("summary", "第" + i + "次修改");
			return this.api.put(changed, "/api/resources/{code}", this.code);
		});

		assertThat(replies).extracting(Reply::status).isSubsetOf(200, 409).contains(200);
		replies.stream().filter(r -> r.status() == 409).forEach(r -> r.isProblem(HttpStatus.CONFLICT, "code"));
		int applied = (int) replies.stream().filter(r -> r.status() == 200).count();
		assertThat(versions()).isEqualTo(IntStream.rangeClosed(1, 1 + applied).boxed().toList());
		assertThat(this.api.get("/api/resources/{code}", this.code).json().path("version").asInt()).isEqualTo(1 + applied);
	}

	/** Starts every task at once and waits for all of them. */
	private List<Reply> race(IntFunction<Callable<Reply>> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Reply>> results = new ArrayList<>();
		for (int i = 0; i < REGISTRARS; i++) {
			Callable<Reply> call = task.apply(i);
			results.add(this.pool.submit(() -> {
				start.await();
				return call.call();
			}));
		}
		start.countDown();
		List<Reply> replies = new ArrayList<>();
		for (Future<Reply> result : results) {
			replies.add(result.get(60, TimeUnit.SECONDS));
		}
		return replies;
	}

	private List<Integer> versions() {
		List<Integer> versions = new ArrayList<>();
		for (JsonNode entry : this.api.get("/api/resources/{code}/history", this.code).json()) {
			versions.add(entry.path("version").asInt());
		}
		return versions;
	}

}
