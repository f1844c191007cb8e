package cn.datahub.exchange;

import java.util.List;

import cn.datahub.catalogue.NotFound;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.Resources;
import cn.datahub.security.Guard;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Attachments (资源挂接) of department sources to published resources, with their health. Creating one starts its
 * route at once; deleting one stops and removes it.
 */
@RestController
@RequestMapping("/api/exchange/attachments")
class AttachmentController {

	private static final String NDJSON = "application/x-ndjson";

	private static final String JSON_LINES = "application/jsonl";

	private static final String CSV = "text/csv";

	private final Attachments attachments;

	private final AttachmentValidator validator;

	private final AttachmentRoutes routes;

	private final AttachmentPush push;

	private final Resources resources;

	private final Guard guard;

	AttachmentController(Attachments attachments, AttachmentValidator validator, AttachmentRoutes routes,
			AttachmentPush push, Resources resources, Guard guard) {
		this.attachments = attachments;
		this.validator = validator;
		this.routes = routes;
		this.push = push;
		this.resources = resources;
		this.guard = guard;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Attachment attach(@RequestBody AttachmentForm form) {
		Attachment attachment = this.attachments.add(this.validator.check(form));
		try {
			this.routes.start(attachment);
		}
		catch (RuntimeException ex) {
			this.attachments.remove(attachment.id());
			throw ex;
		}
		return attachment;
	}

	@GetMapping
	List<Attachment> list(@RequestParam(required = false) String resourceCode) {
		return this.attachments.list(resourceCode);
	}

	@GetMapping("/{id}")
	Attachment attachment(@PathVariable long id) {
		return this.attachments.find(id).orElseThrow(() -> new NotFound("attachment", String.valueOf(id)));
	}

	/**
	 * A department system's push to a PUSH attachment: a JSON array of records, JSON lines or CSV (UTF-8),
	 * answered once every target confirmed them. The department's own systems push with its registrar's account.
	 */
	@PostMapping(path = "/{id}/records", consumes = { MediaType.APPLICATION_JSON_VALUE, NDJSON, JSON_LINES, CSV })
	PushReceipt records(@PathVariable long id, @RequestBody byte[] body,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE) MediaType type,
			@RequestHeader(name = "X-Batch-Id", required = false) String batchId) {
		this.guard.supplierOf(this.resources.find(attachment(id).resourceCode()).map(Resource::providerCode).orElse(null));
		String format = type.isCompatibleWith(MediaType.APPLICATION_JSON) ? "json"
				: type.isCompatibleWith(MediaType.parseMediaType(CSV)) ? "csv" : "jsonl";
		return this.push.receive(id, format, body, batchId);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void detach(@PathVariable long id) throws Exception {
		Attachment attachment = attachment(id);
		this.routes.stop(attachment);
		this.attachments.remove(id);
	}

}
