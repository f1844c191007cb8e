package cn.datahub.report.progress;

import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.report.RateFixture;
import cn.datahub.testing.HubClient;

import static cn.datahub.testing.Usccs.withCheckCharacter;

/**
 * {@link RateFixture} and, in 阳谷县 where it changes none of the fixture's county figures, a department whose name
 * holds the characters markup must escape, with one published resource so that it has a bar to draw.
 */
final class ProgressFixture {

	static final String YANGGU = "371521";

	static final DepartmentForm MARKUP = new DepartmentForm(withCheckCharacter("11371521MB0012345"),
			"阳谷县<大数据>&\"信息\"中心", YANGGU, "COUNTY");

	private ProgressFixture() {
	}

	static void loadInto(HubClient api) {
		RateFixture.loadInto(api);
		if (!api.departmentExists(MARKUP.code())) {
			api.register(MARKUP);
			api.create(RateFixture.resource("371521-SJ-0001", "政务数据资源目录清单", MARKUP, "NONE", "UNCONDITIONAL",
					"NOT_OPEN", "PUBLISHED"));
		}
	}

}
