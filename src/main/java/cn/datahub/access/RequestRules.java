package cn.datahub.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.datahub.catalogue.DataItem;
import cn.datahub.catalogue.Departments;
import cn.datahub.catalogue.InvalidInput;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.ShareType;
import cn.datahub.catalogue.Violation;
import cn.datahub.exchange.GrantTargets;

import org.springframework.stereotype.Component;

/**
 * The rules a request and an approval must keep, checked whole before anything is written, every broken rule named
 * by its field in English and Chinese.
 */
@Component
class RequestRules {

	private final Resources resources;

	private final Departments departments;

	private final AccessSettings settings;

	private final GrantTargets targets;

	RequestRules(Resources resources, Departments departments, AccessSettings settings, GrantTargets targets) {
		this.resources = resources;
		this.departments = departments;
		this.settings = settings;
		this.targets = targets;
	}

	/** The published, shared resource a valid request asks for; otherwise every broken rule. */
	Resource check(AccessRequestForm form, LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		Optional<Resource> resource = resource(form.resourceCode(), violations);
		if (blank(form.consumerCode())) {
			violations.add(new Violation("consumerCode", "consumerCode is required", "申请部门必填"));
		}
		else if (!this.departments.exists(form.consumerCode())) {
			violations.add(new Violation("consumerCode", "no department " + form.consumerCode() + " is registered",
					"未登记部门" + form.consumerCode()));
		}
		else if (resource.isPresent() && resource.get().providerCode().equals(form.consumerCode())) {
			violations.add(new Violation("consumerCode", "a department does not request its own resource",
					"部门无需申请本部门的资源"));
		}
		if (blank(form.purpose())) {
			violations.add(new Violation("purpose", "purpose is required: what the data is used for, and on what basis",
					"用途必填：说明数据用途及依据"));
		}
		resource.ifPresent(r -> checkFields("fields", form.fields(), items(r), violations));
		checkPeriod(form.validUntil(), today, today.plus(this.settings.maximumPeriod()), violations);
		violations.addAll(this.targets.check(form.deliveryUrl(), form.deliveryTarget()));
		if (!violations.isEmpty()) {
			throw new InvalidInput("Invalid access request", violations);
		}
		return resource.get();
	}

	/** An approval may narrow the items and shorten the period asked for, never widen them. */
	void checkApproval(Decision decision, AccessRequest request, LocalDate today) {
		List<Violation> violations = new ArrayList<>();
		if (decision.fields() != null) {
			checkFields("fields", decision.fields(), new HashSet<>(request.fields()), violations);
		}
		if (decision.validUntil() != null) {
			checkPeriod(decision.validUntil(), today, request.validUntil(), violations);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput("Invalid approval", violations);
		}
	}

	private Optional<Resource> resource(String code, List<Violation> violations) {
		if (blank(code)) {
			violations.add(new Violation("resourceCode", "resourceCode is required", "资源代码必填"));
			return Optional.empty();
		}
		Optional<Resource> found = this.resources.find(code);
		if (found.isEmpty()) {
			violations.add(new Violation("resourceCode", "no resource " + code + " in the catalogue", "目录中没有信息资源" + code));
			return Optional.empty();
		}
		Resource resource = found.get();
		if (resource.status() != ResourceStatus.PUBLISHED) {
			violations.add(new Violation("resourceCode", "resource " + code + " is " + resource.status()
					+ ": only published resources are requested", "信息资源" + code + "状态为" + resource.status().label()
					+ "，只能申请已发布的资源"));
			return Optional.empty();
		}
		if (resource.shareType() == ShareType.NOT_SHARED) {
			violations.add(new Violation("resourceCode", "resource " + code + " is not shared: " + resource.notSharedBasis(),
					"信息资源" + code + "不予共享，依据：" + resource.notSharedBasis()));
			return Optional.empty();
		}
		return found;
	}

	private static void checkFields(String field, List<String> fields, Set<String> allowed, List<Violation> violations) {
		if (fields == null || fields.isEmpty()) {
			violations.add(new Violation(field, field + " must name at least one data item", "至少须申请一个数据项"));
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < fields.size(); i++) {
			String name = fields.get(i);
			if (!allowed.contains(name)) {
				violations.add(new Violation(field + "[" + i + "]", "'" + name + "' is not one of " + allowed.stream()
					.sorted().collect(Collectors.joining(", ")), "“" + name + "”不在可选数据项之中"));
			}
			else if (!seen.add(name)) {
				violations.add(new Violation(field + "[" + i + "]", "'" + name + "' is named twice", "数据项“" + name + "”重复"));
			}
		}
	}

	private static void checkPeriod(LocalDate until, LocalDate today, LocalDate latest, List<Violation> violations) {
		if (until == null) {
			violations.add(new Violation("validUntil", "validUntil is required: the last day the data is used",
					"使用期限必填"));
		}
		else if (!until.isAfter(today)) {
			violations.add(new Violation("validUntil", "validUntil " + until + " is not after today, " + today,
					"使用期限" + until + "须晚于今天"));
		}
		else if (until.isAfter(latest)) {
			violations.add(new Violation("validUntil", "validUntil " + until + " is after " + latest
					+ ", the longest period allowed", "使用期限" + until + "超过允许的最长期限" + latest));
		}
	}

	private static Set<String> items(Resource resource) {
		return resource.items().stream().map(DataItem::name).collect(Collectors.toSet());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
