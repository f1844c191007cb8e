package cn.datahub.exchange;

import java.util.List;

import cn.datahub.catalogue.NotFound;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
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

	private final Attachments attachments;

	private final AttachmentValidator validator;

	private final AttachmentRoutes routes;

	AttachmentController(Attachments attachments, AttachmentValidator validator, AttachmentRoutes routes) {
		this.attachments = attachments;
		this.validator = validator;
		this.routes = routes;
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

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void detach(@PathVariable long id) throws Exception {
		Attachment attachment = attachment(id);
		this.routes.stop(attachment);
		this.attachments.remove(id);
	}

}
