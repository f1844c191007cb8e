package cn.datahub.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's own settings ({@code hub.*} in {@code config/application.yml}).
 *
 * @param dataDir where the embedded database, the managed Elasticsearch node and file drops live
 * @param demoData whether an empty catalogue is filled with the sample county catalogue at first start
 * @param catalogueLocation where the operator-edited reference data is read from (a Spring resource location)
 * @param maxJsonBodyBytes the largest JSON (or pushed CSV) request body accepted
 * @param elasticsearch the search index and, when no URL is set, the managed node
 * @param indexRelay how catalogue changes travel from the outbox to the index
 * @param zone the time zone days and months are counted in: a report "as of 31 October" ends at midnight here
 * @param reports the rate reports' targets and monthly snapshots
 * @param regionCode the hub's own region (行政区划代码, GB/T 2260): the region it answers for to the upper platforms
 */
@ConfigurationProperties("hub")
public record HubProperties(@DefaultValue("./data") Path dataDir, @DefaultValue("true") boolean demoData,
		@DefaultValue("classpath:catalogue/") String catalogueLocation,
		@DefaultValue("1048576") long maxJsonBodyBytes, @DefaultValue Elasticsearch elasticsearch,
		@DefaultValue IndexRelay indexRelay, @DefaultValue("Asia/Shanghai") ZoneId zone, @DefaultValue Reports reports,
		String regionCode) {

	/**
	 * @param url an external node or cluster; unset means the hub runs its own node
	 * @param index the alias the catalogue is written and searched through
	 * @param distribution the Elasticsearch distribution zip the managed node is unpacked from
	 * @param heapMb the managed node's heap
	 * @param port the managed node's HTTP port; 0 picks a free one
	 */
	public record Elasticsearch(String url, @DefaultValue("catalogue-resources") String index, Path distribution,
			@DefaultValue("512") int heapMb, @DefaultValue("0") int port) {
	}

	/**
	 * @param periodMs how often the relay looks for changes the index has not seen
	 * @param batchSize how many changes one bulk request carries
	 */
	public record IndexRelay(@DefaultValue("1000") long periodMs, @DefaultValue("2000") int batchSize) {
	}

	/**
	 * @param targets the operator's target file (a Spring resource location)
	 * @param snapshotCheckMs how often the hub looks for a finished month whose snapshot is still missing
	 * @param realtimeFreshness how recently a source must have been read well, for its resource to count as
	 * collected in real time
	 */
	public record Reports(@DefaultValue("classpath:config/targets.yaml") String targets,
			@DefaultValue("3600000") long snapshotCheckMs, @DefaultValue("24h") Duration realtimeFreshness) {
	}

}
