package cn.datahub.catalogue.search;

import java.util.List;
import java.util.function.Predicate;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.testing.HubClient;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

import static cn.datahub.testing.ResourceForms.resource;
import static cn.datahub.testing.Usccs.withCheckCharacter;

/**
 * A small catalogue of 聊城市 and two of its counties, 冠县 and 阳谷县, as their departments register it: 11
 * departments and 32 resources. 营业执照 appears in three names, in the item titles of three more (营业执照注册号)
 * and in the summaries of three others; one summary holds 营业 and 执照 apart. Loaded once per Spring context
 * through the HTTP API, before each test of a {@link SearchFixtureContext}, which uses this class as its extension;
 * tests derive what they expect from these lists, never from the index.
 */
final class CatalogueFixture implements BeforeEachCallback {

	static final String PHRASE = "营业执照";

	static final DepartmentForm LC_SCJG = new DepartmentForm(withCheckCharacter("11371500MB2835810"), "聊城市市场监督管理局", "371500", "CITY");
	static final DepartmentForm LC_GA = new DepartmentForm(withCheckCharacter("11371500004301227"), "聊城市公安局", "371500", "CITY");
	static final DepartmentForm LC_WJ = new DepartmentForm(withCheckCharacter("11371500MB1907364"), "聊城市卫生健康委员会", "371500", "CITY");
	static final DepartmentForm GX_SCJG = new DepartmentForm(withCheckCharacter("11371525MB2860413"), "冠县市场监督管理局", "371525", "COUNTY");
	static final DepartmentForm GX_GA = new DepartmentForm(withCheckCharacter("11371525004612808"), "冠县公安局", "371525", "COUNTY");
	static final DepartmentForm GX_WJ = new DepartmentForm(withCheckCharacter("11371525004613024"), "冠县卫生健康局", "371525", "COUNTY");
	static final DepartmentForm GX_RS = new DepartmentForm(withCheckCharacter("11371525004613331"), "冠县人力资源和社会保障局", "371525", "COUNTY");
	static final DepartmentForm GX_SP = new DepartmentForm(withCheckCharacter("11371525MB1A48872"), "冠县行政审批服务局", "371525", "COUNTY");
	static final DepartmentForm YG_SCJG = new DepartmentForm(withCheckCharacter("11371521MB2857226"), "阳谷县市场监督管理局", "371521", "COUNTY");
	static final DepartmentForm YG_GA = new DepartmentForm(withCheckCharacter("11371521004520913"), "阳谷县公安局", "371521", "COUNTY");
	static final DepartmentForm YG_RS = new DepartmentForm(withCheckCharacter("11371521004521140"), "阳谷县人力资源和社会保障局", "371521", "COUNTY");

	static final List<DepartmentForm> DEPARTMENTS = List.of(LC_SCJG, LC_GA, LC_WJ, GX_SCJG, GX_GA, GX_WJ, GX_RS, GX_SP,
			YG_SCJG, YG_GA, YG_RS);

	private static final DataItem TYSHXYDM = item("tyshxydm", "统一社会信用代码");
	private static final DataItem QYMC = item("qymc", "企业名称");
	private static final DataItem YYZZZCH = item("yyzzzch", "营业执照注册号");
	private static final DataItem XKZBH = item("xkzbh", "许可证编号");
	private static final DataItem YXQZ = new DataItem("yxqz", "有效期至", "date", false);
	private static final DataItem GMSFHM = item("gmsfhm", "公民身份号码");
	private static final DataItem XM = item("xm", "姓名");
	private static final DataItem CSRQ = new DataItem("csrq", "出生日期", "date", true);
	private static final DataItem NDBGND = new DataItem("ndbgnd", "年报年度", "integer", true);

	static final List<ResourceForm> RESOURCES = List.of(
			resource("371500-SCJG-0001", "企业营业执照信息", LC_SCJG.code(), "BASE", "MARKET_REGULATION", "UNCONDITIONAL", "UNCONDITIONAL", "DAILY", "PUBLISHED",
					"全市企业法人及其分支机构的登记注册信息", TYSHXYDM, QYMC, item("fddbr", "法定代表人"), new DataItem("zczb", "注册资本", "decimal", false)),
			resource("371500-SCJG-0002", "企业年度报告信息", LC_SCJG.code(), "DEPARTMENT", "MARKET_REGULATION", "UNCONDITIONAL", "UNCONDITIONAL", "YEARLY", "PUBLISHED",
					"企业按照营业执照登记事项向社会公示的年度报告", TYSHXYDM, QYMC, NDBGND),
			resource("371500-SCJG-0003", "行政处罚决定信息", LC_SCJG.code(), "THEME", "CREDIT", "UNCONDITIONAL", "UNCONDITIONAL", "REALTIME", "PUBLISHED",
					"市场监管部门作出的行政处罚决定", TYSHXYDM, item("cfjdsh", "处罚决定书文号"), item("cfnr", "处罚内容")),
			resource("371500-SCJG-0004", "药品经营许可证信息", LC_SCJG.code(), "DEPARTMENT", "MARKET_REGULATION", "UNCONDITIONAL", "UNCONDITIONAL", "MONTHLY", "PUBLISHED",
					"药品批发和零售企业的经营许可", XKZBH, QYMC, TYSHXYDM, YYZZZCH, YXQZ),
			resource("371500-GA-0001", "居民身份证签发信息", LC_GA.code(), "DEPARTMENT", "PUBLIC_SAFETY", "NOT_SHARED", "NOT_OPEN", "DAILY", "PUBLISHED",
					"居民身份证申领、签发记录", GMSFHM, XM, item("qfjg", "签发机关")),
			resource("371500-GA-0002", "机动车登记信息", LC_GA.code(), "DEPARTMENT", "TRANSPORT", "CONDITIONAL", "NOT_OPEN", "REALTIME", "PUBLISHED",
					"机动车注册、转移、变更和注销登记", item("hphm", "号牌号码"), item("clsbdh", "车辆识别代号"), item("syr", "所有人")),
			resource("371500-WJ-0001", "医疗机构执业许可证信息", LC_WJ.code(), "DEPARTMENT", "HEALTH", "UNCONDITIONAL", "UNCONDITIONAL", "MONTHLY", "PUBLISHED",
					"医疗机构设置审批和执业登记结果", TYSHXYDM, item("jgmc", "机构名称"), XKZBH, YXQZ),
			resource("371500-WJ-0002", "执业医师注册信息", LC_WJ.code(), "DEPARTMENT", "HEALTH", "CONDITIONAL", "CONDITIONAL", "MONTHLY", "PUBLISHED",
					"医师执业注册、变更和注销", XM, item("zyzsbh", "执业证书编号"), item("zydd", "执业地点")),
			resource("371525-SCJG-0001", "个体工商户营业执照登记信息", GX_SCJG.code(), "BASE", "MARKET_REGULATION", "UNCONDITIONAL", "UNCONDITIONAL", "DAILY", "PUBLISHED",
					"全县个体工商户的设立、变更和注销登记", TYSHXYDM, item("zhmc", "字号名称"), item("jyz", "经营者"), item("jycs", "经营场所")),
			resource("371525-SCJG-0002", "食品经营许可证信息", GX_SCJG.code(), "DEPARTMENT", "MARKET_REGULATION", "UNCONDITIONAL", "UNCONDITIONAL", "DAILY", "PUBLISHED",
					"食品经营许可的发证、变更、延续和注销", XKZBH, item("jyzmc", "经营者名称"), TYSHXYDM, YYZZZCH, YXQZ),
			resource("371525-SCJG-0003", "特种设备使用登记信息", GX_SCJG.code(), "DEPARTMENT", "WORK_SAFETY", "CONDITIONAL", "NOT_OPEN", "MONTHLY", "PUBLISHED",
					"锅炉、压力容器、电梯等特种设备的使用登记", item("sbdm", "设备代码"), item("sydw", "使用单位"), TYSHXYDM),
			resource("371525-SCJG-0004", "个体工商户年度报告信息", GX_SCJG.code(), "DEPARTMENT", "MARKET_REGULATION", "UNCONDITIONAL", "CONDITIONAL", "YEARLY", "DRAFT",
					"个体工商户年度报告，与个体工商户营业执照登记信息（371525-SCJG-0001）配套使用", TYSHXYDM, NDBGND),
			resource("371525-GA-0001", "常住人口基本信息", GX_GA.code(), "BASE", "PUBLIC_SAFETY", "UNCONDITIONAL", "NOT_OPEN", "DAILY", "PUBLISHED",
					"全县户籍人口的基本信息", GMSFHM, XM, item("xb", "性别"), CSRQ, item("hjdz", "户籍地址")),
			resource("371525-GA-0002", "户籍迁移信息", GX_GA.code(), "DEPARTMENT", "PUBLIC_SAFETY", "CONDITIONAL", "NOT_OPEN", "DAILY", "PUBLISHED",
					"户口迁入、迁出登记", GMSFHM, XM, item("qyrq", "迁移日期")),
			resource("371525-WJ-0001", "出生医学证明信息", GX_WJ.code(), "DEPARTMENT", "HEALTH", "CONDITIONAL", "NOT_OPEN", "DAILY", "PUBLISHED",
					"助产机构签发的出生医学证明", item("csyxzmbh", "出生医学证明编号"), item("xsrxm", "新生儿姓名"), CSRQ, item("mqxm", "母亲姓名")),
			resource("371525-WJ-0002", "死亡医学证明信息", GX_WJ.code(), "DEPARTMENT", "HEALTH", "CONDITIONAL", "NOT_OPEN", "MONTHLY", "PUBLISHED",
					"居民死亡医学证明（推断）书", GMSFHM, XM, item("swrq", "死亡日期")),
			resource("371525-WJ-0003", "基本公共卫生服务项目信息", GX_WJ.code(), "THEME", "HEALTH", "UNCONDITIONAL", "UNCONDITIONAL", "QUARTERLY", "RETIRED",
					"居民健康档案、慢病管理等服务项目", item("xmmc", "项目名称"), item("fwrs", "服务人数")),
			resource("371525-RS-0001", "社会保险参保登记信息", GX_RS.code(), "THEME", "SOCIAL_SECURITY", "CONDITIONAL", "NOT_OPEN", "MONTHLY", "PUBLISHED",
					"职工和城乡居民社会保险参保登记", GMSFHM, XM, item("cbxz", "参保险种"), item("dwmc", "单位名称"), TYSHXYDM),
			resource("371525-RS-0002", "失业保险金申领信息", GX_RS.code(), "DEPARTMENT", "SOCIAL_SECURITY", "CONDITIONAL", "NOT_OPEN", "MONTHLY", "PUBLISHED",
					"失业人员申领失业保险金的记录", GMSFHM, XM, new DataItem("ffje", "发放金额", "decimal", true)),
			resource("371525-RS-0003", "职业技能等级证书信息", GX_RS.code(), "DEPARTMENT", "EDUCATION_CULTURE", "UNCONDITIONAL", "UNCONDITIONAL", "IRREGULAR", "PUBLISHED",
					"职业技能等级认定结果", XM, item("zsbh", "证书编号"), item("zydj", "职业等级")),
			resource("371525-SP-0001", "建设工程施工许可证信息", GX_SP.code(), "DEPARTMENT", "HOUSING", "UNCONDITIONAL", "UNCONDITIONAL", "WEEKLY", "PUBLISHED",
					"房屋建筑和市政基础设施工程施工许可", item("sgxkzbh", "施工许可证编号"), item("xmmc", "项目名称"), TYSHXYDM),
			resource("371525-SP-0002", "娱乐场所经营许可信息", GX_SP.code(), "DEPARTMENT", "LIFE_SERVICES", "UNCONDITIONAL", "UNCONDITIONAL", "IRREGULAR", "PUBLISHED",
					"娱乐场所申领营业许可后凭执照开展经营活动的审批记录", XKZBH, item("csmc", "场所名称")),
			resource("371525-SP-0003", "公务用车使用管理信息", GX_SP.code(), "DEPARTMENT", "NONE", "NOT_SHARED", "NOT_OPEN", "IRREGULAR", "PUBLISHED",
					"机关内部公务用车的派车和使用记录", item("hphm", "号牌号码"), item("ycsy", "用车事由")),
			resource("371525-SP-0004", "行政许可事项办理信息", GX_SP.code(), "THEME", "CREDIT", "UNCONDITIONAL", "UNCONDITIONAL", "REALTIME", "DRAFT",
					"含营业执照、食品经营许可等事项的受理、审查和决定", item("sxmc", "事项名称"), item("sqr", "申请人"), item("bjrq", "办结日期")),
			resource("371521-SCJG-0001", "营业执照注销登记信息", YG_SCJG.code(), "DEPARTMENT", "MARKET_REGULATION", "UNCONDITIONAL", "UNCONDITIONAL", "DAILY", "PUBLISHED",
					"市场主体注销登记结果", TYSHXYDM, QYMC, item("zxrq", "注销日期")),
			resource("371521-SCJG-0002", "食品生产许可证信息", YG_SCJG.code(), "DEPARTMENT", "MARKET_REGULATION", "UNCONDITIONAL", "UNCONDITIONAL", "MONTHLY", "PUBLISHED",
					"食品生产企业的生产许可", XKZBH, QYMC, YYZZZCH, YXQZ),
			resource("371521-SCJG-0003", "市场主体信用风险分类信息", YG_SCJG.code(), "DEPARTMENT", "CREDIT", "CONDITIONAL", "NOT_OPEN", "QUARTERLY", "PUBLISHED",
					"企业信用风险分类结果", TYSHXYDM, QYMC, item("fxdj", "风险等级")),
			resource("371521-GA-0001", "流动人口居住登记信息", YG_GA.code(), "DEPARTMENT", "PUBLIC_SAFETY", "CONDITIONAL", "NOT_OPEN", "DAILY", "PUBLISHED",
					"居住证申领和居住登记", GMSFHM, XM, item("jzdz", "居住地址")),
			resource("371521-GA-0002", "常住人口基本信息", YG_GA.code(), "BASE", "PUBLIC_SAFETY", "UNCONDITIONAL", "NOT_OPEN", "DAILY", "PUBLISHED",
					"全县户籍人口的基本信息", GMSFHM, XM, item("xb", "性别"), CSRQ),
			resource("371521-RS-0001", "社会保险参保登记信息", YG_RS.code(), "THEME", "SOCIAL_SECURITY", "CONDITIONAL", "NOT_OPEN", "MONTHLY", "PUBLISHED",
					"职工和城乡居民社会保险参保登记", GMSFHM, XM, item("cbxz", "参保险种")),
			resource("371521-RS-0002", "城乡居民养老保险待遇发放信息", YG_RS.code(), "DEPARTMENT", "SOCIAL_SECURITY", "CONDITIONAL", "CONDITIONAL", "MONTHLY", "RETIRED",
					"城乡居民基本养老保险待遇按月发放", GMSFHM, XM, new DataItem("ffje", "发放金额", "decimal", true)),
			resource("371521-RS-0003", "就业见习岗位信息", YG_RS.code(), "DEPARTMENT", "SOCIAL_SECURITY", "UNCONDITIONAL", "UNCONDITIONAL", "WEEKLY", "DRAFT",
					"就业见习基地发布的见习岗位", item("gwmc", "岗位名称"), item("zprs", "招聘人数"), item("jxqx", "见习期限")));

	@Override
	public void beforeEach(ExtensionContext context) {
		loadInto(SpringExtension.getApplicationContext(context).getBean(HubClient.class));
	}

	/** Registers the departments and resources unless this context's database already holds them. */
	static void loadInto(HubClient api) {
		if (api.departmentExists(LC_SCJG.code())) {
			return;
		}
		registerDepartments(api);
		RESOURCES.forEach(api::store);
	}

	/** Registers the departments only, unless this context's database already holds them. */
	static void registerDepartments(HubClient api) {
		if (!api.departmentExists(LC_SCJG.code())) {
			DEPARTMENTS.forEach(api::register);
		}
	}

	static List<ResourceForm> resources(Predicate<ResourceForm> filter) {
		return RESOURCES.stream().filter(filter).toList();
	}

	static List<String> codes(Predicate<ResourceForm> filter) {
		return resources(filter).stream().map(ResourceForm::code).toList();
	}

	static boolean nameContains(ResourceForm resource, String text) {
		return resource.name().contains(text);
	}

	/** Whether the name, the summary or an item title holds {@code text} as written. */
	static boolean mentions(ResourceForm resource, String text) {
		return nameContains(resource, text) || (resource.summary() != null && resource.summary().contains(text))
				|| resource.items().stream().anyMatch(i -> i.title().contains(text));
	}

	static boolean hasItemNamed(ResourceForm resource, String itemName) {
		return resource.items().stream().anyMatch(i -> i.name().equals(itemName));
	}

	static DepartmentForm provider(ResourceForm resource) {
		return DEPARTMENTS.stream().filter(d -> d.code().equals(resource.providerCode())).findFirst().orElseThrow();
	}

	static String regionOf(ResourceForm resource) {
		return provider(resource).regionCode();
	}

	private static DataItem item(String name, String title) {
		return new DataItem(name, title, "string", true);
	}

}
