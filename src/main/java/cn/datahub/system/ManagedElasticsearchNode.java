package cn.datahub.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch started from the Maven Central distribution zip, for development and
 * tests (like Spring Boot's Docker Compose support): loopback only, security off, one node.
 * Production points {@code hub.elasticsearch.url} at a real cluster instead.
 */
public class ManagedElasticsearchNode {

	private static final Logger log = LoggerFactory.getLogger(ManagedElasticsearchNode.class);

	/** Elasticsearch refuses to run as root; when we are root the node runs as nobody. */
	private static final int UNPRIVILEGED_ID = 65534;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Path distribution;

	private final Path workDir;

	private final int heapMb;

	private final int httpPort;

	private final int transportPort;

	private Process process;

	public ManagedElasticsearchNode(Path distribution, Path workDir, int heapMb, int httpPort) {
		this.distribution = distribution.toAbsolutePath();
		this.workDir = reachableWorkDir(workDir.toAbsolutePath().normalize());
		this.heapMb = heapMb;
		this.httpPort = httpPort > 0 ? httpPort : freePort();
		this.transportPort = freePort();
	}

	public String url() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	public synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		try {
			Path home = unpack();
			Path config = prepareConfig(home);
			killStaleNode();
			this.process = launch(home, config);
			awaitHealthy();
			log.info("Managed Elasticsearch node is up at {} (home {})", url(), home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the managed Elasticsearch node", ex);
		}
	}

	/** Starts on an empty data folder: what an earlier test run indexed is gone. */
	public synchronized void startFresh() {
		if (!isRunning()) {
			try {
				deleteRecursively(this.workDir.resolve("data"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not clear " + this.workDir.resolve("data"), ex);
			}
		}
		start();
	}

	public synchronized void stop() {
		if (this.process == null) {
			return;
		}
		List<ProcessHandle> tree = new ArrayList<>(this.process.descendants().toList());
		tree.add(this.process.toHandle());
		tree.forEach(ProcessHandle::destroy);
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				handle.destroyForcibly();
			}
		}
		this.process = null;
		log.info("Managed Elasticsearch node at {} stopped", url());
	}

	private Path unpack() throws IOException {
		if (!Files.isRegularFile(this.distribution)) {
			throw new IllegalStateException("Elasticsearch distribution not found at " + this.distribution
					+ " (hub.elasticsearch.distribution); build with Maven once to fetch it, or set hub.elasticsearch.url");
		}
		Path target = this.workDir.resolve("dist");
		Path marker = target.resolve(".unpacked-" + this.distribution.getFileName());
		if (Files.exists(marker)) {
			return onlyChild(target);
		}
		deleteRecursively(target);
		Files.createDirectories(target);
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(this.distribution))) {
			for (ZipEntry entry; (entry = zip.getNextEntry()) != null;) {
				Path out = target.resolve(entry.getName()).normalize();
				if (!out.startsWith(target)) {
					throw new IOException("Zip entry outside the target folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(out);
					continue;
				}
				Files.createDirectories(out.getParent());
				Files.copy(zip, out, StandardCopyOption.REPLACE_EXISTING);
				if (out.getParent().getFileName().toString().equals("bin")) {
					makeExecutable(out);
				}
			}
		}
		Files.createFile(marker);
		return onlyChild(target);
	}

	private Path prepareConfig(Path home) throws IOException {
		Path config = this.workDir.resolve("config");
		Path data = this.workDir.resolve("data");
		Path logs = this.workDir.resolve("logs");
		Path tmp = this.workDir.resolve("tmp");
		Files.createDirectories(config.resolve("jvm.options.d"));
		Files.createDirectories(data);
		Files.createDirectories(logs);
		Files.createDirectories(tmp);
		for (String file : List.of("jvm.options", "log4j2.properties")) {
			Files.copy(home.resolve("config").resolve(file), config.resolve(file), StandardCopyOption.REPLACE_EXISTING);
		}
		Files.writeString(config.resolve("jvm.options.d/heap.options"),
				"-Xms" + this.heapMb + "m\n-Xmx" + this.heapMb + "m\n");
		Files.writeString(config.resolve("elasticsearch.yml"), String.join("\n",
				"cluster.name: datahub-managed",
				"node.name: datahub-node",
				"path.data: " + data,
				"path.logs: " + logs,
				"network.host: 127.0.0.1",
				"http.port: " + this.httpPort,
				"transport.port: " + this.transportPort,
				"discovery.type: single-node",
				"xpack.security.enabled: false",
				"action.auto_create_index: false",
				"cluster.routing.allocation.disk.threshold_enabled: false",
				""), StandardCharsets.UTF_8);
		if (runningAsRoot()) {
			exec("chown", "-R", UNPRIVILEGED_ID + ":" + UNPRIVILEGED_ID, config.toString(), data.toString(),
					logs.toString(), tmp.toString());
		}
		return config;
	}

	private Process launch(Path home, Path config) throws IOException {
		List<String> command = new ArrayList<>();
		if (runningAsRoot()) {
			command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_ID, "--regid=" + UNPRIVILEGED_ID,
					"--clear-groups", "--"));
		}
		command.add(home.resolve("bin/elasticsearch").toString());
		command.addAll(List.of("-p", this.workDir.resolve("logs/node.pid").toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.workDir.resolve("console.log").toFile());
		Map<String, String> env = builder.environment();
		env.put("ES_JAVA_HOME", System.getProperty("java.home"));
		env.put("ES_PATH_CONF", config.toString());
		// otherwise each start leaves a folder of its own in the system's temporary folder
		env.put("ES_TMPDIR", this.workDir.resolve("tmp").toString());
		env.remove("ES_JAVA_OPTS");
		env.remove("JAVA_TOOL_OPTIONS");
		env.remove("_JAVA_OPTIONS");
		return builder.start();
	}

	private void awaitHealthy() throws IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest
			.newBuilder(URI.create(url() + "/_cluster/health?wait_for_status=yellow&timeout=2s"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("Elasticsearch exited with code " + this.process.exitValue()
						+ " before becoming healthy:\n" + consoleTail());
			}
			try {
				if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for Elasticsearch", ex);
			}
			pause(500);
		}
		stop();
		throw new IllegalStateException("Elasticsearch did not become healthy within " + START_TIMEOUT + ":\n"
				+ consoleTail());
	}

	/** A node left behind by a hub that was killed holds the data folder's lock; end it first. */
	private void killStaleNode() throws IOException {
		Path pidFile = this.workDir.resolve("logs/node.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		long pid = Long.parseLong(Files.readString(pidFile).trim());
		ProcessHandle.of(pid)
			.filter(handle -> handle.info().commandLine().orElse("").contains("elasticsearch"))
			.ifPresent(handle -> {
				log.warn("Stopping a stale Elasticsearch node (pid {}) left by an earlier run", pid);
				handle.destroy();
				handle.onExit().join();
			});
		Files.deleteIfExists(pidFile);
	}

	private String consoleTail() {
		try {
			List<String> lines = Files.readAllLines(this.workDir.resolve("console.log"));
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no console output)";
		}
	}

	/**
	 * The unprivileged user must be able to reach the node's folders; when a parent is closed to others
	 * (a clone under a private temporary folder), the node lives under the system temporary folder.
	 */
	private static Path reachableWorkDir(Path preferred) {
		if (!runningAsRoot() || traversableByOthers(preferred)) {
			return preferred;
		}
		String key = HexFormat.of().toHexDigits(preferred.toString().hashCode());
		Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "datahub-elasticsearch-" + key);
		log.info("{} is not reachable by uid {}; the managed Elasticsearch node uses {}", preferred,
				UNPRIVILEGED_ID, fallback);
		return fallback;
	}

	private static boolean traversableByOthers(Path dir) {
		for (Path p = dir.getParent(); p != null; p = p.getParent()) {
			try {
				if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
					return false;
				}
			}
			catch (IOException ex) {
				return false;
			}
		}
		return true;
	}

	static boolean runningAsRoot() {
		try {
			return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
		}
		catch (IOException | UnsupportedOperationException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path onlyChild(Path dir) throws IOException {
		try (var children = Files.list(dir)) {
			return children.filter(Files::isDirectory)
				.findFirst()
				.orElseThrow(() -> new IOException("Empty Elasticsearch distribution in " + dir));
		}
	}

	private static void makeExecutable(Path file) throws IOException {
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
				PosixFilePermission.OTHERS_EXECUTE));
		Files.setPosixFilePermissions(file, permissions);
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.delete(p);
			}
		}
	}

	private static void exec(String... command) throws IOException {
		try {
			Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output;
			try (InputStream in = p.getInputStream()) {
				output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			if (p.waitFor() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted: " + String.join(" ", command), ex);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
