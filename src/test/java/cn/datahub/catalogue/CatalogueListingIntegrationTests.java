package cn.datahub.catalogue;

import java.util.List;
import java.util.Map;

import cn.datahub.testing.CatalogueApi;
import cn.datahub.testing.CatalogueApi.Reply;
import cn.datahub.testing.HubTest;
import cn.datahub.testing.Usccs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static cn.datahub.catalogue.CatalogueFixtures.businessLicences;
import static cn.datahub.catalogue.CatalogueFixtures.countyDepartment;
import static cn.datahub.catalogue.CatalogueFixtures.residents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider's resources, filtered by status, one page at a time, in code order.
 */
@HubTest
class CatalogueListingIntegrationTests {

	@Autowired
	private CatalogueApi api;

	private String regulator;

	private String prefix;

	@BeforeEach
	void setUp() {
		this.regulator = this.api.register(countyDepartment("冠县市场监督管理局"));
		this.prefix = CatalogueFixtures.freshResourceCode("GX-SCJG");
		for (String suffix : List.of("E", "A", "D", "B", "C")) {
			Map<String, Object> resource = businessLicences(this.prefix + "-" + suffix, this.regulator);
			resource.put("status", List.of("A", "C", "E").contains(suffix) ? "PUBLISHED" : "DRAFT");
			this.api.create(resource);
		}
	}

	@Test
	void listsPublishedResourcesOfAProviderOnePageAtATime() {
		Reply first = page("PUBLISHED", 0, 2);
		Reply second = page("PUBLISHED", 1, 2);
		Reply beyond = page("PUBLISHED", 2, 2);

		assertThat(first.json().properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("total", "page", "size", "items");
		assertThat(List.of(first.json().path("total").asInt(), first.json().path("page").asInt(), first.json().path("size").asInt()))
			.containsExactly(3, 0, 2);
		assertThat(codes(first)).containsExactly(this.prefix + "-A", this.prefix + "-C");
		assertThat(second.json().path("page").asInt()).isEqualTo(1);
		assertThat(codes(second)).containsExactly(this.prefix + "-E");
		assertThat(beyond.json().path("total").asInt()).isEqualTo(3);
		assertThat(codes(beyond)).isEmpty();
		assertThat(first.json().path("items").findValuesAsText("status")).containsOnly("PUBLISHED");
	}

	@Test
	void filtersByStatusOnlyWhenAsked() {
		assertThat(codes(page("DRAFT", 0, 20))).containsExactly(this.prefix + "-B", this.prefix + "-D");
		Reply all = this.api.get("/api/resources?providerCode={p}", this.regulator);
		assertThat(all.json().path("total").asInt()).isEqualTo(5);
		assertThat(all.json().path("page").asInt()).isZero();
		assertThat(all.json().path("size").asInt()).isEqualTo(20);
		assertThat(codes(all)).containsExactly(this.prefix + "-A", this.prefix + "-B", this.prefix + "-C", this.prefix + "-D",
				this.prefix + "-E");
		assertThat(codes(page("RETIRED", 0, 20))).isEmpty();
	}

	@Test
	void keepsOtherProvidersOutOfAProvidersListing() {
		String police = this.api.register(countyDepartment("冠县公安局"));
		this.api.create(residents(this.prefix + "-POLICE", police));

		assertThat(this.api.get("/api/resources?providerCode={p}", this.regulator).json().path("total").asInt()).isEqualTo(5);
		assertThat(codes(this.api.get("/api/resources?providerCode={p}", police))).containsExactly(this.prefix + "-POLICE");
		assertThat(this.api.get("/api/resources?providerCode={p}", Usccs.fresh(CatalogueFixtures.GUANXIAN))
			.json().path("total").asInt()).isZero();
	}

	private Reply page(String status, int page, int size) {
		Reply reply = this.api.get("/api/resources?providerCode={p}&status={s}&page={page}&size={size}", this.regulator, status,
				page, size);
		assertThat(reply.status()).isEqualTo(200);
		return reply;
	}

	private static List<String> codes(Reply reply) {
		return reply.json().path("items").findValuesAsText("code");
	}

}
