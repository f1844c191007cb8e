package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.security.Guard;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/resources")
class TransferController {

	private final CatalogueImporter importer;

	private final CatalogueExporter exporter;

	private final Clock clock;

	private final Guard guard;

	TransferController(CatalogueImporter importer, CatalogueExporter exporter, Clock clock, Guard guard) {
		this.importer = importer;
		this.exporter = exporter;
		this.clock = clock;
		this.guard = guard;
	}

	/** Imports a filled-in template; with {@code providerCode}, a department's upload of its own catalogue. */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ImportSummary importFile(@RequestParam MultipartFile file, @RequestParam(required = false) String providerCode)
			throws IOException {
		if (providerCode == null) {
			this.guard.administrator("import a catalogue of several departments");
		}
		else {
			this.guard.registrarOf(providerCode);
		}
		String fileName = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "the upload"
				: file.getOriginalFilename();
		TemplateFormat format = TemplateFormat.ofUpload(fileName, file.getContentType());
		try (InputStream in = file.getInputStream()) {
			return this.importer.importFile(fileName, format, in, providerCode);
		}
	}

	/**
	 * Streams the catalogue as a template file, written straight to the response so that a large export needs
	 * neither a buffer nor an asynchronous request that could time out.
	 */
	@GetMapping("/export")
	void export(@RequestParam(defaultValue = "xlsx") String format, @RequestParam(required = false) String providerCode,
			@RequestParam(required = false) ResourceStatus status, HttpServletResponse response) throws IOException {
		if (status != ResourceStatus.PUBLISHED && !this.guard.seesWholeCatalogue()) {
			this.guard.readerOf(providerCode);
		}
		TemplateFormat templateFormat = TemplateFormat.ofParameter(format);
		String fileName = "信息资源目录-" + LocalDate.now(this.clock).format(DateTimeFormatter.BASIC_ISO_DATE) + "."
				+ templateFormat.extension();
		response.setContentType(templateFormat == TemplateFormat.CSV ? "text/csv;charset=UTF-8"
				: templateFormat.mediaType().toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		this.exporter.export(templateFormat, providerCode, status, response.getOutputStream());
	}

}
