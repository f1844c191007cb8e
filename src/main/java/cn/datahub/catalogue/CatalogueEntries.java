package cn.datahub.catalogue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import cn.datahub.schema.CatalogueEntry;
import cn.datahub.schema.CatalogueItem;
import cn.datahub.schema.Status;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * A resource as the Avro {@code CatalogueEntry} (schemas/CatalogueEntry.avsc) that upper platforms receive, in
 * Avro's JSON encoding.
 */
public final class CatalogueEntries {

	private CatalogueEntries() {
	}

	public static CatalogueEntry of(Resource r, Department provider) {
		return CatalogueEntry.newBuilder()
			.setCode(r.code())
			.setName(r.name())
			.setProviderCode(r.providerCode())
			.setProviderName(provider.name())
			.setRegionCode(provider.regionCode())
			.setCategory(cn.datahub.schema.Category.valueOf(r.category().name()))
			.setDomain(r.domain())
			.setShareType(cn.datahub.schema.ShareType.valueOf(r.shareType().name()))
			.setShareCondition(r.shareCondition())
			.setNotSharedBasis(r.notSharedBasis())
			.setOpenType(cn.datahub.schema.OpenType.valueOf(r.openType().name()))
			.setUpdateCycle(cn.datahub.schema.UpdateCycle.valueOf(r.updateCycle().name()))
			.setFormat(r.format())
			.setSummary(r.summary())
			.setItems(r.items().stream().map(i -> new CatalogueItem(i.name(), i.title(), i.type(), i.required())).toList())
			.setStatus(Status.valueOf(r.status().name()))
			.setVersion(r.version())
			.setUpdatedAt(r.updatedAt())
			.build();
	}

	public static String toJson(CatalogueEntry entry) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			JsonEncoder encoder = EncoderFactory.get().jsonEncoder(CatalogueEntry.getClassSchema(), out);
			new SpecificDatumWriter<>(CatalogueEntry.class).write(entry, encoder);
			encoder.flush();
			return out.toString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
