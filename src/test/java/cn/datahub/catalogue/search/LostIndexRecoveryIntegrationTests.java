package cn.datahub.catalogue.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.ResourceForms;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static cn.datahub.testing.HubClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An index that disappears behind the alias (deleted by hand, a cluster restored empty) loses no change: the write
 * stays in the outbox and the relay's next run rebuilds the index from the database. The timer is off here, so the
 * test runs the relay itself.
 */
@HubTest(properties = "hub.index-relay.period-ms=3600000")
@DirtiesContext
class LostIndexRecoveryIntegrationTests {

	@Autowired
	private HubClient api;

	@Autowired
	private ElasticsearchClient elasticsearch;

	@Autowired
	private CatalogueIndex index;

	@Autowired
	private IndexRelay relay;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void rebuildsAnIndexDeletedBehindTheAliasWithoutLosingTheChangeMadeMeanwhile() throws Exception {
		CatalogueFixture.registerDepartments(this.api);
		this.api.create(resource("371525-WJ-0901", "医疗机构执业登记信息"));
		String behindAlias = this.elasticsearch.indices().getAlias(g -> g.name(this.index.alias())).result().keySet()
			.iterator().next();
		this.elasticsearch.indices().delete(d -> d.index(behindAlias));

		this.api.create(resource("371525-WJ-0902", "医师执业注册信息"));
		assertThat(this.jdbc.queryForList("select resource_code from index_outbox", String.class)).containsExactly("371525-WJ-0902");

		this.relay.drain();

		assertThat(codes(this.api.search("q", "执业"))).containsExactlyInAnyOrder("371525-WJ-0901", "371525-WJ-0902");
		assertThat(this.jdbc.queryForObject("select count(*) from index_outbox", Integer.class)).isZero();
	}

	private static ResourceForm resource(String code, String name) {
		return ResourceForms.resource(code, name, CatalogueFixture.GX_WJ.code(), "DEPARTMENT", "HEALTH", "UNCONDITIONAL",
				"UNCONDITIONAL", "MONTHLY", "PUBLISHED", "冠县卫生健康局医疗机构监管业务数据",
				new DataItem("tyshxydm", "统一社会信用代码", "string", true));
	}

}
