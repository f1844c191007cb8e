package cn.datahub.exchange;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import cn.datahub.catalogue.InvalidInput;
import cn.datahub.catalogue.ResourceStatus;
import cn.datahub.catalogue.Resources;
import cn.datahub.catalogue.Violation;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Checks an attachment when it is created, so that what would fail at the first poll (an unpublished resource, a
 * malformed URL, a datasource that is not configured, a column that does not exist) is refused now with every
 * field at fault named. Returns the form with its defaults filled in.
 */
@Component
class AttachmentValidator {

	private static final Set<String> KINDS = Set.of(Attachment.HTTP, Attachment.JDBC, Attachment.FILE, Attachment.PUSH);

	private static final Set<String> FORMATS = Set.of("JSON", "CSV");

	static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}(\\.[A-Za-z_][A-Za-z0-9_]{0,63})?");

	private static final int DEFAULT_PAGE_SIZE = 500;

	private static final int MAX_PAGE_SIZE = 10000;

	private final Resources resources;

	private final DepartmentDatabases databases;

	AttachmentValidator(Resources resources, DepartmentDatabases databases) {
		this.resources = resources;
		this.databases = databases;
	}

	AttachmentForm check(AttachmentForm form) {
		List<Violation> violations = new ArrayList<>();
		published(form.resourceCode(), violations);
		String kind = form.kind() == null ? null : form.kind().toUpperCase(Locale.ROOT);
		AttachmentForm checked = new AttachmentForm(form.resourceCode(), kind, null, null, null);
		if (kind == null || !KINDS.contains(kind)) {
			violations.add(new Violation("kind", "Unknown kind '" + form.kind() + "'; allowed: HTTP, JDBC, FILE, PUSH",
					"挂接方式须为 HTTP、JDBC、FILE 或 PUSH"));
		}
		else if (kind.equals(Attachment.HTTP)) {
			checked = new AttachmentForm(form.resourceCode(), kind, http(form.http(), violations), null, null);
		}
		else if (kind.equals(Attachment.JDBC)) {
			checked = new AttachmentForm(form.resourceCode(), kind, null, jdbc(form.jdbc(), violations), null);
		}
		else if (kind.equals(Attachment.FILE)) {
			checked = new AttachmentForm(form.resourceCode(), kind, null, null, folder(form.file(), violations));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput("Invalid attachment", violations);
		}
		return checked;
	}

	private void published(String code, List<Violation> violations) {
		if (code == null || code.isBlank()) {
			violations.add(required("resourceCode", "资源代码"));
		}
		else if (this.resources.find(code).filter(r -> r.status() == ResourceStatus.PUBLISHED).isEmpty()) {
			violations.add(new Violation("resourceCode", "Resource " + code + " is not a published resource",
					"资源 " + code + " 不是已发布的资源"));
		}
	}

	private static AttachmentForm.Http http(AttachmentForm.Http http, List<Violation> violations) {
		if (http == null) {
			violations.add(required("http", "HTTP 接口设置"));
			return null;
		}
		if (http.url() == null || http.url().isBlank()) {
			violations.add(required("http.url", "接口地址"));
		}
		else if (!webAddress(http.url())) {
			violations.add(new Violation("http.url", "Not an absolute http(s) URL: " + http.url(),
					"接口地址不是有效的 http(s) 地址：" + http.url()));
		}
		String format = http.format() == null ? "JSON" : http.format().toUpperCase(Locale.ROOT);
		if (!FORMATS.contains(format)) {
			violations.add(new Violation("http.format", "Unknown format '" + http.format() + "'; allowed: JSON, CSV",
					"数据格式须为 JSON 或 CSV"));
		}
		if (http.recordsPath() != null && !http.recordsPath().isEmpty() && !http.recordsPath().startsWith("/")) {
			violations.add(new Violation("http.recordsPath", "Not a JSON pointer (it starts with /): " + http.recordsPath(),
					"记录路径须为以 / 开头的 JSON 指针"));
		}
		int pageSize = http.pageSize() == null ? DEFAULT_PAGE_SIZE : http.pageSize();
		if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			violations.add(new Violation("http.pageSize", "Page size must be between 1 and " + MAX_PAGE_SIZE,
					"每页条数须在 1 到 " + MAX_PAGE_SIZE + " 之间"));
		}
		if (blank(http.watermarkParameter()) != blank(http.watermarkField())) {
			String field = blank(http.watermarkParameter()) ? "http.watermarkParameter" : "http.watermarkField";
			violations.add(new Violation(field, "watermarkParameter and watermarkField go together",
					"增量参数与增量字段须同时设置"));
		}
		return new AttachmentForm.Http(http.url(), format, http.recordsPath(), http.pageParameter(), http.sizeParameter(),
				pageSize, http.firstPage() == null ? 1 : http.firstPage(), http.watermarkParameter(), http.watermarkField());
	}

	private AttachmentForm.Jdbc jdbc(AttachmentForm.Jdbc jdbc, List<Violation> violations) {
		if (jdbc == null) {
			violations.add(required("jdbc", "数据库设置"));
			return null;
		}
		int before = violations.size();
		if (blank(jdbc.datasource())) {
			violations.add(required("jdbc.datasource", "数据源"));
		}
		else if (!this.databases.knows(jdbc.datasource())) {
			violations.add(new Violation("jdbc.datasource", "No datasource '" + jdbc.datasource()
					+ "' in hub.exchange.sources.datasources", "配置中没有数据源“" + jdbc.datasource() + "”"));
		}
		if (blank(jdbc.table()) == blank(jdbc.query())) {
			violations.add(new Violation("jdbc.table", "Give either a table or a query", "须给出表名或查询语句之一"));
		}
		else if (!blank(jdbc.table()) && !IDENTIFIER.matcher(jdbc.table()).matches()) {
			violations.add(new Violation("jdbc.table", "Not a table name: " + jdbc.table(), "表名无效：" + jdbc.table()));
		}
		else if (!blank(jdbc.query()) && !jdbc.query().strip().toLowerCase(Locale.ROOT).startsWith("select ")) {
			violations.add(new Violation("jdbc.query", "The query must be a select", "查询语句须为 select 语句"));
		}
		if (blank(jdbc.incrementalColumn()) || !IDENTIFIER.matcher(jdbc.incrementalColumn()).matches()) {
			violations.add(new Violation("jdbc.incrementalColumn", "An update-time or sequence column is required",
					"须给出更新时间或序号列"));
		}
		if (violations.size() == before) {
			tryQuery(jdbc, violations);
		}
		return jdbc;
	}

	/** Asks the database for no rows of the source, so a wrong table or column is found now. */
	private void tryQuery(AttachmentForm.Jdbc jdbc, List<Violation> violations) {
		try {
			this.databases.template(jdbc.datasource(), 1).orElseThrow()
				.queryForList(JdbcRows.probe(jdbc));
		}
		catch (DataAccessException ex) {
			String field = blank(jdbc.table()) ? "jdbc.query" : "jdbc.table";
			violations.add(new Violation(field, "The datasource cannot read this source: " + ex.getMostSpecificCause().getMessage(),
					"数据源无法读取该表或查询"));
		}
	}

	private static AttachmentForm.Folder folder(AttachmentForm.Folder folder, List<Violation> violations) {
		if (folder == null || blank(folder.path())) {
			violations.add(required("file.path", "文件夹路径"));
			return folder;
		}
		try {
			Path path = Path.of(folder.path());
			if (!path.isAbsolute() || Files.isRegularFile(path)) {
				violations.add(new Violation("file.path", "Not an absolute folder path: " + folder.path(),
						"文件夹路径须为绝对路径：" + folder.path()));
			}
		}
		catch (InvalidPathException ex) {
			violations.add(new Violation("file.path", "Not a path: " + folder.path(), "文件夹路径无效：" + folder.path()));
		}
		return folder;
	}

	private static boolean webAddress(String url) {
		try {
			URI uri = new URI(url);
			return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static Violation required(String field, String titleZh) {
		return new Violation(field, field + " is required", titleZh + "不能为空");
	}

}
