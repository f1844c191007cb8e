package cn.datahub.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.datahub.audit.AuditTrail;
import cn.datahub.catalogue.CatalogueConflict;
import cn.datahub.catalogue.InvalidInput;
import cn.datahub.catalogue.NotFound;
import cn.datahub.catalogue.Resource;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.Violation;
import org.apache.camel.ProducerTemplate;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The targets a resource's records go to: the file outbox, {@code <outbox>/file-outbox/<resourceCode>/}, unmasked
 * (the hub's own exchange store); the connected exchange platforms of {@code config/platforms.yaml}; and the
 * targets added at run time. Adding or deleting a target adds or removes its route at once, and is audited in the
 * transaction that stores it.
 */
@Service
class ExchangeTargets {

	static final String FILE_OUTBOX = "file-outbox";

	/** The hub's own exchange store: every published resource, every item, unmasked. */
	private static final TargetDefinition OUTBOX = new TargetDefinition(FILE_OUTBOX, "文件发件箱", TargetKind.FILE, null,
			null, false, List.of(), null, List.of()).withDefaults();

	private final RoutedTarget outbox;

	private final Platforms platforms;

	private final TargetDefinitions definitions;

	private final PushRoutes routes;

	private final Resources resources;

	private final ProducerTemplate producer;

	private final TargetTables tables;

	private final AuditTrail audit;

	ExchangeTargets(Platforms platforms, TargetDefinitions definitions, PushRoutes routes,
			Resources resources, ProducerTemplate producer, TargetTables tables, AuditTrail audit) {
		this.outbox = new RoutedTarget(OUTBOX, producer);
		this.platforms = platforms;
		this.definitions = definitions;
		this.routes = routes;
		this.resources = resources;
		this.producer = producer;
		this.tables = tables;
		this.audit = audit;
	}

	/** Before the inbox starts, so that the first file finds every target's route. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void startRoutes() {
		this.routes.add(OUTBOX);
		all().forEach(this.routes::add);
	}

	List<Target> of(Resource resource) {
		List<Target> targets = new ArrayList<>();
		targets.add(this.outbox);
		all().filter(t -> t.appliesTo(resource.code())).map(this::target).forEach(targets::add);
		return targets;
	}

	/** The platforms and the targets added at run time. */
	Stream<TargetDefinition> all() {
		return Stream.concat(this.platforms.connected().stream(), this.definitions.all().stream());
	}

	@Transactional
	TargetDefinition add(TargetDefinition definition) {
		List<Violation> violations = new ArrayList<>(new TargetValidator(code -> this.resources.find(code).isPresent(),
				this.tables).check(definition));
		violations.addAll(TargetValidator.checkFields(definition, this.resources::find));
		if (!violations.isEmpty()) {
			throw new InvalidInput("Invalid target", violations);
		}
		TargetDefinition target = definition.withDefaults();
		if (reserved(target.name()) || this.definitions.find(target.name()).isPresent()) {
			throw duplicate(target.name());
		}
		try {
			this.definitions.add(target);
		}
		catch (DuplicateKeyException ex) {
			throw duplicate(target.name());
		}
		this.audit.changed("target.create", "target:" + target.name(), null, target);
		this.routes.add(target);
		return target;
	}

	@Transactional
	void remove(String name) throws Exception {
		if (reserved(name)) {
			throw new CatalogueConflict("name", name + " is defined in the hub's configuration, not through the API",
					name + "由配置文件定义，不能通过接口删除");
		}
		TargetDefinition before = this.definitions.find(name).orElseThrow(() -> new NotFound("target", name));
		if (!this.definitions.remove(name)) {
			throw new NotFound("target", name);
		}
		this.audit.changed("target.delete", "target:" + name, before, null);
		this.routes.remove(name);
	}

	private static CatalogueConflict duplicate(String name) {
		return new CatalogueConflict("name", "a target named " + name + " exists already", "已存在名为" + name + "的交换目标");
	}

	private boolean reserved(String name) {
		return FILE_OUTBOX.equals(name) || this.platforms.defines(name);
	}

	private Target target(TargetDefinition definition) {
		return switch (definition.kind()) {
			case HTTP -> new HttpTarget(definition, this.producer);
			case JDBC, FILE -> new RoutedTarget(definition, this.producer);
		};
	}

}
