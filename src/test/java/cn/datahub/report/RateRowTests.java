package cn.datahub.report;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row's verdict compares the exact fraction with the target: no rounding lets 89.99% pass for 90%.
 */
class RateRowTests {

	@ParameterizedTest(name = "{0}/{1} against {2}: {3}")
	@CsvSource({
		"9, 10, 0.90, true",
		"900, 1000, 0.9, true",
		"8999, 10000, 0.90, false",
		"89999999, 100000000, 0.9, false",
		"17, 20, 0.85, true",
		"169, 199, 0.85, false",
		"10, 11, 0.90, true",
		"0, 10, 0.90, false",
		"22, 22, 1, true",
	})
	void meetsTargetOnlyAtOrAboveIt(long numerator, long denominator, BigDecimal target, boolean meets) {
		RateRow row = RateRow.of("371525", "冠县", "Guanxian County", numerator, denominator, target, null, Map.of());

		assertThat(row.meetsTarget()).isEqualTo(meets);
	}

	@ParameterizedTest(name = "{0}/{1} = {2}")
	@CsvSource({ "9, 10, 0.9", "10, 11, 0.9090909090909091", "8999, 10000, 0.8999", "2, 3, 0.6666666666666667" })
	void rateIsTheExactFractionNotADisplayRounding(long numerator, long denominator, BigDecimal rate) {
		assertThat(RateRow.of("k", "名称", null, numerator, denominator, null, null, Map.of()).rate())
			.isEqualByComparingTo(rate);
	}

	@ParameterizedTest(name = "target {0}")
	@CsvSource(value = { "0.9", "NULL" }, nullValues = "NULL")
	void nothingToCountMeansNoRateAndNoVerdict(BigDecimal target) {
		RateRow row = RateRow.of("371521", "阳谷县", null, 0, 0, target, null, Map.of());

		assertThat(row.rate()).isNull();
		assertThat(row.meetsTarget()).isNull();
		assertThat(row.target()).isEqualTo(target);
	}

}
