package cn.datahub.exchange.catalogue;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.datahub.catalogue.NotFound;
import cn.datahub.exchange.Platform;
import cn.datahub.exchange.Platforms;
import cn.datahub.system.BadParameter;
import cn.datahub.system.Page;
import cn.datahub.system.Paging;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalogue exchange as operators watch and steer it: each platform's push cursor (and resuming a held one),
 * harvests on demand, the entries harvested back and those skipped.
 */
@RestController
@RequestMapping("/api/exchange/catalogue")
class CatalogueExchangeController {

	private static final Pattern REGION = Pattern.compile("\\d{6}");

	private final Platforms platforms;

	private final PushCursors cursors;

	private final CatalogueHarvest harvest;

	private final HarvestedEntries harvested;

	private final HarvestRejections rejections;

	CatalogueExchangeController(Platforms platforms, PushCursors cursors, CatalogueHarvest harvest,
			HarvestedEntries harvested, HarvestRejections rejections) {
		this.platforms = platforms;
		this.cursors = cursors;
		this.harvest = harvest;
		this.harvested = harvested;
		this.rejections = rejections;
	}

	@GetMapping("/push")
	List<PushCursor> push() {
		return this.cursors.all();
	}

	/** Lets a held push go on: the refused batch is sent again, or with {@code skip=true} passed over. */
	@PostMapping("/push/{platform}/resume")
	PushCursor resume(@PathVariable String platform, @RequestParam(defaultValue = "false") boolean skip) {
		if (!this.cursors.resume(platform, skip)) {
			throw new NotFound("platform", platform);
		}
		return this.cursors.find(platform).orElseThrow();
	}

	/** Harvests one platform's catalogue of this region now, or every platform's. */
	@PostMapping("/harvest")
	List<HarvestReport> harvest(@RequestParam(required = false) String platform) {
		return (platform == null ? this.platforms.catalogues().stream().map(Platform::name).toList()
				: List.of(known(platform))).stream().map(this.harvest::harvest).toList();
	}

	@GetMapping("/harvested")
	Page<HarvestedEntry> harvested(@RequestParam(required = false) String platform,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) Boolean own,
			@RequestParam(required = false) Boolean drift, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Paging.check(page, size);
		if (regionCode != null && !REGION.matcher(regionCode).matches()) {
			throw new BadParameter("regionCode", "regionCode must be a six-digit region code (GB/T 2260), was '" + regionCode + "'");
		}
		return this.harvested.list(platform == null ? null : known(platform), regionCode, own, drift, page, size);
	}

	@GetMapping("/harvest-rejections")
	Page<HarvestRejections.HarvestRejection> rejections(@RequestParam(required = false) Long runId,
			@RequestParam(required = false) String platform, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		Paging.check(page, size);
		return this.rejections.list(runId, platform == null ? null : known(platform), page, size);
	}

	private String known(String platform) {
		if (this.platforms.catalogue(platform).isEmpty()) {
			throw new BadParameter("platform", "No platform '" + platform + "' exchanges the catalogue; known: "
					+ this.platforms.catalogues().stream().map(Platform::name).collect(Collectors.joining(", ")));
		}
		return platform;
	}

}
