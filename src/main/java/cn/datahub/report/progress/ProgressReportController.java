package cn.datahub.report.progress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.YearMonth;

import cn.datahub.security.Guard;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/reports/progress}: a region's monthly progress report as a printable page, a CSV file or a workbook.
 */
@RestController
class ProgressReportController {

	private final ProgressReports reports;

	private final Guard guard;

	ProgressReportController(ProgressReports reports, Guard guard) {
		this.reports = reports;
		this.guard = guard;
	}

	/**
	 * The report is rendered whole before the first byte is sent: it holds one region's departments, small enough
	 * for memory, and a failure halfway is then a proper error response instead of a truncated file.
	 */
	@GetMapping("/api/reports/progress")
	ResponseEntity<byte[]> progress(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
			@RequestParam(defaultValue = "html") String format) throws IOException {
		this.guard.reportReaderOf(regionCode, null);
		ProgressFormat chosen = ProgressFormat.parse(format);
		ProgressReport report = this.reports.of(regionCode, month);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		chosen.renderer().render(report, out);
		return ResponseEntity.ok().contentType(chosen.mediaType())
			.header(HttpHeaders.CONTENT_DISPOSITION, chosen.disposition(report).toString())
			.body(out.toByteArray());
	}

}
