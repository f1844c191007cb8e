package cn.datahub.report.progress;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads progress reports as a browser would, asserting they are served.
 */
record ProgressDownloads(TestRestTemplate http) {

	/** The report of {@code regionCode} for {@code month} ({@code null}: the parameter left out) in {@code format}. */
	ResponseEntity<byte[]> get(String regionCode, YearMonth month, String format) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/reports/progress").queryParam("regionCode", regionCode)
			.queryParam("format", format);
		if (month != null) {
			uri.queryParam("month", month);
		}
		URI encoded = uri.encode().build().toUri();
		ResponseEntity<byte[]> response = this.http.getForEntity(encoded, byte[].class);
		assertThat(response.getStatusCode()).as("%s", text(response)).isEqualTo(HttpStatus.OK);
		return response;
	}

	static String text(ResponseEntity<byte[]> response) {
		return response.getBody() == null ? "" : new String(response.getBody(), StandardCharsets.UTF_8);
	}

	static ContentDisposition disposition(ResponseEntity<byte[]> response) {
		return ContentDisposition.parse(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
	}

	static String title(String region, YearMonth month) {
		return region + " " + month.getYear() + "年" + month.getMonthValue() + "月 数据共享开放月度进展报告";
	}

}
