package cn.datahub.system;

import java.nio.file.Path;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * One real Elasticsearch node for the whole test run, shared by every test class: started when the JUnit
 * launcher session opens, stopped when it closes. Tests see it as an external node ({@code hub.elasticsearch.url}).
 * A node that cannot start fails the run; no test skips for want of it.
 */
public class ElasticsearchTestNode implements LauncherSessionListener {

	private static ManagedElasticsearchNode node;

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		String distribution = System.getProperty("hub.elasticsearch.distribution");
		if (distribution == null || node != null) {
			return;
		}
		node = new ManagedElasticsearchNode(Path.of(distribution),
				Path.of(System.getProperty("hub.test.work-dir", "target/test-elasticsearch")), 512, 0);
		node.startFresh();
		System.setProperty("hub.elasticsearch.url", node.url());
	}

	@Override
	public void launcherSessionClosed(LauncherSession session) {
		if (node != null) {
			node.stop();
			node = null;
		}
	}

	/** The shared node, for the tests that stop it to prove the hub survives an outage. */
	public static ManagedElasticsearchNode node() {
		if (node == null) {
			throw new IllegalStateException("The test Elasticsearch node was not started (hub.elasticsearch.distribution unset)");
		}
		return node;
	}

}
