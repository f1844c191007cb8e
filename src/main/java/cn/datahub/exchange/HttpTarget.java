package cn.datahub.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.datahub.catalogue.Resource;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.http.base.HttpOperationFailedException;

/**
 * An HTTP target: a batch goes through the target's own push-http route ({@code direct:push-<name>}) as a JSON
 * array of records in Avro's JSON encoding of the resource's schema, so the platform reads them back exactly with
 * the schema {@code GET /api/resources/{code}/schema} serves. The batch id travels percent-encoded (UTF-8), since
 * it carries the source file's name and HTTP headers are not UTF-8. The batch is confirmed only by a 2xx answer; a 4xx
 * is a refusal ({@link TargetRefused}), anything else, after the route's retries, a failure to try again later.
 */
class HttpTarget implements Target {

	static final String RESOURCE_HEADER = "X-Resource-Code";

	static final String BATCH_HEADER = "X-Batch-Id";

	private static final int MAX_ANSWER = 500;

	private final TargetDefinition definition;

	private final ProducerTemplate producer;

	HttpTarget(TargetDefinition definition, ProducerTemplate producer) {
		this.definition = definition;
		this.producer = producer;
	}

	static String endpoint(String name) {
		return "direct:push-" + name;
	}

	@Override
	public String name() {
		return this.definition.name();
	}

	@Override
	public boolean masked() {
		return this.definition.masked();
	}

	@Override
	public void deliver(Resource resource, Schema schema, List<GenericRecord> records, String batchId) throws IOException {
		byte[] body = json(schema, records);
		Exchange answer = this.producer.send(endpoint(name()), exchange -> {
			exchange.getIn().setBody(body);
			exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
			exchange.getIn().setHeader(RESOURCE_HEADER, resource.code());
			exchange.getIn().setHeader(BATCH_HEADER, URLEncoder.encode(batchId, StandardCharsets.UTF_8));
		});
		HttpOperationFailedException refused = answer.getException(HttpOperationFailedException.class);
		if (refused != null && refused.getStatusCode() < 500) {
			throw new TargetRefused(name() + " answered HTTP " + refused.getStatusCode() + " to batch " + batchId + ": "
					+ abbreviate(refused.getResponseBody()), refused);
		}
		Integer status = answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
		if (answer.getException() != null || status == null || status / 100 != 2) {
			Throwable failure = answer.getException() == null ? null : rootCause(answer.getException());
			throw new IOException(name() + " did not take batch " + batchId + ": "
					+ (failure == null ? "no 2xx answer (circuit breaker open)" : failure.toString()), failure);
		}
	}

	static byte[] json(Schema schema, List<GenericRecord> records) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(schema, RecordConverter.genericData());
		out.write('[');
		JsonEncoder encoder = null;
		for (int i = 0; i < records.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			// One encoder a batch: it builds the schema's grammar when made; configured anew, it starts a new value.
			encoder = encoder == null ? EncoderFactory.get().jsonEncoder(schema, out) : encoder.configure(out);
			writer.write(records.get(i), encoder);
			encoder.flush();
		}
		out.write(']');
		return out.toByteArray();
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static String abbreviate(String answer) {
		if (answer == null || answer.isBlank()) {
			return "(no body)";
		}
		return answer.length() <= MAX_ANSWER ? answer : answer.substring(0, MAX_ANSWER) + "…";
	}

}
