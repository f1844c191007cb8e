package cn.datahub.catalogue.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import cn.datahub.system.ElasticsearchTestNode;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static cn.datahub.testing.HubClient.codes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub started against an index built with another mapping (its name carries another hash) rebuilds the index
 * from the database under the current mapping's hash, swaps the alias and drops the old index.
 */
@HubTest
@DirtiesContext
class MappingChangeIntegrationTests {

	private static final String ALIAS = "test-mapping-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String OLD_INDEX = ALIAS + "-0123456789ab-20200101000000000";

	@Autowired
	private HubClient api;

	@Autowired
	private ElasticsearchClient client;

	@Autowired
	private CatalogueIndex index;

	/** Before the context starts: the alias already points at an index of an older mapping, holding a stale document. */
	@DynamicPropertySource
	static void aliasOnAnOlderMapping(DynamicPropertyRegistry registry) throws IOException {
		String mapping = mapping();
		try (RestClient rest = RestClient.builder(HttpHost.create(ElasticsearchTestNode.node().url())).build()) {
			ElasticsearchClient old = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
			old.indices().create(c -> c.index(OLD_INDEX).withJson(new StringReader(mapping))
				.aliases(ALIAS, a -> a.isWriteIndex(true)));
			old.index(i -> i.index(OLD_INDEX).id("371500-OLD-0001").refresh(Refresh.True)
				.document(Map.of("code", "371500-OLD-0001", "name", "旧映射遗留的企业营业执照信息", "version", 1)));
		}
		registry.add("hub.elasticsearch.index", () -> ALIAS);
	}

	@Test
	void rebuildsAtStartIntoAnIndexNamedForTheCurrentMappingAndDropsTheOldOne() throws IOException {
		assertThat(this.index.alias()).isEqualTo(ALIAS);
		assertThat(this.index.isReady()).isTrue();

		assertThat(this.client.indices().getAlias(g -> g.name(ALIAS)).result().keySet()).singleElement()
			.asString().startsWith(ALIAS + "-" + sha256(mapping()).substring(0, 12) + "-");
		assertThat(this.client.indices().exists(e -> e.index(OLD_INDEX)).value()).isFalse();
	}

	@Test
	void searchesTheDatabaseContentNotTheOldIndex() {
		CatalogueFixture.registerDepartments(this.api);
		this.api.create(CatalogueFixture.RESOURCES.get(0));

		assertThat(codes(this.api.search("q", "371500-OLD-0001"))).isEmpty();
		assertThat(codes(this.api.search("q", CatalogueFixture.PHRASE))).containsExactly(CatalogueFixture.RESOURCES.get(0).code());
	}

	private static String mapping() throws IOException {
		try (InputStream in = new ClassPathResource("catalogue/index/resources.json").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
