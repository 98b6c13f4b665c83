package cn.duban;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library hides: which local address a request comes from, a
 * body declared larger than what is sent, a chunked body, and whether the server closes the connection. Reads the answer
 * until the server closes the connection (or resets it), each read waiting at most {@code timeoutMillis}: a server
 * that keeps the connection open fails the test with a timeout, never by a fixed sleep.
 */
public final class RawHttp {

    /** What came back: the status line's code, the head, the body, and whether the server closed the connection. */
    public record Answer(int status, String head, String body, boolean closed) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).strip();
                }
            }
            return null;
        }
    }

    private RawHttp() {}

    /** Basic credentials as a header line. */
    public static String basic(String user, String password) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }

    /**
     * Sends the head (request line and headers, without the blank line) and then {@code body}, from {@code localAddress}
     * (null: the system's choice), and reads the answer until the connection ends.
     */
    public static Answer send(String localAddress, int port, String head, byte[] body, int timeoutMillis) {
        try (Socket socket = new Socket()) {
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress("127.0.0.1", port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write((head + "\r\n").getBytes(StandardCharsets.UTF_8));
            try {
                socket.getOutputStream().write(body);
                socket.getOutputStream().flush();
            } catch (SocketException refusedMidway) {
                // the server answered and closed while the body was still going out: read what it said
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean closed;
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                got.write(buffer, 0, n);
            }
            closed = true;
        } catch (SocketTimeoutException stillOpen) {
            closed = false;
        } catch (SocketException reset) {
            closed = true; // closed with unread data on the server's side: a reset after the answer
        }
        String text = got.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            throw new AssertionError("no HTTP answer (closed: " + closed + "): " + text);
        }
        String head = text.substring(0, end);
        byte[] all = got.toByteArray();
        int bodyStart = head.getBytes(StandardCharsets.UTF_8).length + 4;
        byte[] body = java.util.Arrays.copyOfRange(all, bodyStart, all.length);
        if (head.toLowerCase(java.util.Locale.ROOT).contains("\r\ntransfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(text.substring(9, 12)), head, new String(body, StandardCharsets.UTF_8), closed);
    }

    private static byte[] dechunk(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < b.length) {
            int eol = at;
            while (eol + 1 < b.length && !(b[eol] == '\r' && b[eol + 1] == '\n')) {
                eol++;
            }
            int size = Integer.parseInt(new String(b, at, eol - at, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (size == 0 || eol + 2 + size > b.length) {
                break;
            }
            out.write(b, eol + 2, size);
            at = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }
}
