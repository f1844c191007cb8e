package cn.datahub.exchange;

import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.catalogue.Uscc;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
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

	private static final ObjectMapper JSON = new ObjectMapper();

	private final Path home = Path.of("target/test-data/crash-" + UUID.randomUUID()).toAbsolutePath();

	private final String index = "crash-" + UUID.randomUUID();

	private final HttpClient http = HttpClient.newHttpClient();

	private Process hub;

	private int port;

	@AfterEach
	void stopHub() {
		if (this.hub != null) {
			this.hub.destroyForcibly();
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
		this.hub.destroyForcibly().waitFor();
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
		this.port = freePort();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx512m",
				"-cp", classpath(),
				"-Dhub.elasticsearch.url=" + System.getProperty("hub.elasticsearch.url"),
				"-Dhub.elasticsearch.index=" + this.index, "-Dspring.datasource.url=jdbc:h2:file:" + this.home.resolve("db/hub"),
				"-Dhub.data-dir=" + this.home, "-Dhub.demo-data=false", "-Dserver.port=" + this.port,
				"-Dhub.exchange.poll-ms=200", "-Dhub.exchange.batch-size=200",
				"-Dspring.config.location=optional:classpath:/;optional:classpath:/config/", "cn.datahub.HubApplication"));
		Files.createDirectories(this.home);
		this.hub = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.home.resolve("hub.log").toFile()))
			.start();
		await().atMost(Duration.ofMinutes(3)).ignoreExceptions()
			.until(() -> get("/actuator/health").statusCode() == 200);
	}

	private void register() throws Exception {
		post("/api/departments", """
				{"code":"%s","name":"冠县市场监督管理局","regionCode":"371525","level":"COUNTY"}"""
			.formatted(FileDropIntegrationTests.GX_SCJG.code()));
		post("/api/resources", """
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
		Path folder = this.home.resolve("outbox/file-outbox").resolve(CODE);
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(f -> f.getFileName().toString().endsWith(".avro")).toList();
		}
	}

	private List<String> deliveredCodes() throws IOException {
		List<String> codes = new ArrayList<>();
		for (Path file : outboxFiles()) {
			try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
				reader.forEach(r -> codes.add(r.get("tyshxydm").toString()));
			}
		}
		return codes;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void post(String path, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s", path, response.body()).isEqualTo(201);
	}

	/**
	 * The test's own classpath for the hub process, each entry once and without surefire's booter jar, whose manifest
	 * lists the same entries again (the routes would be found twice).
	 */
	private static String classpath() {
		return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.contains("surefirebooter"))
			.map(entry -> Path.of(entry).toAbsolutePath().normalize().toString())
			.distinct()
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
