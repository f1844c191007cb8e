package cn.datahub.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.catalogue.Category;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.OpenType;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.ShareType;
import cn.datahub.catalogue.UpdateCycle;
import cn.datahub.testing.Usccs;

/**
 * 冠县参保人员登记信息, the person register of a 人社 department as the exchange benchmark generates it: twenty data
 * items of Chinese text, dates, amounts, a 公民身份号码 (key) with its ISO 7064 check character, a mobile number and an
 * employer's 统一社会信用代码. Records are made from a seeded {@link Random}, so every run writes the same files; every
 * thousandth carries a wrong check character in its 统一社会信用代码 and is dead-lettered by the hub.
 */
final class PersonRegister {

	static final List<DataItem> ITEMS = List.of(new DataItem("xm", "姓名", "string", false),
			new DataItem("sfzh", "公民身份号码", "string", true), new DataItem("sjhm", "手机号码", "string", false),
			new DataItem("xb", "性别", "string", false), new DataItem("csrq", "出生日期", "date", false),
			new DataItem("mz", "民族", "string", false), new DataItem("hjdz", "户籍地址", "string", false),
			new DataItem("xzz", "现住址", "string", false), new DataItem("gzdw", "工作单位", "string", false),
			new DataItem("tyshxydm", "单位统一社会信用代码", "string", false), new DataItem("cbzt", "参保状态", "string", false),
			new DataItem("cbrq", "参保日期", "date", false), new DataItem("jfjs", "缴费基数", "decimal", false),
			new DataItem("jfys", "缴费月数", "integer", false), new DataItem("sbkh", "社会保障卡号", "string", false),
			new DataItem("ssjd", "所属街道", "string", false), new DataItem("jbjg", "经办机构", "string", false),
			new DataItem("rylb", "人员类别", "string", false), new DataItem("gxsj", "更新时间", "datetime", false),
			new DataItem("bz", "备注", "string", false));

	private static final String CONDITION = "仅限政务部门依法履职使用，经冠县人力资源和社会保障局审核同意";

	private static final String SUMMARY = "全县企业职工和城乡居民基本养老保险参保人员的登记信息";

	/** Every record whose number leaves this remainder (one in a thousand) is invalid. */
	private static final int BAD_EVERY = 1000;

	private static final int BAD_AT = 500;

	private static final String[] REGIONS = { "371502", "371521", "371522", "371524", "371525", "371526", "371581" };

	private static final String[] TOWNS = { "清泉街道", "崇文街道", "烟庄街道", "贾镇", "桑阿镇", "柳林镇", "范寨镇", "甘屯镇", "辛集镇",
			"北馆陶镇", "店子镇", "定远寨镇", "东古城镇", "兰沃乡", "斜店乡", "梁堂镇", "万善乡" };

	private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彩春菊凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝思丽";

	private static final String[] ROADS = { "冠宜春路", "建设路", "振兴路", "红旗路", "武训大街", "文化路", "新华路", "东环路", "站前街", "兴华路" };

	private static final String[] TRADES = { "农业机械", "纺织", "食品", "商贸", "建材", "物流", "钢板加工", "果蔬种植", "印刷", "医药" };

	private static final String[] STATES = { "正常参保", "正常参保", "正常参保", "暂停缴费", "终止参保" };

	private static final String[] KINDS = { "在职职工", "在职职工", "退休人员", "灵活就业人员", "城乡居民" };

	private static final String[] NOTES = { "", "", "", "", "补缴2019年度欠费", "跨省转入，原参保地河北省邯郸市", "信息已与公安人口库比对", "单位变更" };

	private static final char[] ID_CHECK = "10X98765432".toCharArray();

	private static final int[] ID_WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Random random;

	private final List<String[]> employers = new ArrayList<>();

	PersonRegister(long seed) {
		this.random = new Random(seed);
		for (int i = 0; i < 400; i++) {
			String name = "冠县" + TOWNS[i % TOWNS.length].substring(0, 2) + TRADES[i % TRADES.length]
					+ (i % 3 == 0 ? "有限公司" : "有限责任公司");
			this.employers.add(new String[] { name, Usccs.withCheckCharacter("91371525MA" + (3_000_000 + i)) });
		}
	}

	/** 参保人员登记信息 of the provider under {@code code}, published, as the hub stores it. */
	static Resource resource(String code, String providerCode) {
		return new Resource(code, "参保人员登记信息", providerCode, Category.DEPARTMENT, "SOCIAL_SECURITY",
				ShareType.CONDITIONAL, CONDITION, null, OpenType.NOT_OPEN, UpdateCycle.DAILY, "数据库表", SUMMARY, ITEMS,
				ResourceStatus.PUBLISHED, 1, null);
	}

	/** The same resource as {@code POST /api/resources} takes it. */
	static String resourceJson(String code, String providerCode) throws IOException {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("name", "参保人员登记信息");
		form.put("providerCode", providerCode);
		form.put("category", "DEPARTMENT");
		form.put("domain", "SOCIAL_SECURITY");
		form.put("shareType", "CONDITIONAL");
		form.put("shareCondition", CONDITION);
		form.put("openType", "NOT_OPEN");
		form.put("updateCycle", "DAILY");
		form.put("format", "数据库表");
		form.put("summary", SUMMARY);
		form.put("items", ITEMS);
		form.put("status", "PUBLISHED");
		return JSON.writeValueAsString(form);
	}

	/** Whether record {@code n} (from 0) is one the hub refuses. */
	static boolean invalid(long n) {
		return n % BAD_EVERY == BAD_AT;
	}

	/** How many of the first {@code records} records are valid. */
	static long valid(long records) {
		return records - (records + BAD_EVERY - 1 - BAD_AT) / BAD_EVERY;
	}

	/** Writes {@code records} records as JSON lines, one object by item name a line. */
	void writeJsonLines(Path file, long records) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (long n = 0; n < records; n++) {
				Map<String, Object> record = record(n);
				record.put("jfjs", Double.valueOf((String) record.get("jfjs")));
				record.put("jfys", Integer.valueOf((String) record.get("jfys")));
				out.write(JSON.writeValueAsString(record));
				out.write('\n');
			}
		}
	}

	/** Writes {@code records} records as CSV with a header row of the items' Chinese titles. */
	void writeCsv(Path file, long records) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", ITEMS.stream().map(DataItem::title).toList()));
			out.write('\n');
			for (long n = 0; n < records; n++) {
				out.write(String.join(",", record(n).values().stream().map(Object::toString).toList()));
				out.write('\n');
			}
		}
	}

	/** Record {@code n}, by item name, every value as text; none holds a comma or a quote. */
	Map<String, Object> record(long n) {
		int region = (int) (n % REGIONS.length);
		long rest = n / REGIONS.length;
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(rest % 18_000);
		boolean male = this.random.nextBoolean();
		int sequence = 100 + (int) (rest / 18_000) * 2 + (male ? 1 : 0);
		String town = TOWNS[this.random.nextInt(TOWNS.length)];
		String[] employer = this.employers.get(this.random.nextInt(this.employers.size()));
		LocalDate insured = birth.plusYears(18 + this.random.nextInt(10)).plusDays(this.random.nextInt(365));
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("xm", name());
		r.put("sfzh", idNumber(REGIONS[region] + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence));
		r.put("sjhm", "1" + "3578".charAt(this.random.nextInt(4)) + String.format("%09d", this.random.nextInt(1_000_000_000)));
		r.put("xb", male ? "男" : "女");
		r.put("csrq", birth.format(DATE));
		r.put("mz", this.random.nextInt(50) == 0 ? "回族" : "汉族");
		r.put("hjdz", "山东省聊城市冠县" + town + ROADS[this.random.nextInt(ROADS.length)] + (1 + this.random.nextInt(300)) + "号");
		r.put("xzz", "山东省聊城市冠县" + town + (1 + this.random.nextInt(40)) + "号楼" + (1 + this.random.nextInt(6)) + "单元"
				+ (101 + this.random.nextInt(600)) + "室");
		r.put("gzdw", employer[0]);
		r.put("tyshxydm", invalid(n) ? wrongCheck(employer[1]) : employer[1]);
		r.put("cbzt", STATES[this.random.nextInt(STATES.length)]);
		r.put("cbrq", insured.format(DATE));
		r.put("jfjs", (3500 + this.random.nextInt(9000)) + "." + String.format("%02d", this.random.nextInt(100)));
		r.put("jfys", String.valueOf(1 + this.random.nextInt(420)));
		r.put("sbkh", "G" + String.format("%08d", this.random.nextInt(100_000_000)));
		r.put("ssjd", town);
		r.put("jbjg", "冠县社会保险事业中心");
		r.put("rylb", KINDS[this.random.nextInt(KINDS.length)]);
		r.put("gxsj", "2026-" + String.format("%02d-%02d %02d:%02d:%02d", 1 + this.random.nextInt(10),
				1 + this.random.nextInt(28), this.random.nextInt(24), this.random.nextInt(60), this.random.nextInt(60)));
		r.put("bz", NOTES[this.random.nextInt(NOTES.length)]);
		return r;
	}

	private String name() {
		int given = this.random.nextInt(4) == 0 ? 1 : 2;
		StringBuilder name = new StringBuilder().append(SURNAMES.charAt(this.random.nextInt(SURNAMES.length())));
		for (int i = 0; i < given; i++) {
			name.append(GIVEN.charAt(this.random.nextInt(GIVEN.length())));
		}
		return name.toString();
	}

	/** The 18-character 公民身份号码 of its first 17 digits: ISO 7064 MOD 11-2 check character. */
	static String idNumber(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
		}
		return first17 + ID_CHECK[sum % 11];
	}

	private static String wrongCheck(String uscc) {
		return uscc.substring(0, 17) + (uscc.endsWith("0") ? "1" : "0");
	}

}
