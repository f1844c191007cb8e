package cn.datahub.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hub's answer to a pushed batch, once every target confirmed it: how many records came, how many were
 * refused and why (the first {@value #MAX_REJECTIONS}; all are in the dead-letter store), and how many each
 * target received (0 for those it had confirmed before).
 */
record PushReceipt(long attachmentId, String resourceCode, String batchId, long received, long rejected,
		Map<String, Long> delivered, List<Rejected> rejections, String deadLetters) {

	static final int MAX_REJECTIONS = 100;

	static PushReceipt of(Attachment attachment, String batchId, long received,
			Map<String, ExchangePipeline.Counts> counts, List<DeadLetter> letters) {
		Map<String, Long> delivered = new LinkedHashMap<>();
		counts.forEach((target, c) -> delivered.put(target, c.out));
		long rejected = counts.values().stream().findFirst().map(c -> c.rejected).orElse(0L);
		return new PushReceipt(attachment.id(), attachment.resourceCode(), batchId, received, rejected, delivered,
				letters.stream().map(d -> new Rejected(d.line(), d.field(), d.reason(), d.reasonZh(), d.id())).toList(),
				"/api/exchange/dead-letters?resourceCode=" + attachment.resourceCode() + "&status=OPEN");
	}

	/** A refused record: its position in the batch (line, or CSV line with the header as 1) and why. */
	record Rejected(long line, String field, String reason, String reasonZh, long deadLetterId) {
	}

}
