package cn.datahub.exchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.datahub.catalogue.Uscc;
import cn.datahub.testing.HubProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub killed (SIGKILL, no shutdown) in the middle of a large dropped file and started again delivers every
 * valid record of the file exactly once: nothing lost, nothing doubled. The hub runs as a process of its own on a
 * file database, as in production.
 */
class CrashRecoveryIntegrationTests {

	private static final int ROWS = 20_000;

	/** Every 997th row carries a wrong check character and is dead-lettered. */
	private static final int BAD_EVERY = 997;

	private static final String CODE = "371525-SCJ-0002";

	private final Path home = Path.of("target/test-data/crash-" + UUID.randomUUID()).toAbsolutePath();

	private HubProcess hub;

	@AfterEach
	void stopHub() throws InterruptedException {
		if (this.hub != null) {
			this.hub.close();
		}
	}

	@Test
	void killedMidFileAndRestartedDeliversEveryRecordOnce() throws Exception {
		start();
		register();
		Path file = largeFile();
		Path inbox = Files.createDirectories(this.home.resolve("inbox").resolve(CODE));
		Files.move(file, inbox.resolve(file.getFileName()));

		await().atMost(Duration.ofMinutes(3)).until(() -> outboxFiles().size() >= 5);
		this.hub.kill();
		assertThat(Files.exists(inbox.resolve(file.getFileName()))).as("the file was not through when the hub died")
			.isTrue();
		int beforeRestart = outboxFiles().size();
		assertThat(beforeRestart).as("batches delivered before the crash").isLessThan(ROWS / 200);

		start();
		await().atMost(Duration.ofMinutes(5))
			.until(() -> Files.exists(inbox.resolve("done").resolve(file.getFileName())));

		List<String> codes = deliveredCodes();
		int expected = ROWS - ROWS / BAD_EVERY;
		assertThat(codes).hasSize(expected);
		assertThat(new HashSet<>(codes)).hasSize(expected);
	}

	private void start() throws IOException {
		this.hub = HubProcess.start(this.home, List.of("-Xmx512m"),
				Map.of("hub.exchange.poll-ms", "200", "hub.exchange.batch-size", "200"));
	}

	private void register() throws Exception {
		this.hub.create("/api/departments", """
				{"code":"%s","name":"冠县市场监督管理局","regionCode":"371525","level":"COUNTY"}"""
			.formatted(FileDropIntegrationTests.GX_SCJG.code()));
		this.hub.create("/api/resources", """
				{"code":"%s","name":"个体工商户营业执照登记信息","providerCode":"%s","category":"DEPARTMENT",
				 "domain":"MARKET_REGULATION","shareType":"UNCONDITIONAL","openType":"CONDITIONAL","updateCycle":"DAILY",
				 "items":[{"name":"tyshxydm","title":"统一社会信用代码","type":"string","required":true},
				          {"name":"ztmc","title":"市场主体名称","type":"string"},
				          {"name":"jyzxm","title":"经营者姓名","type":"string"},
				          {"name":"clrq","title":"成立日期","type":"date"}],
				 "status":"PUBLISHED"}""".formatted(CODE, FileDropIntegrationTests.GX_SCJG.code()));
	}

	/** 20,000 个体工商户, each with its own valid code, but for the bad ones. */
	private Path largeFile() throws IOException {
		Path file = Files.createDirectories(this.home).resolve("个体工商户-全量.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("统一社会信用代码,市场主体名称,经营者姓名,成立日期\n");
			for (int i = 1; i <= ROWS; i++) {
				String first17 = "92371525MA" + String.format("%07d", i);
				String code = first17 + Uscc.checkCharacter(first17).orElseThrow();
				if (i % BAD_EVERY == 0) {
					code = first17 + (code.endsWith("0") ? "1" : "0");
				}
				out.write(code + ",冠县个体工商户" + i + "号,经营者" + i + "," + (2000 + i % 25) + "-0" + (1 + i % 9) + "-1" + (i % 9) + "\n");
			}
		}
		return file;
	}

	private List<Path> outboxFiles() throws IOException {
		return outbox().files(CODE);
	}

	private List<String> deliveredCodes() throws IOException {
		List<String> codes = new ArrayList<>();
		outbox().forEach(CODE, r -> codes.add(r.get("tyshxydm").toString()));
		return codes;
	}

	private Outbox outbox() {
		return new Outbox(this.home.resolve("outbox").resolve(ExchangeTargets.FILE_OUTBOX));
	}

}
