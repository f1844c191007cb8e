package cn.datahub.exchange;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The exchange's settings ({@code hub.exchange.*} in {@code config/application.yml}).
 *
 * @param inbox the file-drop folders, one per resource code: {@code <inbox>/<resourceCode>/}
 * @param outbox the file outbox: {@code <outbox>/<target>/<resourceCode>/}, Avro object container files
 * @param versions where the idempotent repository keeps its merged runs of record versions, a file each
 * ({@link VersionRuns}); it belongs with the database, and is backed up with it
 * @param masking the operator's masking rules (a Spring resource location)
 * @param batchSize how many records travel together through validation, masking and delivery
 * @param pollMs how often the file drops are looked at
 * @param knownVersionsMb the memory that tells which record versions the idempotent repository surely does not
 * hold, so that new records are not looked up in it ({@link KnownVersions})
 */
@ConfigurationProperties("hub.exchange")
public record ExchangeProperties(Path inbox, Path outbox, Path versions, @DefaultValue("classpath:config/masking.yaml") String masking,
		@DefaultValue("1000") int batchSize, @DefaultValue("2000") long pollMs, @DefaultValue("8") int knownVersionsMb) {
}
