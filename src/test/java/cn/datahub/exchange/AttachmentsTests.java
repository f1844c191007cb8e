package cn.datahub.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attachments' store on H2 with the real migrations: 冠县市场监督管理局's sources as a hub before V17 stored them,
 * each naming the key items attachments no longer have.
 */
class AttachmentsTests {

	private static final String REGISTER = "371525-SCJ-0002";

	private final JdbcDataSource database = MigratedDatabase.create("attachments");

	private final NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(this.database);

	/** Strict, as the hub's own mapper is: an unknown property in stored settings fails the read. */
	private final Attachments attachments = new Attachments(this.jdbc, new ObjectMapper(), null,
			Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneId.of("Asia/Shanghai")));

	@Test
	void attachmentsStoredWithKeyItemsAreReadWithEveryOtherSettingAfterTheUpgrade() {
		migrate("16");
		insert("HTTP", "{\"resourceCode\":\"" + REGISTER + "\",\"kind\":\"HTTP\",\"keyItems\":[\"tyshxydm\",\"djrq\"],"
				+ "\"http\":{\"url\":\"http://10.15.3.21/gtgsh/api/djxx\",\"format\":\"JSON\",\"recordsPath\":\"/data/list\","
				+ "\"pageParameter\":\"pageNo\",\"sizeParameter\":\"pageSize\",\"pageSize\":500,\"firstPage\":1,"
				+ "\"watermarkParameter\":\"updatedSince\",\"watermarkField\":\"gxsj\"}}");
		insert("JDBC", "{\"resourceCode\":\"" + REGISTER + "\",\"kind\":\"JDBC\",\"keyItems\":[],"
				+ "\"jdbc\":{\"datasource\":\"scj-registry\",\"table\":\"gtgsh_djxx\",\"incrementalColumn\":\"gxsj\"}}");
		insert("PUSH", "{\"resourceCode\":\"" + REGISTER + "\",\"kind\":\"PUSH\",\"keyItems\":[\"tyshxydm\"]}");

		migrate(null);

		List<Attachment> attachments = this.attachments.list(REGISTER);
		assertThat(attachments).extracting(Attachment::kind).containsExactly("HTTP", "JDBC", "PUSH");
		assertThat(attachments.get(0).http()).isEqualTo(new AttachmentForm.Http("http://10.15.3.21/gtgsh/api/djxx",
				"JSON", "/data/list", "pageNo", "pageSize", 500, 1, "updatedSince", "gxsj"));
		assertThat(attachments.get(1).jdbc())
			.isEqualTo(new AttachmentForm.Jdbc("scj-registry", "gtgsh_djxx", null, "gxsj"));
		assertThat(attachments.get(2)).satisfies(push -> {
			assertThat(push.http()).isNull();
			assertThat(push.jdbc()).isNull();
			assertThat(push.file()).isNull();
		});
	}

	private void insert(String kind, String settings) {
		this.jdbc.getJdbcTemplate()
			.update("insert into exchange_attachment (resource_code, kind, settings, created_at) "
					+ "values (?, ?, ?, timestamp with time zone '2026-11-02 09:30:00+08')", REGISTER, kind, settings);
	}

	private void migrate(String version) {
		MigratedDatabase.migrate(this.database, version);
	}

}
