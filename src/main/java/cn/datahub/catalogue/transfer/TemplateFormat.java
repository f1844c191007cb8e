package cn.datahub.catalogue.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import cn.datahub.system.BadParameter;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The file formats the template travels in.
 */
enum TemplateFormat {

	XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),

	CSV("csv", "text/csv");

	private final String extension;

	private final MediaType mediaType;

	TemplateFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = MediaType.parseMediaType(mediaType);
	}

	String extension() {
		return this.extension;
	}

	MediaType mediaType() {
		return this.mediaType;
	}

	TemplateReader reader() {
		return this == XLSX ? new XlsxTemplateReader() : new CsvTemplateReader();
	}

	/** @param instructions the rows of the 填写说明 sheet, which only a workbook can carry */
	TemplateWriter writer(OutputStream out, List<List<String>> instructions) throws IOException {
		return this == XLSX ? new XlsxTemplateWriter(out, instructions) : new CsvTemplateWriter(out);
	}

	/**
	 * The format of an upload, from its file name or else its content type: browsers and scripts do not agree on
	 * the content type of a CSV file, but the extension is what the compiler chose.
	 * @throws UnsupportedFileType for anything but .xlsx and .csv
	 */
	static TemplateFormat ofUpload(String fileName, String contentType) {
		String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
		Optional<TemplateFormat> byName = Arrays.stream(values()).filter(f -> name.endsWith("." + f.extension)).findFirst();
		if (byName.isPresent() || name.contains(".")) {
			return byName.orElseThrow(() -> new UnsupportedFileType(fileName));
		}
		return Arrays.stream(values()).filter(f -> f.mediaType.includes(mediaType(contentType))).findFirst()
			.orElseThrow(() -> new UnsupportedFileType(fileName));
	}

	private static MediaType mediaType(String contentType) {
		try {
			return contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	static TemplateFormat ofParameter(String value) {
		return Arrays.stream(values()).filter(f -> f.extension.equalsIgnoreCase(value)).findFirst()
			.orElseThrow(() -> new BadParameter("format", "format must be xlsx or csv"));
	}

}
