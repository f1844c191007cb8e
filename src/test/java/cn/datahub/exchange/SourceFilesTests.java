package cn.datahub.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * JSON-lines and CSV drops read record by record from their bytes: 人社's person register as department systems
 * export it, with Windows line ends, blank lines, a byte order mark, lines longer than the reading buffer and lines
 * that are not records.
 */
class SourceFilesTests {

	private static final String ZHANG = "{\"xm\":\"张建国\",\"sfzh\":\"371525198503120035\",\"hjdz\":\"山东省聊城市冠县清泉街道振兴路18号\"}";

	private static final String LI = "{\"xm\":\"李秀英\",\"sfzh\":\"37152519900708242X\",\"cbrq\":\"2015-03-01\"}";

	@TempDir
	Path folder;

	@Test
	void readsJsonLinesNumberedByLineSkippingBlankOnesWithWindowsLineEnds() throws IOException {
		Path file = write("参保人员.jsonl", "\uFEFF" + ZHANG + "\r\n\r\n   \r\n" + LI + "\r\n");

		List<SourceRecord> records = read(file);

		assertThat(records).extracting(SourceRecord::line).containsExactly(1L, 4L);
		assertThat(records.get(0).values()).containsExactly(entry("xm", "张建国"), entry("sfzh", "371525198503120035"),
				entry("hjdz", "山东省聊城市冠县清泉街道振兴路18号"));
		assertThat(records.get(1).values()).containsEntry("sfzh", "37152519900708242X");
	}

	@Test
	void readsTheLastLineWithoutALineEnd() throws IOException {
		Path file = write("参保人员.jsonl", ZHANG + "\n" + LI);

		assertThat(read(file)).extracting(r -> r.values().get("xm")).containsExactly("张建国", "李秀英");
	}

	@Test
	void keepsTheTextOfALineThatIsNotAJsonObjectAndReadsOn() throws IOException {
		String broken = "{\"xm\":\"王磊\",\"sfzh\":\"3715251978";
		Path file = write("参保人员.jsonl", ZHANG + "\n" + broken + "\n[\"数组\"]\n" + LI + "\n");

		List<SourceRecord> records = read(file);

		assertThat(records).extracting(SourceRecord::line).containsExactly(1L, 2L, 3L, 4L);
		assertThat(records.get(1).values()).isNull();
		assertThat(records.get(1).raw()).isEqualTo(broken);
		assertThat(records.get(2).values()).isNull();
		assertThat(records.get(2).raw()).isEqualTo("[\"数组\"]");
		assertThat(records.get(3).values()).containsEntry("xm", "李秀英");
	}

	@Test
	void readsLinesLongerThanTheReadingBufferAcrossItsRefills() throws IOException {
		String remark = "冠县".repeat(40_000);
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			text.append(ZHANG).append('\n').append("{\"xm\":\"赵敏\",\"bz\":\"").append(remark).append("\"}\n");
		}
		Path file = write("参保人员.jsonl", text.toString());

		List<SourceRecord> records = read(file);

		assertThat(records).hasSize(6);
		assertThat(records).extracting(SourceRecord::line).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
		assertThat(records.get(5).values()).containsEntry("bz", remark);
		assertThat(records.get(4).values()).containsEntry("sfzh", "371525198503120035");
	}

	@Test
	void writesTheRawFormOfAJsonRecordFromItsValues() throws IOException {
		Path file = write("参保人员.jsonl", LI + "\n");

		SourceRecord record = read(file).get(0);

		assertThat(SourceFiles.parse(record.line(), record.raw()).values()).isEqualTo(record.values());
		assertThat(record.raw()).contains("\"xm\":\"李秀英\"");
	}

	@Test
	void readsCsvRowsByTheirHeaderKeepingTheLastOfAColumnNamedTwice() throws IOException {
		Path file = write("参保人员.csv", "\uFEFF姓名,公民身份号码,姓名\r\n张建国,371525198503120035,张建国（曾用名）\r\n李秀英,37152519900708242X,\r\n");

		List<SourceRecord> records = read(file);

		assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 3L);
		assertThat(records.get(0).values()).containsExactly(entry("姓名", "张建国（曾用名）"),
				entry("公民身份号码", "371525198503120035"));
		assertThat(records.get(1).values()).isEqualTo(Map.of("姓名", "", "公民身份号码", "37152519900708242X"));
	}

	@Test
	void givesTheRowsBeforeABrokenCsvRowThenTheBreak() throws IOException {
		StringBuilder text = new StringBuilder("姓名,公民身份号码,手机号码\n");
		for (int i = 0; i < 600; i++) {
			text.append("张建国").append(i).append(",371525198503120035,13906351234\n");
		}
		text.append("李秀英,37152519900708242X,13806358888,多出的一列,又一列\n王磊,371525197801010012,13506350000\n");
		Path file = write("参保人员.csv", text.toString());
		List<SourceRecord> records = new ArrayList<>();

		try (SourceFiles.RecordStream stream = SourceFiles.open(file)) {
			assertThatThrownBy(() -> stream.forEachRemaining(records::add)).isInstanceOf(UnreadableDrop.class)
				.hasMessageContaining("the CSV cannot be read after line 601");
		}

		assertThat(records).hasSize(600);
		assertThat(records.get(599).values()).containsEntry("姓名", "张建国599");
	}

	@Test
	void stopsReadingAheadWhenClosedHalfWay() throws IOException {
		Path file = write("参保人员-半途.jsonl", (ZHANG + "\n").repeat(20_000));

		try (SourceFiles.RecordStream stream = SourceFiles.open(file)) {
			assertThat(stream.next().values()).containsEntry("xm", "张建国");
		}

		assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
			.doesNotContain("read-参保人员-半途.jsonl");
		Files.delete(file);
	}

	private Path write(String name, String text) throws IOException {
		return Files.write(this.folder.resolve(name), text.getBytes(StandardCharsets.UTF_8));
	}

	private static List<SourceRecord> read(Path file) throws IOException {
		List<SourceRecord> records = new ArrayList<>();
		try (SourceFiles.RecordStream stream = SourceFiles.open(file)) {
			stream.forEachRemaining(records::add);
		}
		return records;
	}

}
