package cn.datahub.exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.Violation;

/**
 * Checks a target definition whole before anything uses it, so a target that cannot work is refused when it is
 * defined (or the hub does not start) rather than failing at the first batch at night.
 */
final class TargetValidator {

	/** Names become route ids, endpoint names and folder names. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private static final int MAX_TIMEOUT_MS = 600_000;

	private final Predicate<String> resourceExists;

	private final TargetTables tables;

	/**
	 * @param resourceExists whether a resource code is in the catalogue; targets may only name those
	 * @param tables checks a JDBC target's table; null for the platforms file, whose platforms are HTTP targets
	 */
	TargetValidator(Predicate<String> resourceExists, TargetTables tables) {
		this.resourceExists = resourceExists;
		this.tables = tables;
	}

	List<Violation> check(TargetDefinition target) {
		List<Violation> violations = new ArrayList<>();
		checkNames(target.name(), target.nameZh(), violations);
		if (target.kind() == null) {
			violations.add(new Violation("kind", "kind is required: HTTP, FILE or JDBC", "类型必填：HTTP、FILE或JDBC"));
		}
		else if (target.kind() == TargetKind.HTTP && !isHttpUrl(target.url())) {
			violations.add(new Violation("url", "url must be an absolute http or https URL, was '" + target.url() + "'",
					"HTTP目标的地址必须是完整的http或https地址"));
		}
		else if (target.kind() == TargetKind.FILE && target.url() != null) {
			violations.add(new Violation("url", "a FILE target writes to the outbox and takes no url",
					"文件目标写入发件箱，不能设置地址"));
		}
		else if (target.kind() == TargetKind.JDBC && target.url() != null) {
			violations.add(new Violation("url", "a JDBC target writes to a table and takes no url",
					"数据库目标写入数据表，不能设置地址"));
		}
		else if (target.kind() == TargetKind.JDBC) {
			violations.addAll(this.tables.check(target.jdbc()));
		}
		checkTimeout(target.timeoutMs(), violations);
		List<String> resources = target.resources() == null ? List.of() : target.resources();
		for (int i = 0; i < resources.size(); i++) {
			if (resources.get(i) == null || !this.resourceExists.test(resources.get(i))) {
				violations.add(new Violation("resources[" + i + "]", "no resource " + resources.get(i) + " in the catalogue",
						"目录中没有信息资源" + resources.get(i)));
			}
		}
		return violations;
	}

	/**
	 * A target limited to some items (a consumer's grant) names the resources it receives, and each of them has
	 * every one of those items.
	 */
	static List<Violation> checkFields(TargetDefinition target, Function<String, Optional<Resource>> resources) {
		List<String> fields = target.fields() == null ? List.of() : target.fields();
		List<String> codes = target.resources() == null ? List.of() : target.resources();
		if (fields.isEmpty()) {
			return List.of();
		}
		if (codes.isEmpty()) {
			return List.of(new Violation("fields", "a target limited to some fields names the resources it receives",
					"限定数据项的交换目标须指明资源"));
		}
		List<Violation> violations = new ArrayList<>();
		for (String code : codes) {
			Set<String> items = resources.apply(code).map(r -> r.items().stream().map(DataItem::name)
				.collect(Collectors.toSet())).orElse(Set.of());
			fields.stream().filter(f -> !items.contains(f)).forEach(f -> violations.add(new Violation("fields",
					"resource " + code + " has no item " + f, "资源" + code + "没有数据项" + f)));
		}
		return violations;
	}

	/**
	 * A platform of {@code config/platforms.yaml}: as a target when it takes records; its catalogue URLs, when set,
	 * must be http or https too.
	 */
	List<Violation> check(Platform platform) {
		List<Violation> violations = new ArrayList<>();
		if (platform.takesRecords()) {
			violations.addAll(check(platform.target()));
		}
		else {
			checkNames(platform.name(), platform.nameZh(), violations);
			checkTimeout(platform.timeoutMs(), violations);
		}
		checkOptionalUrl("catalogueUrl", platform.catalogueUrl(), "目录接口地址", violations);
		checkOptionalUrl("harvestUrl", platform.harvestUrl(), "目录采集地址", violations);
		return violations;
	}

	private static void checkNames(String name, String nameZh, List<Violation> violations) {
		if (name == null || !NAME.matcher(name).matches()) {
			violations.add(new Violation("name", "name is required: lower-case letters, digits and '-', at most 63",
					"名称必填：小写字母、数字和“-”，不超过63个字符"));
		}
		if (nameZh == null || nameZh.isBlank()) {
			violations.add(new Violation("nameZh", "nameZh (the Chinese name) is required", "中文名称必填"));
		}
	}

	private static void checkTimeout(Integer timeoutMs, List<Violation> violations) {
		if (timeoutMs != null && (timeoutMs < 100 || timeoutMs > MAX_TIMEOUT_MS)) {
			violations.add(new Violation("timeoutMs", "timeoutMs must be between 100 and " + MAX_TIMEOUT_MS,
					"超时时间须在100到" + MAX_TIMEOUT_MS + "毫秒之间"));
		}
	}

	private static void checkOptionalUrl(String field, String url, String nameZh, List<Violation> violations) {
		if (url != null && !url.isBlank() && !isHttpUrl(url)) {
			violations.add(new Violation(field, field + " must be an absolute http or https URL, was '" + url + "'",
					nameZh + "必须是完整的http或https地址"));
		}
	}

	static boolean isHttpUrl(String url) {
		if (url == null) {
			return false;
		}
		try {
			URI uri = new URI(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
