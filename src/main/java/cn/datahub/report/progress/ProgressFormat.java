package cn.datahub.report.progress;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import cn.datahub.system.BadParameter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/**
 * The formats a progress report is downloaded in: a page the browser shows (and prints), and two files to keep.
 */
enum ProgressFormat {

	HTML(MediaType.parseMediaType("text/html;charset=UTF-8"), new ProgressPage()),

	CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"), new ProgressCsv()),

	XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			new ProgressWorkbook());

	private final MediaType mediaType;

	private final ProgressRenderer renderer;

	ProgressFormat(MediaType mediaType, ProgressRenderer renderer) {
		this.mediaType = mediaType;
		this.renderer = renderer;
	}

	/** The format's name in the {@code format} parameter and its file extension. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	MediaType mediaType() {
		return this.mediaType;
	}

	ProgressRenderer renderer() {
		return this.renderer;
	}

	/**
	 * The page opens in the browser, the files are saved; every one under the report's Chinese title, encoded as
	 * RFC 5987 asks.
	 */
	ContentDisposition disposition(ProgressReport report) {
		return (this == HTML ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(report.fileName(key()), StandardCharsets.UTF_8).build();
	}

	static ProgressFormat parse(String value) {
		return Arrays.stream(values()).filter(f -> f.key().equalsIgnoreCase(value)).findFirst()
			.orElseThrow(() -> new BadParameter("format", "Unknown format '" + value + "'; allowed: "
					+ Arrays.stream(values()).map(ProgressFormat::key).collect(Collectors.joining(", "))));
	}

}
