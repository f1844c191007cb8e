package cn.datahub.catalogue.transfer;

import java.util.HashSet;
import java.util.Set;

import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceQuery;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.reference.Domain;
import cn.datahub.catalogue.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hub started with demo data on an empty database holds the sample county catalogue, loaded once.
 */
@SpringBootTest(properties = "hub.demo-data=true")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class DemoCatalogueLoaderTests {

	@Autowired
	DemoCatalogueLoader loader;

	@Autowired
	Departments departments;

	@Autowired
	Resources resources;

	@Autowired
	ReferenceData reference;

	@Test
	void loadsTheSampleCatalogueOverAllDomains() {
		Set<String> domains = new HashSet<>();
		this.resources.forEachBatch(500, batch -> batch.stream().map(Resource::domain).forEach(domains::add));

		assertThat(this.departments.findAll()).hasSizeGreaterThanOrEqualTo(30)
			.anySatisfy(d -> assertThat(d.name()).isEqualTo("冠县市场监督管理局"));
		assertThat(allResources()).isGreaterThanOrEqualTo(300);
		assertThat(domains).containsAll(this.reference.domains().stream().map(Domain::code).toList());
	}

	@Test
	void loadsNothingOnASecondStart(CapturedOutput output) throws Exception {
		int departmentsBefore = this.departments.findAll().size();
		long resourcesBefore = allResources();
		int logBefore = output.length();

		this.loader.run(new DefaultApplicationArguments());

		assertThat(this.departments.findAll()).hasSize(departmentsBefore);
		assertThat(allResources()).isEqualTo(resourcesBefore);
		assertThat(output.toString().substring(logBefore)).contains("the sample catalogue is not loaded")
			.doesNotContain("Loaded the sample catalogue");
	}

	private long allResources() {
		return this.resources.count(new ResourceQuery(null, null, 0, 1));
	}

}
