package cn.datahub.report;

import java.util.List;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;

import static cn.datahub.testing.Usccs.withCheckCharacter;

/**
 * A small catalogue whose rates are computed by hand in the comments, so that each definition of the brief is
 * pinned by a number:
 * <ul>
 * <li>冠县公安局: 4 published, 3 shared (在逃人员信息 not shared); all 4 in domains, 1 open.</li>
 * <li>冠县卫生健康局: 6 published, all shared; 5 in domains (公务用车 is NONE), 4 open; plus a draft and a retired
 * resource that count nowhere.</li>
 * <li>聊城市市场监督管理局: 1 published, shared and open.</li>
 * </ul>
 * So 冠县 shares 9 of 10 (90%: exactly its target) and opens 5 of 9; 聊城 with 冠县 shares 10 of 11 and opens 6 of
 * 10; the open domains are HEALTH, TRANSPORT and MARKET_REGULATION (3 of 22).
 */
public final class RateFixture {

	static final String SHANDONG = "370000";

	public static final String LIAOCHENG = "371500";

	public static final String GUANXIAN = "371525";

	public static final DepartmentForm GX_GA = new DepartmentForm(withCheckCharacter("11371525004612808"), "冠县公安局", GUANXIAN, "COUNTY");

	public static final DepartmentForm GX_WJ = new DepartmentForm(withCheckCharacter("11371525004613024"), "冠县卫生健康局", GUANXIAN, "COUNTY");

	public static final DepartmentForm LC_SCJG = new DepartmentForm(withCheckCharacter("11371500MB2835810"), "聊城市市场监督管理局", LIAOCHENG, "CITY");

	static final String FUGITIVES = "371525-GA-0004";

	static final String FUGITIVES_BASIS = "《中华人民共和国人民警察法》第二十条，涉及侦查工作秘密";

	static final List<ResourceForm> RESOURCES = List.of(
			resource("371525-GA-0001", "居民户籍信息", GX_GA, "PUBLIC_SAFETY", "UNCONDITIONAL", "NOT_OPEN", "PUBLISHED"),
			resource("371525-GA-0002", "机动车登记信息", GX_GA, "TRANSPORT", "CONDITIONAL", "CONDITIONAL", "PUBLISHED"),
			resource("371525-GA-0003", "居住证信息", GX_GA, "PUBLIC_SAFETY", "CONDITIONAL", "NOT_OPEN", "PUBLISHED"),
			resource(FUGITIVES, "在逃人员信息", GX_GA, "PUBLIC_SAFETY", "NOT_SHARED", "NOT_OPEN", "PUBLISHED"),
			resource("371525-WJ-0001", "医疗机构执业登记信息", GX_WJ, "HEALTH", "UNCONDITIONAL", "UNCONDITIONAL", "PUBLISHED"),
			resource("371525-WJ-0002", "医师执业注册信息", GX_WJ, "HEALTH", "UNCONDITIONAL", "UNCONDITIONAL", "PUBLISHED"),
			resource("371525-WJ-0003", "出生医学证明信息", GX_WJ, "HEALTH", "CONDITIONAL", "NOT_OPEN", "PUBLISHED"),
			resource("371525-WJ-0004", "基本公共卫生服务项目信息", GX_WJ, "HEALTH", "UNCONDITIONAL", "UNCONDITIONAL", "PUBLISHED"),
			resource("371525-WJ-0005", "公务用车使用记录", GX_WJ, "NONE", "UNCONDITIONAL", "NOT_OPEN", "PUBLISHED"),
			resource("371525-WJ-0006", "药品零售企业许可信息", GX_WJ, "MARKET_REGULATION", "UNCONDITIONAL", "CONDITIONAL", "PUBLISHED"),
			resource("371525-WJ-0007", "预防接种记录", GX_WJ, "HEALTH", "UNCONDITIONAL", "UNCONDITIONAL", "DRAFT"),
			resource("371525-WJ-0008", "卫生许可证信息（旧版）", GX_WJ, "HEALTH", "UNCONDITIONAL", "UNCONDITIONAL", "RETIRED"),
			resource("371500-SCJG-0001", "企业登记注册信息", LC_SCJG, "MARKET_REGULATION", "UNCONDITIONAL", "UNCONDITIONAL", "PUBLISHED"));

	private RateFixture() {
	}

	/** Registers the departments and resources unless this context's database already holds them. */
	public static void loadInto(HubClient api) {
		if (api.departmentExists(LC_SCJG.code())) {
			return;
		}
		List.of(GX_GA, GX_WJ, LC_SCJG).forEach(api::register);
		RESOURCES.forEach(api::store);
	}

	public static ResourceForm resource(String code, String name, DepartmentForm provider, String domain, String shareType,
			String openType, String status) {
		return new ResourceForm(code, name, provider.code(), "DEPARTMENT", domain, shareType,
				shareType.equals("CONDITIONAL") ? "仅限政务部门履行法定职责使用，需经提供部门审核" : null,
				shareType.equals("NOT_SHARED") ? FUGITIVES_BASIS : null, openType, "MONTHLY", "数据库表", name + "，按月更新",
				List.of(new DataItem("tyshxydm", "统一社会信用代码", "string", true), new DataItem("mc", "名称", "string", true)),
				status);
	}

	static ResourceForm withShareType(ResourceForm r, String shareType) {
		return resource(r.code(), r.name(), new DepartmentForm(r.providerCode(), null, null, null), r.domain(), shareType,
				shareType.equals("NOT_SHARED") ? "NOT_OPEN" : r.openType(), r.status());
	}

}
