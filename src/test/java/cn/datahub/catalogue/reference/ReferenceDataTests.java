package cn.datahub.catalogue.reference;

import java.nio.file.Path;

import cn.datahub.system.HubProperties;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceDataTests {

	private final ReferenceData reference = new ReferenceData(new DefaultResourceLoader(),
			new HubProperties(Path.of("target"), false, "classpath:catalogue/", 1024, null, null, null, null, null));

	@Test
	void knowsShandongItsSixteenCitiesAndTheSeedCounties() {
		assertThat(this.reference.region("370000")).get().extracting(Region::name, Region::level)
			.containsExactly("山东省", RegionLevel.PROVINCE);
		assertThat(this.reference.regions().stream().filter(r -> r.level() == RegionLevel.CITY)).hasSize(16);
		assertThat(this.reference.regions().stream().map(Region::name))
			.contains("冠县", "沂南县", "周村区", "庆云县", "阳谷县", "高唐县", "武城县", "淄川区", "平度市", "东昌府区", "临清市");
	}

	@Test
	void everyCountyOfLiaochengLiesBelowIt() {
		assertThat(this.reference.regions().stream().filter(r -> "371500".equals(r.parent())).map(Region::code))
			.containsExactlyInAnyOrder("371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581");
	}

	@Test
	void regionPathRunsFromTheCountyUpToTheProvince() {
		assertThat(this.reference.regionPath("371525")).containsExactly("371525", "371500", "370000");
		assertThat(this.reference.regionPath("370283")).containsExactly("370283", "370200", "370000");
		assertThat(this.reference.regionPath("999999")).isEmpty();
	}

	@Test
	void holdsTheTwentyTwoDomainsBilingually() {
		assertThat(this.reference.domains()).hasSize(22);
		assertThat(this.reference.domain("HEALTH")).get().extracting(Domain::name, Domain::nameEn)
			.containsExactly("医疗卫生", "health care");
	}

	@Test
	void readsADomainByCodeOrChineseNameAndNoneForInternalAdministration() {
		assertThat(this.reference.domainCode("社保就业")).contains("SOCIAL_SECURITY");
		assertThat(this.reference.domainCode(" ORGANISATIONS ")).contains("ORGANISATIONS");
		assertThat(this.reference.domainCode("无")).contains(ReferenceData.NO_DOMAIN);
		assertThat(this.reference.domainCode("NONE")).contains(ReferenceData.NO_DOMAIN);
		assertThat(this.reference.domainCode("体育")).isEmpty();
	}

}
