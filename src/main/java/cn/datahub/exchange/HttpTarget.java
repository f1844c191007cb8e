package cn.datahub.exchange;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * An HTTP target: a batch goes through the target's own push-http route ({@code direct:push-<name>}) as a JSON
 * array of records in Avro's JSON encoding of the resource's schema, so the platform reads them back exactly with
 * the schema {@code GET /api/resources/{code}/schema} serves. The batch id travels percent-encoded (UTF-8), since
 * it carries the source file's name and HTTP headers are not UTF-8. The batch is confirmed only by a 2xx answer
 * ({@link PushAnswers}).
 */
class HttpTarget extends RoutedTarget {

	static final String RESOURCE_HEADER = "X-Resource-Code";

	static final String BATCH_HEADER = "X-Batch-Id";

	HttpTarget(TargetDefinition definition, ProducerTemplate producer) {
		super(definition, producer);
	}

	@Override
	public void deliver(TargetBatch batch) throws IOException {
		byte[] body = json(batch.schema(), batch.records());
		Exchange answer = producer().send(PushRoutes.endpoint(name()), exchange -> {
			exchange.getIn().setBody(body);
			exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
			exchange.getIn().setHeader(RESOURCE_HEADER, batch.resource().code());
			exchange.getIn().setHeader(BATCH_HEADER, URLEncoder.encode(batch.batchId(), StandardCharsets.UTF_8));
		});
		PushAnswers.check(answer, name(), batch.batchId());
	}

	static byte[] json(Schema schema, List<GenericRecord> records) throws IOException {
		return AvroJson.array(schema, new GenericDatumWriter<>(schema, RecordConverter.genericData()), records);
	}

}
