package cn.datahub.report.progress;

import java.time.Clock;

import cn.datahub.testing.HubClient;
import cn.datahub.testing.HubTest;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What the progress report tests stand on: {@link ProgressFixture} loaded into a context of their own (they add a
 * department to the rate fixture and take snapshots, which the classes reading the fixture alone must not see),
 * the hub's clock, and the downloads.
 */
@HubTest(properties = "hub.test.context=progress-report")
abstract class ProgressFixtureTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	Clock clock;

	ProgressDownloads downloads;

	@BeforeEach
	void loadFixture() {
		ProgressFixture.loadInto(new HubClient(this.http));
		this.downloads = new ProgressDownloads(this.http);
	}

}
