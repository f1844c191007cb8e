package cn.datahub.exchange;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A department database (a second in-memory H2, {@code scj-registry} in the test configuration) attached by its
 * registration table and read incrementally by its update time: the rows there at first, then only those written
 * since, a malformed one dead-lettered while the rest go on.
 */
@HubTest
class JdbcPullIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private DepartmentDatabases databases;

	@Autowired
	private ExchangeProperties properties;

	private AttachmentFixture fixture;

	private JdbcTemplate registry;

	@BeforeEach
	void createTheDepartmentTable() {
		this.fixture = new AttachmentFixture(this.http);
		this.registry = this.databases.template("scj-registry", 100).orElseThrow();
		this.registry.execute("create table if not exists gtgsh_djxx (tyshxydm varchar(18), ztmc varchar(200), "
				+ "jyzxm varchar(50), jycs varchar(200), clrq date, djzt varchar(10), gxsj timestamp not null)");
	}

	@Test
	void rowsAreReadIncrementallyByTheirUpdateTime() throws Exception {
		String code = this.fixture.publish("371525-SCJ-0201", "PUBLISHED");
		insert(41, "冠县贾镇鑫盛百货店", "杨秀兰", "冠县贾镇贾镇村", LocalDateTime.of(2026, 11, 23, 8, 0));
		insert(42, "冠县梁堂镇丰收农资店", "何建军", "冠县梁堂镇梁堂村", LocalDateTime.of(2026, 11, 23, 8, 30));
		insert(43, "冠县范寨镇顺达汽修部", "许文斌", "冠县范寨镇范寨村", LocalDateTime.of(2026, 11, 23, 9, 15));

		long id = this.fixture.attached(Map.of("resourceCode", code, "kind", "JDBC", "jdbc",
				Map.of("datasource", "scj-registry", "table", "gtgsh_djxx", "incrementalColumn", "gxsj")));

		this.fixture.awaitHealth(id, h -> "2026-11-23T09:15:00".equals(h.path("watermark").asText()));
		JsonNode first = this.fixture.awaitRun(code, r -> r.path("source").asText().equals("jdbc:attachment-" + id));
		assertThat(first.path("recordsIn").asLong()).isEqualTo(3);
		assertThat(first.path("recordsOut").asLong()).isEqualTo(3);

		this.registry.update("insert into gtgsh_djxx values (?, ?, ?, ?, ?, ?, ?)", "91371525ABCDEFGHI0", "冠县辛集镇新华书店",
				"马红霞", "冠县辛集镇辛集村", null, "存续", Timestamp.valueOf(LocalDateTime.of(2026, 11, 23, 10, 0)));
		insert(44, "冠县定远寨镇诚信水果店", "高玉梅", "冠县定远寨镇定远寨村", LocalDateTime.of(2026, 11, 23, 10, 5));

		this.fixture.awaitHealth(id, h -> "2026-11-23T10:05:00".equals(h.path("watermark").asText()));
		JsonNode second = this.fixture.awaitRun(code,
				r -> r.path("source").asText().equals("jdbc:attachment-" + id + " since 2026-11-23T09:15:00"));
		assertThat(second.path("status").asText()).isEqualTo("SUCCEEDED");
		assertThat(second.path("recordsIn").asLong()).as("only the rows written since").isEqualTo(2);
		assertThat(second.path("rejected").asLong()).isEqualTo(1);
		assertThat(new Outbox(this.properties).records(code)).extracting(r -> r.get("ztmc").toString())
			.containsExactlyInAnyOrder("冠县贾镇鑫盛百货店", "冠县梁堂镇丰收农资店", "冠县范寨镇顺达汽修部", "冠县定远寨镇诚信水果店");
		assertThat(new Outbox(this.properties).records(code).get(0).get("clrq"))
			.isEqualTo((int) LocalDate.of(2017, 6, 18).toEpochDay());
	}

	private void insert(int n, String name, String operator, String place, LocalDateTime updatedAt) {
		this.registry.update("insert into gtgsh_djxx values (?, ?, ?, ?, ?, ?, ?)", AttachmentFixture.uscc(n), name,
				operator, place, java.sql.Date.valueOf(LocalDate.of(2017, 6, 18)), "存续", Timestamp.valueOf(updatedAt));
	}

}
