package cn.datahub.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.datahub.catalogue.Department;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.reference.ReferenceData;
import cn.datahub.catalogue.reference.Region;
import cn.datahub.security.Guard;
import cn.datahub.system.BadParameter;
import cn.datahub.system.HubProperties;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The request report ({@code GET /api/reports/requests}): satisfaction, overdue requests and the median decision
 * time of the providers in a region and below it, per provider department or per region, with the region's total.
 * Counted from the requests table as it stands today; a county's requests are a few thousand a year.
 */
@RestController
@RequestMapping("/api/reports/requests")
class RequestReportController {

	private final AccessRequests requests;

	private final Departments departments;

	private final ReferenceData reference;

	private final HubProperties hub;

	private final Guard guard;

	private final Clock clock;

	RequestReportController(AccessRequests requests, Departments departments, ReferenceData reference, HubProperties hub,
			Guard guard, Clock clock) {
		this.requests = requests;
		this.departments = departments;
		this.reference = reference;
		this.hub = hub;
		this.guard = guard;
		this.clock = clock;
	}

	@GetMapping
	RequestReport report(@RequestParam(required = false) String regionCode,
			@RequestParam(defaultValue = "department") String groupBy) {
		String region = regionCode != null ? regionCode : this.hub.regionCode();
		Region scope = this.reference.region(region).orElseThrow(() -> new BadParameter("regionCode",
				"Unknown regionCode '" + region + "': not a region of catalogue/regions.yaml"));
		if (!groupBy.equals("department") && !groupBy.equals("region")) {
			throw new BadParameter("groupBy", "Unknown groupBy '" + groupBy + "'; allowed: department, region");
		}
		this.guard.reportReaderOf(region, null);
		LocalDate today = LocalDate.now(this.clock);
		List<AccessRequest> all = this.requests.inRegions(this.reference.subtree(region));
		boolean byDepartment = groupBy.equals("department");
		Map<String, List<AccessRequest>> groups = all.stream().collect(Collectors.groupingBy(
				byDepartment ? AccessRequest::providerCode : AccessRequest::regionCode, TreeMap::new, Collectors.toList()));
		Function<String, String> name = byDepartment
				? code -> this.departments.find(code).map(Department::name).orElse(code)
				: code -> this.reference.region(code).map(Region::name).orElse(code);
		List<RequestReportRow> rows = groups.entrySet().stream()
			.map(group -> RequestReportRow.of(group.getKey(), name.apply(group.getKey()), group.getValue(), today))
			.toList();
		return new RequestReport(region, groupBy, today, RequestReportRow.of(region, scope.name(), all, today), rows);
	}

	/** The report of a region: its total and a row per provider department or region. */
	record RequestReport(String regionCode, String groupBy, LocalDate asOf, RequestReportRow total,
			List<RequestReportRow> rows) {
	}

}
