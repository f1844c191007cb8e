package cn.datahub.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses oversized JSON (and pushed CSV) bodies before they are read, so that a runaway client cannot exhaust memory; a body that
 * declares no length (chunked) is read up to the limit and no further. File uploads (multipart) have their own,
 * larger limit.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

	private final long limit;

	JsonBodyLimit(HubProperties properties) {
		this.limit = properties.maxJsonBodyBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type == null || !limited(type.toLowerCase(Locale.ROOT))) {
			chain.doFilter(request, response);
			return;
		}
		long length = request.getContentLengthLong();
		if (length > this.limit) {
			refuse(response);
			return;
		}
		if (length < 0) {
			// A chunked body declares no length: read one byte past the limit at most, then decide.
			byte[] body = request.getInputStream().readNBytes((int) Math.min(this.limit + 1, Integer.MAX_VALUE - 8));
			if (body.length > this.limit) {
				refuse(response);
				return;
			}
			chain.doFilter(new ReadBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** JSON, and the CSV a department system pushes; file uploads (multipart) have their own limit. */
	private static boolean limited(String type) {
		return type.contains("json") || type.startsWith("text/csv");
	}

	private void refuse(HttpServletResponse response) throws IOException {
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Request body too large\",\"status\":413,"
				+ "\"detail\":\"JSON and CSV request bodies are limited to " + this.limit + " bytes; send larger loads as "
				+ "files: catalogues through /api/resources/import, records into the resource's inbox\"}");
	}

	/** A request whose body has already been read, within the limit, and is replayed from memory. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		private final ByteArrayInputStream in;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
			this.in = new ByteArrayInputStream(body);
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = this.in;
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body has already been read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(getCharacterEncoding());
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

}
