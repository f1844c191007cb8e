package cn.datahub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An exchange platform on the loopback interface that takes every batch POSTed to it and counts its records as
 * they stream in (the objects of the JSON array), keeping no body: a million records would not fit in a request
 * journal. Answers 200 to a JSON array, 400 to anything else.
 */
final class CountingPlatform implements AutoCloseable {

	private final HttpServer server;

	private final AtomicLong records = new AtomicLong();

	private final AtomicLong batches = new AtomicLong();

	private final AtomicLong bytes = new AtomicLong();

	CountingPlatform() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
		this.server.createContext("/", this::take);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/batches";
	}

	/** Forgets what it took so far: the counts start again from nothing. */
	void reset() {
		this.records.set(0);
		this.batches.set(0);
		this.bytes.set(0);
	}

	long records() {
		return this.records.get();
	}

	long batches() {
		return this.batches.get();
	}

	long bytes() {
		return this.bytes.get();
	}

	private void take(HttpExchange exchange) throws IOException {
		long counted = -1;
		try (InputStream body = exchange.getRequestBody()) {
			counted = count(body);
		}
		catch (IOException ex) {
			// a body cut short: refused below
		}
		int status = counted < 0 ? 400 : 200;
		if (counted >= 0) {
			this.records.addAndGet(counted);
			this.batches.incrementAndGet();
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/**
	 * The objects of a JSON array, or -1 if the body is not one: counted as they stream by, by their braces at the
	 * array's depth outside strings, not parsed. A platform is another machine; on one core this stub shares the
	 * hub's, and parsing the 663 MB a million records make took seconds of it.
	 */
	private long count(InputStream body) throws IOException {
		byte[] buffer = new byte[1 << 16];
		long objects = 0;
		int depth = 0;
		boolean inString = false;
		boolean escaped = false;
		boolean closed = false;
		for (int read = body.read(buffer); read > 0; read = body.read(buffer)) {
			this.bytes.addAndGet(read);
			for (int i = 0; i < read; i++) {
				byte b = buffer[i];
				if (inString) {
					inString = escaped || b != '"';
					escaped = !escaped && b == '\\';
				}
				else if (b == '"') {
					inString = true;
				}
				else if (b == '{' || b == '[') {
					if (depth == 0 && (b != '[' || closed)) {
						return -1;
					}
					objects += depth == 1 && b == '{' ? 1 : 0;
					depth++;
				}
				else if (b == '}' || b == ']') {
					depth--;
					closed = depth == 0;
				}
			}
		}
		return closed && !inString ? objects : -1;
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
