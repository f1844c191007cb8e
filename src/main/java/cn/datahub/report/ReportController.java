package cn.datahub.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import cn.datahub.security.Guard;
import cn.datahub.system.BadParameter;
import cn.datahub.system.Page;
import cn.datahub.system.Paging;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' rate reports: {@code /api/reports/sharing}, {@code /openness} and {@code /coverage}, and the
 * resources behind each row.
 */
@RestController
@RequestMapping("/api/reports")
class ReportController {

	private final RateReports reports;

	private final ReportResources resources;

	private final Scopes scopes;

	private final RateSnapshots snapshots;

	private final RealtimeRates realtime;

	private final Guard guard;

	ReportController(RateReports reports, ReportResources resources, Scopes scopes, RateSnapshots snapshots,
			RealtimeRates realtime, Guard guard) {
		this.reports = reports;
		this.resources = resources;
		this.scopes = scopes;
		this.snapshots = snapshots;
		this.realtime = realtime;
		this.guard = guard;
	}

	/** The real-time collection and sharing rates, by department (default) or region. */
	@GetMapping("/realtime")
	RealtimeReport realtime(@RequestParam(defaultValue = "department") String groupBy, ScopeParameters scope) {
		return this.realtime.report(GroupBy.parse(groupBy), readable(this.scopes.of(scope)));
	}

	@GetMapping("/{metric}")
	RateReport report(@PathVariable String metric, @RequestParam(required = false) String groupBy,
			ScopeParameters scope, @RequestParam(defaultValue = "index") String source) {
		if (!source.equals("index") && !source.equals("database")) {
			throw new BadParameter("source", "Unknown source '" + source + "'; allowed: index, database");
		}
		return this.reports.report(Metric.parse("metric", metric), groupBy == null ? null : GroupBy.parse(groupBy),
				readable(this.scopes.of(scope)), source.equals("database"));
	}

	/** Takes the snapshot of {@code month} (default: the running month, as of today). */
	@PostMapping("/snapshots")
	ResponseEntity<SnapshotRun> snapshot(@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month) {
		this.guard.administrator("take rate snapshots");
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(this.snapshots.take(month == null ? YearMonth.from(this.scopes.today()) : month));
	}

	/** The monthly series of a region (with everything below it) or of a department, from the snapshots. */
	@GetMapping("/trend")
	Trend trend(@RequestParam(defaultValue = "sharing") String metric, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String providerCode,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to) {
		if ((regionCode == null) == (providerCode == null)) {
			throw new BadParameter("regionCode", "Give either regionCode or providerCode");
		}
		Scope scope = readable(this.scopes.of(regionCode, null, null, providerCode, null, true));
		YearMonth last = to == null ? YearMonth.from(this.scopes.today()) : to;
		YearMonth first = from == null ? last.minusMonths(11) : from;
		if (first.isAfter(last)) {
			throw new BadParameter("from", "from " + first + " is after to " + last);
		}
		Metric m = Metric.parse("metric", metric);
		String kind = providerCode != null ? "DEPARTMENT" : "REGION";
		String key = providerCode != null ? providerCode : regionCode;
		return new Trend(m.key(), kind.toLowerCase(Locale.ROOT), key, this.reports.scopeName(scope),
				this.snapshots.trend(m, kind, key, first, last));
	}

	@GetMapping("/{metric}/resources")
	Page<CountedResource> resources(@PathVariable String metric, @RequestParam(defaultValue = "denominator") String part,
			ScopeParameters scope, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Paging.check(page, size);
		Metric m = Metric.parse("metric", metric);
		// Coverage is counted from the open resources: its drill-down is openness's.
		return this.resources.list(m == Metric.COVERAGE ? Metric.OPENNESS : m, readable(this.scopes.of(scope)), Part.parse(part), page,
				size);
	}

	private Scope readable(Scope scope) {
		this.guard.reportReaderOf(scope.regionCode(), scope.providerCode());
		return scope;
	}

	/** A scope's monthly series. */
	record Trend(String metric, String scopeKind, String scopeKey, String name, List<TrendPoint> points) {
	}

}
