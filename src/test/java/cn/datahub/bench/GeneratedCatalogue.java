package cn.datahub.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import cn.datahub.catalogue.Uscc;

/**
 * A large, plausible county-and-city catalogue for benchmarks: departments of several regions with valid unified
 * social credit codes and resources named the way catalogue compilers name them, in the import template.
 */
class GeneratedCatalogue {

	private static final String[][] REGIONS = { { "371525", "冠县", "COUNTY" }, { "371521", "阳谷县", "COUNTY" },
			{ "371526", "高唐县", "COUNTY" }, { "371500", "聊城市", "CITY" } };

	static final String[] DEPARTMENTS = { "公安局", "卫生健康局", "人力资源和社会保障局", "市场监督管理局", "民政局", "教育和体育局",
			"自然资源和规划局", "住房和城乡建设局", "交通运输局", "农业农村局", "生态环境分局", "应急管理局", "司法局", "财政局", "税务局" };

	static final String[] SUBJECTS = { "企业", "个体工商户", "常住人口", "流动人口", "医疗机构", "执业医师", "社会保险参保人员", "建设工程项目",
			"道路运输经营者", "中小学校", "食品经营者", "药品零售企业", "农业机械", "排污单位", "危险化学品企业", "不动产", "住房公积金缴存人", "低保对象",
			"律师事务所", "气象观测站", "标准地名", "社会组织", "特种设备", "营业执照", "养老服务机构", "退役军人" };

	static final String[] KINDS = { "基本信息", "登记信息", "许可证信息", "变更记录", "年度报告信息", "行政处罚信息", "统计信息", "备案信息",
			"监督检查信息", "注销信息" };

	private static final String[] DOMAINS = { "信用服务", "医疗卫生", "社保就业", "公共安全", "城建住房", "交通运输", "教育文化", "科技创新", "资源能源",
			"生态环境", "工业农业", "商贸流通", "财税金融", "安全生产", "市场监管", "社会救助", "法律服务", "生活服务", "气象服务", "地理空间", "地名地址",
			"机构团体", "无" };

	private static final String[] CYCLES = { "实时", "每日", "每周", "每月", "每季度", "每年", "不定期" };

	private static final String ITEMS = "tyshxydm:统一社会信用代码:string:required;mc:名称:string;fddbr:法定代表人:string;"
			+ "zcrq:注册日期:date;zczb:注册资本（万元）:decimal;dz:住所:string;lxdh:联系电话:string;gxsj:更新时间:datetime";

	static final String HEADER = "信息资源代码,信息资源名称,提供方代码,资源分类,所属领域,共享类型,共享条件,不予共享依据,开放类型,更新周期,资源格式,信息资源摘要,信息项,状态";

	private static final String[] QUERIES = { "营业执照", "常住人口", "社会保险", "医疗机构", "许可证", "行政处罚", "不动产", "食品经营", "道路运输", "低保",
			"公积金", "地名", "企业", "年度报告", "危险化学品" };

	private final Random random;

	private final List<String> departmentCodes = new ArrayList<>();

	GeneratedCatalogue(Random random) {
		this.random = random;
	}

	List<Map<String, String>> departments() {
		List<Map<String, String>> departments = new ArrayList<>();
		int serial = 1;
		for (String[] region : REGIONS) {
			for (String department : DEPARTMENTS) {
				String first17 = "11" + region[0] + String.format("MB%07d", serial++);
				String code = first17 + Uscc.checkCharacter(first17).orElseThrow();
				this.departmentCodes.add(code);
				departments.add(Map.of("code", code, "name", region[1] + department, "regionCode", region[0], "level", region[2]));
			}
		}
		return departments;
	}

	byte[] resourcesCsv(int count) {
		StringBuilder csv = new StringBuilder(count * 400).append(HEADER).append('\n');
		for (int i = 0; i < count; i++) {
			String subject = pick(SUBJECTS);
			String kind = pick(KINDS);
			int share = this.random.nextInt(100);
			String shareType = share < 60 ? "无条件共享" : share < 92 ? "有条件共享" : "不予共享";
			String openType = shareType.equals("不予共享") ? "不予开放" : pick(new String[] { "无条件开放", "有条件开放", "不予开放" });
			csv.append(String.format("BENCH-%06d", i)).append(',')
				.append(subject).append(kind).append(',')
				.append(this.departmentCodes.get(this.random.nextInt(this.departmentCodes.size()))).append(',')
				.append("部门,")
				.append(pick(DOMAINS)).append(',')
				.append(shareType).append(',')
				.append(shareType.equals("有条件共享") ? "仅限办理相关行政审批业务使用" : "").append(',')
				.append(shareType.equals("不予共享") ? "《中华人民共和国个人信息保护法》第十三条" : "").append(',')
				.append(openType).append(',')
				.append(pick(CYCLES)).append(',')
				.append("数据库,")
				.append("本县").append(subject).append(kind).append("，按月汇总，供各部门业务协同使用。").append(',')
				.append(ITEMS).append(',')
				.append("已发布").append('\n');
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	String randomQuery(Random r) {
		StringBuilder query = new StringBuilder("q=").append(CatalogueBenchmark.encode(QUERIES[r.nextInt(QUERIES.length)]));
		if (r.nextBoolean()) {
			query.append("&shareType=").append(r.nextBoolean() ? "UNCONDITIONAL" : "CONDITIONAL");
		}
		if (r.nextInt(3) == 0) {
			query.append("&regionCode=").append(REGIONS[r.nextInt(REGIONS.length)][0]);
		}
		if (r.nextInt(4) == 0) {
			query.append("&page=").append(r.nextInt(5));
		}
		return query.toString();
	}

	private String pick(String[] values) {
		return values[this.random.nextInt(values.length)];
	}

}
