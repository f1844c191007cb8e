package cn.datahub.catalogue;

import java.util.Map;

import cn.datahub.testing.CatalogueApi;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import static cn.datahub.catalogue.CatalogueFixtures.businessLicences;
import static cn.datahub.catalogue.CatalogueFixtures.countyDepartment;
import static cn.datahub.catalogue.CatalogueFixtures.freshResourceCode;

/**
 * Tests of a {@link cn.datahub.testing.HubTest} that start from 企业营业执照信息 of a 冠县市场监督管理局 registered
 * for the test alone, so that the regulator's listing shows exactly what the test stored. The resource is a body
 * under a fresh code, not yet submitted: each test breaks it or submits it as it needs.
 */
abstract class LicenceTests {

	@Autowired
	CatalogueApi api;

	String regulator;

	/** The code the licences were given, kept even when a test puts another in the body. */
	String code;

	/** 企业营业执照信息: tyshxydm, qymc, fddbr, zczb, clrq. */
	Map<String, Object> licences;

	@BeforeEach
	void registerRegulator() {
		this.regulator = this.api.register(countyDepartment("冠县市场监督管理局"));
		this.code = freshResourceCode("GX-SCJG");
		this.licences = businessLicences(this.code, this.regulator);
	}

	/** Submits the licences, expecting them refused for breaking catalogue rules at exactly these fields. */
	void refused(String... fields) {
		this.api.post(this.licences, "/api/resources").isProblem(HttpStatus.UNPROCESSABLE_ENTITY, fields);
		assertNothingStored();
	}

	/** After a refusal: no resource under the code, no history, nothing in the regulator's listing. */
	void assertNothingStored() {
		this.api.assertNothingStored(this.code, this.regulator);
	}

}
