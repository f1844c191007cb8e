package cn.datahub.exchange;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

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
		byte[] body = batch.json();
		Exchange answer = producer().send(PushRoutes.endpoint(name()), exchange -> {
			exchange.getIn().setBody(body);
			exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
			exchange.getIn().setHeader(RESOURCE_HEADER, batch.resource().code());
			exchange.getIn().setHeader(BATCH_HEADER, URLEncoder.encode(batch.batchId(), StandardCharsets.UTF_8));
		});
		PushAnswers.check(answer, name(), batch.batchId());
	}

}
