package cn.datahub.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import cn.datahub.testing.Usccs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GB 32100 check: every code the hub keys departments by must pass it, and no single mistyped character may.
 */
class UsccTests {

	/** 聊城市人民政府办公室, cited in the 聊城 plan. */
	private static final String LIAOCHENG_OFFICE = "11371500MB28359259";

	/** Not in the alphabet: the letters GB 32100 leaves out, lower case, and look-alikes a form may carry. */
	private static final String FOREIGN = "IOSVZabcdefghijklmnopqrstuvwxyz０Ｂ -";

	@Test
	void acceptsTheLiaochengGovernmentOfficeCode() {
		assertThat(Uscc.isValid(LIAOCHENG_OFFICE)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "91350100M000100Y43", "914403001922038216", "9144030071526726XG", "91330100799655058B",
			"91110108551385082Q" })
	void acceptsPublishedCodesOfRealEnterprises(String code) {
		assertThat(Uscc.isValid(code)).isTrue();
	}

	@Test
	void acceptsCheckCharacterZeroWhenTheWeightedSumIsAMultipleOf31() {
		assertThat(Usccs.withCheckCharacter("11371525MB000000T")).isEqualTo("11371525MB000000T0");
		assertThat(Uscc.isValid("11371525MB000000T0")).isTrue();
	}

	@Test
	void computesTheCheckCharacterOfThePublishedCodeAndOfEveryFreshTestCode() {
		assertThat(Usccs.withCheckCharacter(LIAOCHENG_OFFICE.substring(0, 17))).isEqualTo(LIAOCHENG_OFFICE);
		assertThat(IntStream.range(0, 50).mapToObj(i -> Usccs.fresh(CatalogueFixtures.GUANXIAN))).allMatch(Uscc::isValid);
	}

	@ParameterizedTest(name = "position {0}")
	@MethodSource("positions")
	void rejectsEverySingleCharacterSubstitution(int position) {
		List<String> substituted = new ArrayList<>();
		for (char c : (Uscc.ALPHABET + FOREIGN).toCharArray()) {
			if (c != LIAOCHENG_OFFICE.charAt(position)) {
				substituted.add(LIAOCHENG_OFFICE.substring(0, position) + c + LIAOCHENG_OFFICE.substring(position + 1));
			}
		}
		assertThat(substituted).hasSize(Uscc.ALPHABET.length() - 1 + FOREIGN.length());
		assertThat(substituted).filteredOn(Uscc::isValid).as("accepted substitutions").isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "11371500MB2835925", "11371500MB283592599", "11371500MB28359259 ", "11371500mb28359259",
			"１１３７１５００ＭＢ２８３５９２５９" })
	void rejectsCodesOfTheWrongLengthOrCase(String code) {
		assertThat(Uscc.isValid(code)).isFalse();
	}

	static IntStream positions() {
		return IntStream.range(0, 18);
	}

}
