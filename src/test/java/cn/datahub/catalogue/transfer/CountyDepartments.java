package cn.datahub.catalogue.transfer;

import java.util.List;

import cn.datahub.catalogue.Catalogue;
import cn.datahub.catalogue.DepartmentForm;
import cn.datahub.catalogue.Departments;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import static cn.datahub.testing.Usccs.withCheckCharacter;

/**
 * Departments of 冠县 (371525) whose unified social credit codes carry correct check characters. Test classes
 * share a hub, so a test that exports a department's catalogue uses a department no other test writes to. As an
 * extension, registers them in the test's hub before each test.
 */
final class CountyDepartments implements BeforeEachCallback {

	static final String MARKET_REGULATION = withCheckCharacter("11371525MB3348731");

	static final String HUMAN_RESOURCES = withCheckCharacter("11371525068480944");

	static final String HEALTH = withCheckCharacter("11371525044985825");

	static final String PUBLIC_SECURITY = withCheckCharacter("11371525MB5072441");

	static final String CIVIL_AFFAIRS = withCheckCharacter("11371525MB3584435");

	static final String MEDICAL_INSURANCE = withCheckCharacter("11371525MB2393397");

	static final String TRANSPORT = withCheckCharacter("11371525MB3695020");

	/** Valid, but never registered. */
	static final String UNREGISTERED = withCheckCharacter("11371525MB9999999");

	private static final List<DepartmentForm> ALL = List.of(
			new DepartmentForm(MARKET_REGULATION, "冠县市场监督管理局", "371525", "COUNTY"),
			new DepartmentForm(HUMAN_RESOURCES, "冠县人力资源和社会保障局", "371525", "COUNTY"),
			new DepartmentForm(HEALTH, "冠县卫生健康局", "371525", "COUNTY"),
			new DepartmentForm(PUBLIC_SECURITY, "冠县公安局", "371525", "COUNTY"),
			new DepartmentForm(CIVIL_AFFAIRS, "冠县民政局", "371525", "COUNTY"),
			new DepartmentForm(MEDICAL_INSURANCE, "冠县医疗保障局", "371525", "COUNTY"),
			new DepartmentForm(TRANSPORT, "冠县交通运输局", "371525", "COUNTY"));

	@Override
	public void beforeEach(ExtensionContext context) {
		registerIn(SpringExtension.getApplicationContext(context));
	}

	/** Registers the departments a hub does not have yet; test classes share a hub. */
	static void registerIn(ApplicationContext hub) {
		Departments departments = hub.getBean(Departments.class);
		ALL.stream().filter(d -> !departments.exists(d.code())).forEach(hub.getBean(Catalogue.class)::register);
	}

}
