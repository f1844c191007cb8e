package cn.datahub.testing;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hub as a process of its own, as in production: its own JVM (heap and options as given) on a file database
 * under {@code home}, {@code home} as its data directory (inbox, outbox), the test run's Elasticsearch node with an
 * index named after {@code home}, no demo data. Started again on the same {@code home} it finds everything it left,
 * as a restarted hub does. Its output goes to {@code home/hub.log}. Requests sign in as its administrator.
 */
public final class HubProcess implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Process process;

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private HubProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts the hub and waits until its health is UP.
	 * @param jvmOptions the JVM's own options, {@code -Xmx256m} and the like
	 * @param properties hub settings ({@code hub.exchange.batch-size} …), passed as {@code -D} properties over the
	 * defaults above
	 */
	public static HubProcess start(Path home, List<String> jvmOptions, Map<String, String> properties)
			throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classpath(),
				"-Dhub.elasticsearch.url=" + System.getProperty("hub.elasticsearch.url"),
				"-Dhub.elasticsearch.index=" + home.getFileName().toString().toLowerCase(Locale.ROOT),
				"-Dspring.datasource.url=jdbc:h2:file:" + home.resolve("db/hub") + ";DB_CLOSE_ON_EXIT=FALSE", "-Dhub.data-dir=" + home,
				"-Dhub.demo-data=false", "-Dserver.port=" + port,
				"-Dhub.security.admin-password=" + TestAccounts.ADMIN_PASSWORD,
				"-Dspring.config.location=optional:classpath:/;optional:classpath:/config/"));
		properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
		command.add("cn.datahub.HubApplication");
		Files.createDirectories(home);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("hub.log").toFile()))
			.start();
		HubProcess hub = new HubProcess(process, port);
		await().atMost(START_TIMEOUT).until(() -> !process.isAlive() || hub.healthy());
		assertThat(process.isAlive()).as("the hub process is running (see %s)", home.resolve("hub.log")).isTrue();
		return hub;
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A GET that must answer 200, read as JSON. */
	public JsonNode getJson(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A POST that must create what it sends (201), failing the test with the hub's answer otherwise. */
	public JsonNode create(String path, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = post(path, json);
		assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
		return JSON.readTree(response.body());
	}

	/** SIGKILL: no shutdown hook runs, as when the machine dies. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor();
	}

	/** A graceful stop (SIGTERM: shutdown hooks, a flight recording dumped on exit), killed after a minute. */
	public void stop() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(1, TimeUnit.MINUTES)) {
			kill();
		}
	}

	/** Kills the hub if it still runs. */
	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private boolean healthy() throws InterruptedException {
		try {
			return get("/actuator/health").statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", TestAccounts.basic(TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD));
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
