package cn.datahub.report.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A rate or target in a report table: kept as the exact fraction, so a workbook can store the number and format it,
 * and written as a percentage to one decimal where only text will do.
 */
record Percent(BigDecimal fraction) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	/** The fraction as a cell, or {@code null} (a blank cell) when there is no rate or no target. */
	static Percent of(BigDecimal fraction) {
		return fraction == null ? null : new Percent(fraction);
	}

	/** A rate with what it is counted from and held to, as a chart's tooltip gives it: 75.0%（3/4），目标 90.0%. */
	static String figures(BigDecimal rate, long numerator, long denominator, BigDecimal target) {
		return of(rate) + "（" + numerator + "/" + denominator + "）" + (target == null ? "，无考核目标" : "，目标 " + of(target));
	}

	@Override
	public String toString() {
		return this.fraction.multiply(HUNDRED).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
	}

}
