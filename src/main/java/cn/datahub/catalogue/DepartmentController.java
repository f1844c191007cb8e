package cn.datahub.catalogue;

import java.net.URI;
import java.util.List;

import cn.datahub.security.Guard;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/departments")
class DepartmentController {

	private final Catalogue catalogue;

	private final Departments departments;

	private final Guard guard;

	DepartmentController(Catalogue catalogue, Departments departments, Guard guard) {
		this.catalogue = catalogue;
		this.departments = departments;
		this.guard = guard;
	}

	@PostMapping
	ResponseEntity<Department> register(@RequestBody DepartmentForm form) {
		this.guard.administrator("register departments");
		Department department = this.catalogue.register(form);
		return ResponseEntity.created(URI.create("/api/departments/" + department.code())).body(department);
	}

	@GetMapping
	List<Department> list(@RequestParam(required = false) String regionCode) {
		return regionCode == null ? this.departments.findAll() : this.departments.findByRegion(regionCode);
	}

	@GetMapping("/{code}")
	Department get(@PathVariable String code) {
		return this.departments.find(code).orElseThrow(() -> new NotFound("Department", code));
	}

	@PutMapping("/{code}")
	Department update(@PathVariable String code, @RequestBody DepartmentForm form) {
		this.guard.registrarOf(code);
		return this.catalogue.updateDepartment(code, form);
	}

}
