package cn.datahub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.ItemType;
import cn.datahub.catalogue.Resource;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Masking (脱敏) by the operator's rules in {@code config/masking.yaml}: which text items of a resource are masked,
 * and how. Only the copy sent to a target is masked; the source is never changed.
 */
@Component
public class Masking {

	private final List<MaskingRule> rules;

	Masking(ResourceLoader loader, ExchangeProperties properties) {
		ObjectMapper yaml = YAMLMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();
		try (InputStream in = loader.getResource(properties.masking()).getInputStream()) {
			this.rules = yaml.readValue(in, RuleFile.class).rules();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the masking rules " + properties.masking(), ex);
		}
	}

	/** The rule for each masked item of the resource, by item name; text items only. */
	public Map<String, MaskingRule> plan(Resource resource) {
		Map<String, MaskingRule> plan = new LinkedHashMap<>();
		for (DataItem item : resource.items()) {
			if (ItemType.parse(item.type()).orElseThrow() == ItemType.STRING) {
				this.rules.stream().filter(rule -> rule.covers(item)).findFirst()
					.ifPresent(rule -> plan.put(item.name(), rule));
			}
		}
		return plan;
	}

	/** A masked copy of the record. */
	static GenericRecord apply(GenericRecord record, Map<String, MaskingRule> plan) {
		if (plan.isEmpty()) {
			return record;
		}
		GenericData.Record masked = new GenericData.Record((GenericData.Record) record, false);
		plan.forEach((item, rule) -> {
			Object value = masked.getSchema().getField(item) == null ? null : masked.get(item);
			if (value != null) {
				masked.put(item, rule.mask(value.toString()));
			}
		});
		return masked;
	}

	private record RuleFile(List<MaskingRule> rules) {
	}

}
