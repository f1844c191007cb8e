package cn.datahub.catalogue.transfer;

import java.util.List;

import cn.datahub.catalogue.Catalogue;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.Uscc;

/**
 * Departments of 冠县 (371525) whose unified social credit codes carry correct check characters. Test classes
 * share a hub, so a test that exports a department's catalogue uses a department no other test writes to.
 */
final class CountyDepartments {

	static final String MARKET_REGULATION = uscc("11371525MB3348731");

	static final String HUMAN_RESOURCES = uscc("11371525068480944");

	static final String HEALTH = uscc("11371525044985825");

	static final String PUBLIC_SECURITY = uscc("11371525MB5072441");

	static final String CIVIL_AFFAIRS = uscc("11371525MB3584435");

	static final String MEDICAL_INSURANCE = uscc("11371525MB2393397");

	static final String TRANSPORT = uscc("11371525MB3695020");

	/** Valid, but never registered. */
	static final String UNREGISTERED = uscc("11371525MB9999999");

	private static final List<DepartmentForm> ALL = List.of(
			new DepartmentForm(MARKET_REGULATION, "冠县市场监督管理局", "371525", "COUNTY"),
			new DepartmentForm(HUMAN_RESOURCES, "冠县人力资源和社会保障局", "371525", "COUNTY"),
			new DepartmentForm(HEALTH, "冠县卫生健康局", "371525", "COUNTY"),
			new DepartmentForm(PUBLIC_SECURITY, "冠县公安局", "371525", "COUNTY"),
			new DepartmentForm(CIVIL_AFFAIRS, "冠县民政局", "371525", "COUNTY"),
			new DepartmentForm(MEDICAL_INSURANCE, "冠县医疗保障局", "371525", "COUNTY"),
			new DepartmentForm(TRANSPORT, "冠县交通运输局", "371525", "COUNTY"));

	private CountyDepartments() {
	}

	/** Registers the departments a hub does not have yet; test classes share a hub. */
	static void registerIn(Catalogue catalogue, Departments departments) {
		ALL.stream().filter(d -> !departments.exists(d.code())).forEach(catalogue::register);
	}

	/** Completes 17 characters with the check character that {@link Uscc} accepts. */
	static String uscc(String first17) {
		return "0123456789ABCDEFGHJKLMNPQRTUWXY".chars()
			.mapToObj(c -> first17 + (char) c)
			.filter(Uscc::isValid)
			.findFirst()
			.orElseThrow();
	}

}
