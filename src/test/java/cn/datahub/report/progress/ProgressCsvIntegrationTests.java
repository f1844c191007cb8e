package cn.datahub.report.progress;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;

import static cn.datahub.report.RateFixture.GUANXIAN;
import static cn.datahub.report.RateFixture.GX_GA;
import static cn.datahub.report.RateFixture.LIAOCHENG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV file opens in Excel with its Chinese intact (a BOM) and reads back as the report's sections, each
 * under its name in 【】 with its header.
 */
class ProgressCsvIntegrationTests extends ProgressFixtureTests {

	private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

	@Test
	void csvIsAUtf8AttachmentWithABom() {
		ResponseEntity<byte[]> response = this.downloads.get(GUANXIAN, null, "csv");

		assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
		assertThat(response.getHeaders().getFirst("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
		assertThat(ProgressDownloads.disposition(response).getFilename()).startsWith("冠县-").endsWith("-数据共享开放月度进展报告.csv");
		assertThat(Arrays.copyOf(response.getBody(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
	}

	@Test
	void sectionsCarryTheHandComputedFigures() throws IOException {
		Map<String, List<List<String>>> sections = sections(GUANXIAN);

		assertThat(sections).containsOnlyKeys("", "【概况】", "【部门】", "【趋势】", "【未开放领域】");
		assertThat(sections.get("").get(0)).singleElement().asString().endsWith("数据共享开放月度进展报告");
		assertThat(sections.get("【概况】")).containsExactly(
				List.of("指标", "分子", "分母", "比率", "目标", "是否达标"),
				List.of("信息资源共享率", "9", "10", "90.0%", "90.0%", "达标"),
				List.of("公共信息资源社会开放率", "5", "9", "55.6%", "90.0%", "未达标"),
				List.of("公共数据开放领域覆盖率", "3", "22", "13.6%", "", "无目标"));
		List<List<String>> departments = sections.get("【部门】");
		assertThat(departments.get(0)).hasSize(12).startsWith("部门代码", "部门名称");
		assertThat(departments.get(1)).containsExactly(GX_GA.code(), "冠县公安局", "3", "4", "75.0%", "90.0%", "未达标", "1",
				"4", "25.0%", "90.0%", "未达标");
		assertThat(departments).hasSize(3);
		assertThat(sections.get("【未开放领域】")).hasSize(20);
	}

	@Test
	void cityReportListsTheDepartmentsOfItsCountiesEachAgainstItsOwnTarget() throws IOException {
		List<List<String>> departments = sections(LIAOCHENG).get("【部门】");

		assertThat(departments.stream().skip(1).map(row -> row.get(1)))
			.containsExactly("聊城市市场监督管理局", ProgressFixture.MARKUP.name(), "冠县公安局", "冠县卫生健康局");
		assertThat(departments.get(1).subList(2, 7)).containsExactly("1", "1", "100.0%", "85.0%", "达标");
		assertThat(departments.get(2).subList(2, 7)).containsExactly("1", "1", "100.0%", "90.0%", "达标");
	}

	/** The file's sections by their 【】 name; the heading above the first one under "". */
	private Map<String, List<List<String>>> sections(String regionCode) throws IOException {
		String text = ProgressDownloads.text(this.downloads.get(regionCode, null, "csv"));
		assertThat(text).startsWith("\uFEFF").contains("\r\n\r\n【部门】\r\n");
		Map<String, List<List<String>>> sections = new LinkedHashMap<>();
		String name = "";
		sections.put(name, new ArrayList<>());
		try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(text.substring(1))) {
			while (rows.hasNext()) {
				List<String> row = List.of(rows.next());
				if (row.size() == 1 && row.get(0).startsWith("【")) {
					name = row.get(0);
					sections.put(name, new ArrayList<>());
				}
				else if (!row.stream().allMatch(String::isEmpty)) {
					sections.get(name).add(row);
				}
			}
		}
		return sections;
	}

}
