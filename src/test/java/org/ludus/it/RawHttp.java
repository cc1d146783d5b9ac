package org.ludus.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * HTTP as an outsider writes it, over a plain socket: any Host header (java.net.http refuses to send one),
 * any body. HTTP/1.0 with the connection closed after one answer, so the answer is read to its end.
 */
final class RawHttp {

    record Answer(int status, List<String> headers, String body) {

        /** The values of a header, e.g. every Set-Cookie. */
        List<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).strip()).toList();
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_ADDRESS =
            new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(60_000));

    private RawHttp() {
    }

    /**
     * A loopback address not used before in this run (127.1.0.1 … 127.1.239.250): another client as far as the
     * server can tell, for tests of per-address limits that must not slow down the other tests.
     */
    static InetAddress freshAddress() {
        int n = NEXT_ADDRESS.getAndIncrement() % 60_000;
        try {
            return InetAddress.getByName("127.1." + (n / 250) + "." + (n % 250 + 1));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Answer send(URI base, String method, String path, String host, List<String> headers, byte[] body) {
        return send(null, base, method, path, host, headers, body);
    }

    /** From a chosen local address, e.g. 127.0.0.7: another client address on this machine. */
    static Answer send(InetAddress from, URI base, String method, String path, String host, List<String> headers,
            byte[] body) {
        try (Socket socket = new Socket(InetAddress.getByName(base.getHost()), base.getPort(), from, 0)) {
            socket.setSoTimeout(30_000);
            return exchange(socket, method, path, host, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer exchange(Socket socket, String method, String path, String host, List<String> headers,
            byte[] body) throws IOException {
        var head = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: " + host + "\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            socket.getOutputStream().write(body);
        }
        socket.getOutputStream().flush();
        return parse(socket.getInputStream());
    }

    /**
     * Over TLS to the server's https listener (its self-signed certificate is trusted here: the test is about
     * what the server answers, not about its certificate).
     */
    static Answer getOverTls(String hostName, int port, String path, List<String> headers, String method, byte[] body) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            try (Socket socket = tls.getSocketFactory().createSocket(hostName, port)) {
                socket.setSoTimeout(30_000);
                return exchange(socket, method, path, hostName + ":" + port, headers, body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Over TLS from a chosen local address (another client on this machine), to a server whose certificate
     * {@code tls} trusts and whose name is checked as a browser checks it.
     */
    static Answer sendOverTls(SSLContext tls, InetAddress from, URI base, String method, String path,
            List<String> headers) {
        try (var socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket()) {
            var parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.bind(new java.net.InetSocketAddress(from, 0));
            socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 30_000);
            socket.setSoTimeout(30_000);
            return exchange(socket, method, path, base.getHost() + ":" + base.getPort(), headers, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Answer get(URI base, String path, String host, String... headers) {
        return send(base, "GET", path, host, List.of(headers), null);
    }

    private static Answer parse(InputStream in) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        var headers = new ArrayList<String>(List.of(lines).subList(1, lines.length));
        return new Answer(status, headers, end < 0 ? "" : text.substring(end + 4));
    }
}
