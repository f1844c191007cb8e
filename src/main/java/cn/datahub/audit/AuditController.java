package cn.datahub.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.security.Caller;
import cn.datahub.security.Guard;
import cn.datahub.security.Role;
import cn.datahub.system.HubProperties;
import cn.datahub.system.Page;
import cn.datahub.system.Paging;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail as auditors read, export and verify it. An auditor of the hub's region, or of a region above it,
 * reads the whole trail; an auditor of a region below the hub's reads the entries of its region's departments only
 * (not the hub's own work, nor logins of no department), and cannot verify the chain, which spans everyone's.
 */
@RestController
@RequestMapping("/api/audit")
class AuditController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final AuditLog log;

	private final ChainCheck check;

	private final Guard guard;

	private final ReferenceData reference;

	private final HubProperties hub;

	AuditController(AuditLog log, ChainCheck check, Guard guard, ReferenceData reference, HubProperties hub) {
		this.log = log;
		this.check = check;
		this.guard = guard;
		this.reference = reference;
		this.hub = hub;
	}

	@GetMapping
	Page<AuditEntry> list(AuditParameters parameters, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Paging.check(page, size);
		return this.log.find(readable(parameters.filter(this.hub.zone())), page, size);
	}

	/**
	 * Written to the response as it is read, so that a trail of any length is exported without holding it in memory;
	 * on the request's own thread, where the caller is known (an asynchronous body would be written on another).
	 */
	@GetMapping("/export")
	void export(AuditParameters parameters, HttpServletResponse response) throws IOException {
		AuditFilter filter = readable(parameters.filter(this.hub.zone()));
		response.setContentType(CSV.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("审计日志.csv", StandardCharsets.UTF_8).build().toString());
		try (AuditCsv csv = new AuditCsv(response.getOutputStream())) {
			this.log.forEach(filter, csv::write);
		}
	}

	@GetMapping("/verify")
	Verification verify() {
		this.guard.auditorOf(this.hub.regionCode());
		return this.check.verify();
	}

	/** The filter limited to what the caller may read; refused unless it is an auditor of the hub or below it. */
	private AuditFilter readable(AuditFilter filter) {
		Caller caller = this.guard.caller();
		String region = caller.regionCode();
		boolean belowHub = caller.has(Role.AUDITOR) && region != null && !region.equals(this.hub.regionCode())
				&& this.reference.regionPath(region).contains(this.hub.regionCode());
		if (!belowHub) {
			this.guard.auditorOf(this.hub.regionCode());
			return filter;
		}
		this.guard.auditorOf(region);
		Set<String> regions = this.reference.subtree(region);
		return filter.within(regions);
	}

}
