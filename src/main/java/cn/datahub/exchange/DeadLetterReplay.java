package cn.datahub.exchange;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.datahub.audit.AuditTrail;
import cn.datahub.catalogue.CatalogueConflict;
import cn.datahub.catalogue.InvalidInput;
import cn.datahub.catalogue.NotFound;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.Violation;
import cn.datahub.system.HubProperties;

import org.springframework.stereotype.Service;

/**
 * Replays a dead letter, as it was or with its values fixed: the record is validated again and, if it now passes,
 * delivered to the resource's targets like any other; the dead letter is closed. A record that still fails is
 * refused with the reason and stays open. Closing one is audited, the letter before and after.
 */
@Service
public class DeadLetterReplay {

	private final DeadLetters deadLetters;

	private final Resources resources;

	private final ExchangePipeline pipeline;

	private final ExchangeTargets targets;

	private final HubProperties hub;

	private final ObjectMapper json;

	private final AuditTrail audit;

	DeadLetterReplay(DeadLetters deadLetters, Resources resources, ExchangePipeline pipeline, ExchangeTargets targets,
			HubProperties hub, ObjectMapper json, AuditTrail audit) {
		this.deadLetters = deadLetters;
		this.resources = resources;
		this.pipeline = pipeline;
		this.targets = targets;
		this.hub = hub;
		this.json = json;
		this.audit = audit;
	}

	/** Replays dead letter {@code id} with {@code values} in place of the stored ones ({@code null}: as stored). */
	public DeadLetter replay(long id, Map<String, Object> values) throws IOException {
		DeadLetter letter = open(id);
		Resource resource = this.resources.find(letter.resourceCode())
			.filter(r -> r.status() == ResourceStatus.PUBLISHED)
			.orElseThrow(() -> new CatalogueConflict("resourceCode", "resource " + letter.resourceCode()
					+ " is not published; its records cannot be delivered", "信息资源" + letter.resourceCode() + "未发布，无法交换"));
		SourceRecord record = SourceFiles.parse(letter.line(), values == null ? letter.raw() : write(values));
		Rejection rejection = record.values() == null ? new Rejection(null, "not a JSON object", "不是有效的JSON对象")
				: new RecordConverter(resource, this.hub.zone()).validate(record).rejection();
		if (rejection != null) {
			throw new InvalidInput("Record still invalid",
					List.of(new Violation(rejection.field(), rejection.reason(), rejection.reasonZh())));
		}
		this.pipeline.run(resource, "replay:dead-letter-" + id, "replay-" + id, List.of(record).iterator(),
				this.targets.of(resource));
		return close(letter, "REPLAYED", record.raw());
	}

	public DeadLetter discard(long id) {
		DeadLetter letter = open(id);
		return close(letter, "DISCARDED", letter.raw());
	}

	private DeadLetter open(long id) {
		DeadLetter letter = this.deadLetters.find(id).orElseThrow(() -> new NotFound("dead letter", String.valueOf(id)));
		if (!letter.status().equals("OPEN")) {
			throw new CatalogueConflict("status", "dead letter " + id + " is already " + letter.status(),
					"该死信已处理（" + letter.status() + "）");
		}
		return letter;
	}

	private DeadLetter close(DeadLetter letter, String status, String raw) {
		if (!this.deadLetters.resolve(letter.id(), status, raw)) {
			throw new CatalogueConflict("status", "dead letter " + letter.id() + " was closed meanwhile", "该死信已被他人处理");
		}
		DeadLetter closed = this.deadLetters.find(letter.id()).orElseThrow();
		this.audit.changed(status.equals("REPLAYED") ? "dead-letter.replay" : "dead-letter.discard",
				"dead-letter:" + letter.id(), letter, closed);
		return closed;
	}

	private String write(Map<String, Object> values) {
		try {
			return this.json.writeValueAsString(values);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
