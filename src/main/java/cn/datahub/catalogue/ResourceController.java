package cn.datahub.catalogue;

import java.net.URI;
import java.util.List;

import cn.datahub.security.Guard;
import cn.datahub.system.Page;
import cn.datahub.system.Paging;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/resources")
class ResourceController {

	private final Catalogue catalogue;

	private final Resources resources;

	private final ResourceHistory history;

	private final Departments departments;

	private final Guard guard;

	ResourceController(Catalogue catalogue, Resources resources, ResourceHistory history, Departments departments,
			Guard guard) {
		this.catalogue = catalogue;
		this.resources = resources;
		this.history = history;
		this.departments = departments;
		this.guard = guard;
	}

	@PostMapping
	ResponseEntity<Resource> create(@RequestBody ResourceForm form) {
		this.guard.registrarOf(form.providerCode());
		Resource resource = this.catalogue.create(form);
		return ResponseEntity.created(URI.create("/api/resources/" + resource.code())).body(resource);
	}

	@GetMapping
	Page<Resource> list(@RequestParam(required = false) String providerCode, @RequestParam(required = false) ResourceStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		Paging.check(page, size);
		if (status != ResourceStatus.PUBLISHED && !this.guard.seesWholeCatalogue()) {
			this.guard.readerOf(providerCode);
		}
		ResourceQuery query = new ResourceQuery(providerCode, status, page, size);
		return new Page<>(this.resources.count(query), page, size, this.resources.list(query));
	}

	@GetMapping("/{code}")
	Resource get(@PathVariable String code) {
		Resource resource = this.resources.find(code).orElseThrow(() -> new NotFound("Resource", code));
		if (resource.status() != ResourceStatus.PUBLISHED) {
			this.guard.readerOf(resource.providerCode());
		}
		return resource;
	}

	@PutMapping("/{code}")
	Resource update(@PathVariable String code, @RequestBody ResourceForm form) {
		maintained(code);
		this.guard.registrarOf(form.providerCode());
		return this.catalogue.update(code, form);
	}

	@PostMapping("/{code}/publish")
	Resource publish(@PathVariable String code) {
		maintained(code);
		return this.catalogue.moveTo(code, ResourceStatus.PUBLISHED);
	}

	@PostMapping("/{code}/retire")
	Resource retire(@PathVariable String code) {
		maintained(code);
		return this.catalogue.moveTo(code, ResourceStatus.RETIRED);
	}

	@DeleteMapping("/{code}")
	ResponseEntity<Void> deleteDraft(@PathVariable String code) {
		maintained(code);
		this.catalogue.deleteDraft(code);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{code}/history")
	List<HistoryEntry> history(@PathVariable String code) {
		get(code);
		return this.history.of(code);
	}

	/** The Avro record schema derived from the resource's data items. */
	@GetMapping(path = "/{code}/schema", produces = MediaType.APPLICATION_JSON_VALUE)
	String schema(@PathVariable String code) {
		get(code);
		return this.resources.avroSchema(code).orElseThrow(() -> new NotFound("Resource", code));
	}

	/** The resource as the Avro CatalogueEntry sent to the upper platforms, in Avro's JSON encoding. */
	@GetMapping(path = "/{code}/catalogue-entry", produces = MediaType.APPLICATION_JSON_VALUE)
	String catalogueEntry(@PathVariable String code) {
		Resource resource = get(code);
		return CatalogueEntries.toJson(CatalogueEntries.of(resource, this.departments.find(resource.providerCode()).orElseThrow()));
	}

	/** A change to an existing resource is its own department's (or an admin's): checked before anything is read. */
	private void maintained(String code) {
		this.resources.find(code).ifPresent(resource -> this.guard.registrarOf(resource.providerCode()));
	}

}
