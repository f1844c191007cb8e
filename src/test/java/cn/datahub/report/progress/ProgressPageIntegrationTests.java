package cn.datahub.report.progress;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static cn.datahub.report.RateFixture.GUANXIAN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The printable page: self-contained, its tables and SVG charts drawn from the fixture's figures, every text
 * escaped. The page is read back as XML, which also proves that no name broke its markup.
 */
class ProgressPageIntegrationTests extends ProgressFixtureTests {

	/** Coordinates are written to a tenth of a pixel. */
	private static final Offset<Double> PIXEL = Offset.offset(0.1);

	@Test
	void pageIsShownInlineAndNeedsNothingFromElsewhere() {
		ResponseEntity<byte[]> response = this.downloads.get(GUANXIAN, null, "html");

		assertThat(response.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
		assertThat(ProgressDownloads.disposition(response).isInline()).isTrue();
		String page = ProgressDownloads.text(response);
		assertThat(page).contains("@media print").doesNotContain("<script", "src=", "href=", "url(", "@import", "http");
	}

	@Test
	void pageShowsTitleAndDepartmentsWithABarEachAgainstTheTarget() throws Exception {
		Document page = page(GUANXIAN, null);

		assertThat(text(page, "//h1")).isEqualTo(ProgressDownloads.title("冠县", YearMonth.now(this.clock)));
		assertThat(texts(page, "//section[h2='部门']//tbody/tr/td[2]")).containsExactly("冠县公安局", "冠县卫生健康局");
		List<Element> bars = elements(page, "//svg[contains(@class,'departments')]/rect[contains(@class,'bar')]");
		assertThat(bars).extracting(Element::getTextContent)
			.containsExactly("冠县公安局 共享率 75.0%（3/4），目标 90.0%", "冠县卫生健康局 共享率 100.0%（6/6），目标 90.0%");
		assertThat(bars.get(0).getAttribute("class")).contains("below");
		assertThat(bars.get(1).getAttribute("class")).contains("meets");
		double x = number(bars.get(0), "x");
		double full = number(bars.get(1), "width");
		assertThat(number(bars.get(0), "width")).isCloseTo(0.75 * full, PIXEL);
		List<Element> targets = elements(page, "//svg[contains(@class,'departments')]/line[@class='target']");
		assertThat(targets).hasSize(2).allSatisfy(line -> {
			assertThat(number(line, "x1")).isCloseTo(x + 0.9 * full, PIXEL);
			assertThat(number(line, "x2")).isCloseTo(x + 0.9 * full, PIXEL);
		});
	}

	@Test
	void trendChartDrawsEachSnapshotMonthWithItsTarget() throws Exception {
		YearMonth month = YearMonth.now(this.clock);
		assertThat(this.http.postForEntity("/api/reports/snapshots?month={month}", null, String.class, month)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		Document page = page(GUANXIAN, month);

		assertThat(texts(page, "//svg[contains(@class,'trend')]/circle[@class='sharing']"))
			.containsExactly(month + " 共享率 90.0%（9/10），目标 90.0%");
		assertThat(texts(page, "//svg[contains(@class,'trend')]/circle[@class='openness']"))
			.containsExactly(month + " 开放率 55.6%（5/9），目标 90.0%");
		assertThat(elements(page, "//svg[contains(@class,'trend')]/line[@class='target sharing']")).hasSize(1);
		assertThat(texts(page, "//section[h2='趋势']//tbody/tr/td[1]")).containsExactly(month.toString());
	}

	@Test
	void monthWithoutSnapshotsSaysSoInsteadOfDrawingATrend() throws Exception {
		Document page = page(GUANXIAN, YearMonth.now(this.clock).minusMonths(1));

		assertThat(elements(page, "//svg[contains(@class,'trend')]")).isEmpty();
		assertThat(text(page, "//section[h2='趋势']/p[@class='note']")).startsWith("暂无月度快照");
		assertThat(text(page, "//section[h2='部门']/p[@class='note']")).isEqualTo("本地区尚无登记的部门");
	}

	@Test
	void markupInADepartmentNameIsEscaped() throws Exception {
		String page = ProgressDownloads.text(this.downloads.get(ProgressFixture.YANGGU, null, "html"));

		assertThat(page).contains("阳谷县&lt;大数据&gt;&amp;&quot;信息&quot;中心").doesNotContain("<大数据>");
		Document document = parse(page);
		assertThat(texts(document, "//section[h2='部门']//tbody/tr/td[2]")).containsExactly(ProgressFixture.MARKUP.name());
		assertThat(texts(document, "//svg[contains(@class,'departments')]/text[@class='label']"))
			.containsExactly(ProgressFixture.MARKUP.name());
		assertThat(texts(document, "//svg[contains(@class,'departments')]/rect"))
			.singleElement().asString().startsWith(ProgressFixture.MARKUP.name() + " 共享率 100.0%");
	}

	private Document page(String regionCode, YearMonth month) throws Exception {
		return parse(ProgressDownloads.text(this.downloads.get(regionCode, month, "html")));
	}

	private static Document parse(String page) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder()
			.parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<Element> elements(Document page, String xpath) throws Exception {
		NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, page, XPathConstants.NODESET);
		List<Element> elements = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			elements.add((Element) nodes.item(i));
		}
		return elements;
	}

	private static List<String> texts(Document page, String xpath) throws Exception {
		return elements(page, xpath).stream().map(Element::getTextContent).toList();
	}

	private static String text(Document page, String xpath) throws Exception {
		return XPathFactory.newInstance().newXPath().evaluate(xpath, page);
	}

	private static double number(Element element, String attribute) {
		return Double.parseDouble(element.getAttribute(attribute));
	}

}
