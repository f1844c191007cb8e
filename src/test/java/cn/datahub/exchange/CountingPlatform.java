package cn.datahub.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An exchange platform on the loopback interface that takes every batch POSTed to it and counts its records as
 * they stream in (the objects of the JSON array, read with Jackson's streaming parser), keeping no body: a million
 * records would not fit in a request journal. Answers 200 to a JSON array, 400 to anything else.
 */
final class CountingPlatform implements AutoCloseable {

	private static final JsonFactory JSON = new JsonFactory();

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
			// not JSON: refused below
		}
		int status = counted < 0 ? 400 : 200;
		if (counted >= 0) {
			this.records.addAndGet(counted);
			this.batches.incrementAndGet();
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	/** The objects of a JSON array, or -1 if the body is not one. */
	private long count(InputStream body) throws IOException {
		CountingStream counting = new CountingStream(body);
		try (JsonParser parser = JSON.createParser(counting)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				return -1;
			}
			long n = 0;
			while (parser.nextToken() == JsonToken.START_OBJECT) {
				parser.skipChildren();
				n++;
			}
			this.bytes.addAndGet(counting.read);
			return parser.currentToken() == JsonToken.END_ARRAY ? n : -1;
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** Counts the bytes of a body as they pass. */
	private static final class CountingStream extends java.io.FilterInputStream {

		long read;

		CountingStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			this.read += b < 0 ? 0 : 1;
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			this.read += Math.max(n, 0);
			return n;
		}

	}

}
