package cn.datahub.access;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.datahub.exchange.ExchangeProperties;
import cn.datahub.testing.HubClient;
import cn.datahub.testing.MutableClock;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static cn.datahub.access.AccessFixture.as;
import static cn.datahub.access.AccessFixture.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A grant is what the exchange delivers by: the consumer's outbox receives records of just the granted items while
 * the grant is active, and nothing once it is revoked.
 */
@AccessHubTest
class GrantDeliveryIntegrationTests {

	@Autowired
	private TestRestTemplate http;

	@Autowired
	private MutableClock clock;

	@Autowired
	private AccessWorkflow workflow;

	@Autowired
	private AccessQueues queues;

	@Autowired
	private ExchangeProperties exchange;

	@Test
	void theConsumerReceivesOnlyTheGrantedItemsUntilTheGrantIsRevoked() throws IOException {
		this.clock.set(LocalDateTime.of(2025, 11, 3, 9, 0));
		AccessFixture data = new AccessFixture(new HubClient(this.http));
		long id = as(data.consumer(), () -> this.workflow.submit(data.request(data.gaotangRecords,
				LocalDate.of(2026, 3, 31), "dabh", "xm", "mbbs")));
		run(data.gaotangApprover(), () -> this.workflow.approve(id, new Decision(List.of("dabh", "mbbs"), null, null, null)));
		Grant grant = as(data.consumer(), () -> this.queues.one(id)).grant();
		Path received = this.exchange.outbox().resolve(grant.targetName()).resolve(data.gaotangRecords);

		drop(data.gaotangRecords, "health-2025-11-03.jsonl");
		List<GenericRecord> records = read(received);
		assertThat(records).hasSize(2);
		assertThat(records.get(0).getSchema().getFields()).extracting(Schema.Field::name).containsExactly("dabh", "mbbs");
		assertThat(records).extracting(r -> r.get("dabh").toString()).containsExactly("GT2025000123", "GT2025000124");

		run(data.gaotangApprover(), () -> this.workflow.revoke(grant.id(), "案件已办结"));
		drop(data.gaotangRecords, "health-2025-11-04.jsonl");
		assertThat(read(received)).as("nothing after the revocation").hasSize(2);
	}

	/** Drops two records of 高唐县 health records into the resource's inbox and waits until they are done. */
	private void drop(String code, String name) throws IOException {
		Path folder = Files.createDirectories(this.exchange.inbox().resolve(code));
		Path aside = folder.resolve("." + name);
		Files.writeString(aside, """
				{"dabh":"GT2025000123","xm":"刘洋","sfzhm":"371526198503120017","csrq":"1985-03-12","mbbs":true}
				{"dabh":"GT2025000124","xm":"王芳","sfzhm":"371526199107250028","csrq":"1991-07-25","mbbs":false}
				""", StandardCharsets.UTF_8);
		Files.move(aside, folder.resolve(name));
		await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(folder.resolve("done").resolve(name)));
	}

	private static List<GenericRecord> read(Path folder) throws IOException {
		List<GenericRecord> records = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			return records;
		}
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".avro")).sorted().toList()) {
				try (DataFileReader<GenericRecord> reader = new DataFileReader<>(file.toFile(), new GenericDatumReader<>())) {
					reader.forEach(records::add);
				}
			}
		}
		return records;
	}

}
