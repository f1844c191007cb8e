package cn.datahub.exchange;

import java.util.ArrayList;
import java.util.List;

import cn.datahub.catalogue.Violation;

import org.springframework.stereotype.Service;

/**
 * The exchange's entry point for access grants: a grant's records reach the consumer through a target of its own,
 * limited to the granted items, which exists exactly while the grant is active.
 */
@Service
public class GrantTargets {

	private final ExchangeTargets targets;

	private final TargetDefinitions definitions;

	GrantTargets(ExchangeTargets targets, TargetDefinitions definitions) {
		this.targets = targets;
		this.definitions = definitions;
	}

	/**
	 * Checks where a consumer asks its granted records to go: an absolute http(s) URL, or a target added through
	 * the API (not a platform), not both.
	 */
	public List<Violation> check(String url, String basedOn) {
		List<Violation> violations = new ArrayList<>();
		if (url != null && basedOn != null) {
			violations.add(new Violation("deliveryTarget", "give deliveryUrl or deliveryTarget, not both",
					"接收地址与交换目标只能填写一项"));
		}
		if (url != null && !TargetValidator.isHttpUrl(url)) {
			violations.add(new Violation("deliveryUrl", "deliveryUrl must be an absolute http or https URL, was '" + url
					+ "'", "接收地址必须是完整的http或https地址"));
		}
		if (basedOn != null && this.definitions.find(basedOn).isEmpty()) {
			violations.add(new Violation("deliveryTarget", "no exchange target " + basedOn + " was added through the API",
					"没有名为" + basedOn + "的交换目标"));
		}
		return violations;
	}

	/** Starts delivering a grant; its target's route, if it has one, starts at once. */
	public void open(GrantDelivery grant) {
		TargetDefinition base = grant.basedOn() == null ? null : this.definitions.find(grant.basedOn()).orElse(null);
		TargetKind kind = base != null ? base.kind() : grant.url() != null ? TargetKind.HTTP : TargetKind.FILE;
		this.targets.add(new TargetDefinition(grant.name(), grant.nameZh(), kind,
				base != null ? base.url() : grant.url(), base != null ? base.timeoutMs() : null, grant.masked(),
				List.of(grant.resourceCode()), base != null ? base.jdbc() : null, grant.fields()));
	}

	/** Stops delivering a grant: its target and route are removed, nothing more flows. */
	public void close(String name) {
		if (this.definitions.find(name).isEmpty()) {
			return;
		}
		try {
			this.targets.remove(name);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot remove the target " + name + " of an ended grant", ex);
		}
	}

	/** Whether a grant's target is there, delivering. */
	public boolean delivers(String name) {
		return this.definitions.find(name).isPresent();
	}

}
