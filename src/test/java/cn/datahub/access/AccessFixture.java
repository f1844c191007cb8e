package cn.datahub.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.ResourceForm;
import cn.datahub.security.Caller;
import cn.datahub.security.Role;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.ResourceForms;
import cn.datahub.testing.TestAccounts;
import cn.datahub.testing.Usccs;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.subject.SimplePrincipalCollection;
import org.apache.shiro.subject.Subject;

/**
 * A test's own departments and resources, registered through the API: 冠县公安局 asks for 冠县卫生健康委员会's
 * health records (有条件共享), reviewed first by 冠县大数据中心; 高唐县卫生健康局 decides alone (its region has the
 * compliance stage switched off). The accounts acting for them are bound as the Shiro subject of the calling thread,
 * as the authentication filter binds them for an HTTP request.
 */
final class AccessFixture {

	static final String DATA_AUTHORITY = "12371525409890782W";

	private static final DefaultSecurityManager SECURITY = new DefaultSecurityManager();

	final String police = Usccs.fresh("371525");

	final String health = Usccs.fresh("371525");

	final String gaotangHealth = Usccs.fresh("371526");

	final String records;

	final String clinics;

	final String infections;

	final String draft;

	final String retired;

	final String gaotangRecords;

	/** Keeps one test's accounts and resources apart from another's in the shared database. */
	final String tag;

	AccessFixture(HubClient api) {
		api.register(new DepartmentForm(this.police, "冠县公安局", "371525", "COUNTY"));
		api.register(new DepartmentForm(this.health, "冠县卫生健康委员会", "371525", "COUNTY"));
		api.register(new DepartmentForm(this.gaotangHealth, "高唐县卫生健康局", "371526", "COUNTY"));
		this.tag = this.health.substring(10, 17);
		String tag = this.tag;
		this.records = store(api, "371525-WJW-" + tag + "-1", "居民电子健康档案信息", this.health, "CONDITIONAL", "PUBLISHED");
		this.clinics = store(api, "371525-WJW-" + tag + "-2", "医疗机构执业登记信息", this.health, "UNCONDITIONAL", "PUBLISHED");
		this.infections = store(api, "371525-WJW-" + tag + "-3", "传染病报告个案信息", this.health, "NOT_SHARED", "PUBLISHED");
		this.draft = store(api, "371525-WJW-" + tag + "-4", "家庭医生签约信息", this.health, "CONDITIONAL", "DRAFT");
		this.retired = store(api, "371525-WJW-" + tag + "-5", "计划免疫接种信息", this.health, "CONDITIONAL", "RETIRED");
		this.gaotangRecords = store(api, "371526-WJW-" + tag + "-1", "居民电子健康档案信息", this.gaotangHealth, "CONDITIONAL",
				"PUBLISHED");
	}

	/** 冠县公安局's consumer account. */
	Caller consumer() {
		return new Caller("gaj-zhangwei-" + this.tag, this.police, null, Set.of(Role.CONSUMER));
	}

	/** 冠县公安局's registrar: of the department, but no consumer. */
	Caller registrar() {
		return new Caller("gaj-registrar-" + this.tag, this.police, null, Set.of(Role.REGISTRAR));
	}

	/** 冠县卫生健康委员会's approver. */
	Caller approver() {
		return new Caller("wjw-lina-" + this.tag, this.health, null, Set.of(Role.APPROVER));
	}

	/** 冠县大数据中心's approver, who checks compliance. */
	Caller authority() {
		return new Caller("dsj-wangfang-" + this.tag, DATA_AUTHORITY, null, Set.of(Role.APPROVER));
	}

	Caller gaotangApprover() {
		return new Caller("gt-wjw-liuyang-" + this.tag, this.gaotangHealth, null, Set.of(Role.APPROVER));
	}

	Caller auditor(String regionCode) {
		return new Caller("kh-zhaolei-" + regionCode + "-" + this.tag, null, regionCode, Set.of(Role.AUDITOR));
	}

	/** Creates the accounts of the callers above, to sign in with over HTTP; 冠县大数据中心 registered once. */
	void signUp(HubClient api, TestAccounts accounts) {
		if (!api.departmentExists(DATA_AUTHORITY)) {
			api.register(new DepartmentForm(DATA_AUTHORITY, "冠县大数据中心", "371525", "COUNTY"));
		}
		for (Caller caller : List.of(consumer(), registrar(), approver(), authority(), gaotangApprover(),
				auditor("371500"), auditor("371525"), auditor("371526"))) {
			accounts.create(caller.username(), caller.departmentCode(), caller.regionCode(),
					caller.roles().stream().map(Role::name).toArray(String[]::new));
		}
	}

	/** 冠县公安局 asks for a resource's items through {@code until}, for a case it investigates. */
	AccessRequestForm request(String resourceCode, LocalDate until, String... fields) {
		return new AccessRequestForm(resourceCode, this.police, "刑事案件侦办中核查涉案人员身份及健康状况，依据《中华人民共和国刑事诉讼法》第五十四条",
				List.of(fields), until, null, null);
	}

	/** Runs {@code work} as {@code caller}, as an authenticated request of that account would. */
	static <T> T as(Caller caller, Callable<T> work) {
		Subject subject = new Subject.Builder(SECURITY).principals(new SimplePrincipalCollection(caller, "test"))
			.authenticated(true).buildSubject();
		try {
			return subject.execute(work);
		}
		catch (RuntimeException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}

	static void run(Caller caller, Runnable work) {
		as(caller, () -> {
			work.run();
			return null;
		});
	}

	private static String store(HubClient api, String code, String name, String provider, String shareType,
			String status) {
		ResourceForm form = ResourceForms.resource(code, name, provider, "DEPARTMENT", "HEALTH", shareType, "NOT_OPEN",
				"DAILY", status, name + "，由卫生健康部门按日更新。",
				new DataItem("dabh", "档案编号", "string", true), new DataItem("xm", "姓名", "string", false),
				new DataItem("sfzhm", "身份证号码", "string", false), new DataItem("csrq", "出生日期", "date", false),
				new DataItem("mbbs", "是否慢病患者", "boolean", false));
		api.store(form);
		return code;
	}

}
