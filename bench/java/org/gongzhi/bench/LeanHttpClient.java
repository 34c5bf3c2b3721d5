package org.gongzhi.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 client for load generation: one keep-alive connection per calling thread, requests written as
 * prepared bytes, answers read only far enough to know the status and where the body ends (Content-Length or chunked).
 * The JDK's HttpClient spends about a millisecond of CPU per request, which on a 2-core machine is taken from the
 * application under test; this client spends a few microseconds besides the system calls. Not thread-safe: give each
 * load thread its own.
 */
final class LeanHttpClient implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	private final byte[] line = new byte[8192];

	LeanHttpClient(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** Prepared request bytes: a POST of a JSON body with a bearer token. */
	static byte[] post(String host, int port, String path, String token, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: Bearer " + token
				+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length
				+ "\r\n\r\n";
		byte[] h = head.getBytes(StandardCharsets.US_ASCII);
		byte[] request = new byte[h.length + body.length];
		System.arraycopy(h, 0, request, 0, h.length);
		System.arraycopy(body, 0, request, h.length, body.length);
		return request;
	}

	/** Sends the request and reads the whole answer; the HTTP status, or -1 when the connection failed. */
	int send(byte[] request) {
		for (int attempt = 0; attempt < 2; attempt++) {
			try {
				if (socket == null) {
					connect();
				}
				out.write(request);
				out.flush();
				return readResponse();
			}
			catch (IOException ex) {
				// the server closed an idle or used-up keep-alive connection: connect again once
				closeQuietly();
			}
		}
		return -1;
	}

	private void connect() throws IOException {
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress(host, port), 10_000);
		socket.setSoTimeout(60_000);
		in = new BufferedInputStream(socket.getInputStream(), 16_384);
		out = socket.getOutputStream();
	}

	private int readResponse() throws IOException {
		String statusLine = readLine();
		if (statusLine == null) {
			throw new IOException("connection closed");
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = readLine(); header != null && !header.isEmpty(); header = readLine()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				length = Long.parseLong(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
				chunked = true;
			}
			else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
				close = true;
			}
		}
		if (chunked) {
			while (true) {
				String size = readLine();
				if (size == null) {
					throw new IOException("connection closed in a chunk");
				}
				int semicolon = size.indexOf(';');
				long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
				if (n == 0) {
					for (String trailer = readLine(); trailer != null && !trailer.isEmpty(); trailer = readLine()) {
						// trailers are not used
					}
					break;
				}
				skip(n);
				readLine();
			}
		}
		else if (length > 0) {
			skip(length);
		}
		if (close) {
			closeQuietly();
		}
		return status;
	}

	private String readLine() throws IOException {
		int n = 0;
		while (true) {
			int b = in.read();
			if (b < 0) {
				return n == 0 ? null : new String(line, 0, n, StandardCharsets.ISO_8859_1);
			}
			if (b == '\n') {
				if (n > 0 && line[n - 1] == '\r') {
					n--;
				}
				return new String(line, 0, n, StandardCharsets.ISO_8859_1);
			}
			if (n < line.length) {
				line[n++] = (byte) b;
			}
		}
	}

	private void skip(long n) throws IOException {
		long left = n;
		while (left > 0) {
			long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new IOException("connection closed in a body");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private void closeQuietly() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException ignored) {
				// already gone
			}
		}
		socket = null;
		in = null;
		out = null;
	}

	@Override
	public void close() {
		closeQuietly();
	}

}
