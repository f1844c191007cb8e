package cn.datahub.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The real-time rates the seeds score each department on (部门数据实时采集率、实时共享率), counted from the
 * exchange's state rather than the catalogue's: see {@link RealtimeRates}.
 */
public enum RealtimeMetric {

	/** Published resources collected in real time / published resources. */
	COLLECTION("部门数据实时采集率", "real-time collection rate"),

	/** Shared resources collected and delivered onward in real time / shared resources. */
	SHARING("部门数据实时共享率", "real-time sharing rate");

	private final String label;

	private final String labelEn;

	RealtimeMetric(String label, String labelEn) {
		this.label = label;
		this.labelEn = labelEn;
	}

	public String label() {
		return this.label;
	}

	public String labelEn() {
		return this.labelEn;
	}

	/** The name under {@code realtime} in {@code config/targets.yaml}: {@code collection}, {@code sharing}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<RealtimeMetric> of(String key) {
		return Arrays.stream(values()).filter(m -> m.key().equals(key)).findFirst();
	}

}
