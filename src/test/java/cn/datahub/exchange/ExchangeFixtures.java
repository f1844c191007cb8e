package cn.datahub.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import cn.datahub.testing.HubClient;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.TestInfo;

import static org.apache.camel.builder.Builder.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the exchange tests share: the sample resource of 冠县市场监督管理局 published under a code of the test's own,
 * and the sample CSV (or another file) dropped into its inbox.
 */
final class ExchangeFixtures {

	private static final ObjectMapper JSON = new ObjectMapper();

	private ExchangeFixtures() {
	}

	/**
	 * A resource code of the test's own ({@code tag} keeps test classes that share a context apart), published,
	 * so that what one test delivered never counts as a duplicate in another.
	 */
	static String publishFor(HubClient api, TestInfo test, String tag) {
		String code = FileDropIntegrationTests.CODE + "-" + tag + suffix(test);
		publish(api, code);
		return code;
	}

	static int suffix(TestInfo test) {
		return Math.abs(test.getDisplayName().hashCode() % 10000);
	}

	/** Publishes 个体工商户营业执照登记信息 under {@code code}, once. */
	static void publish(HubClient api, String code) {
		if (!api.departmentExists(FileDropIntegrationTests.GX_SCJG.code())) {
			api.register(FileDropIntegrationTests.GX_SCJG);
		}
		if (api.http().getForEntity("/api/resources/{code}", String.class, code).getStatusCode().is2xxSuccessful()) {
			return;
		}
		api.create(FileDropIntegrationTests.sampleResource(code));
	}

	/** Drops the sample CSV into the resource's inbox and waits until the inbox route is done with it. */
	static Path drop(CamelContext camel, Path inbox, String name, String code) throws IOException {
		return drop(camel, inbox, FileDropIntegrationTests.SAMPLE, name, code);
	}

	/** Drops {@code file} into the resource's inbox as {@code name} and waits until the inbox route is done with it. */
	static Path drop(CamelContext camel, Path inbox, Path file, String name, String code) throws IOException {
		NotifyBuilder done = new NotifyBuilder(camel).fromRoute(ExchangeRoutes.INBOX)
			.filter(header(Exchange.FILE_NAME_ONLY).isEqualTo(name)).whenDone(1).create();
		Path dropped = dropWithoutWaiting(inbox, file, name, code);
		assertThat(done.matches(60, TimeUnit.SECONDS)).as("the inbox route took %s", name).isTrue();
		return dropped;
	}

	static Path dropWithoutWaiting(Path inbox, String name, String code) throws IOException {
		return dropWithoutWaiting(inbox, FileDropIntegrationTests.SAMPLE, name, code);
	}

	/** Copies {@code file} aside, then moves it in whole, so the route never reads half a file. */
	static Path dropWithoutWaiting(Path inbox, Path file, String name, String code) throws IOException {
		Path folder = Files.createDirectories(inbox.resolve(code));
		Path aside = Files.copy(file, folder.resolve("." + name));
		return Files.move(aside, folder.resolve(name));
	}

	static boolean done(Path dropped) {
		return Files.exists(dropped.resolveSibling("done").resolve(dropped.getFileName()));
	}

	/** The records of every batch a platform played by {@code platform} answered at {@code path} with a 2xx. */
	static List<JsonNode> confirmed(WireMockExtension platform, String path) throws IOException {
		List<JsonNode> records = new ArrayList<>();
		List<ServeEvent> served = platform.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(path))
			.sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
		for (ServeEvent event : served) {
			if (event.getResponse().getStatus() / 100 == 2 && event.getResponse().getFault() == null) {
				JSON.readTree(event.getRequest().getBody()).forEach(records::add);
			}
		}
		return records;
	}

}
