package org.ludus.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Debian's nginx in front of a server, run by the test as its own process (not the system's service): the README's
 * server block (docs/nginx/ludus.conf) with only its names, ports and certificate paths replaced, on a free port
 * of 127.0.0.1, with a certificate for 127.0.0.1 made by openssl for this run. Everything it writes stays in its
 * directory under target/.
 */
public final class Nginx {

    static final Path CONF = Path.of("docs/nginx/ludus.conf");

    private final Path dir;
    private final int httpsPort = freePort();
    private final int httpPort = freePort();
    private Process process;
    private final List<String> lines = new ArrayList<>();

    public Nginx(String name) {
        dir = Path.of("target", name).toAbsolutePath();
    }

    /** The https address of the proxy, without a trailing slash: https://127.0.0.1:{port}. */
    public String base() {
        return "https://127.0.0.1:" + httpsPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** The proxy's certificate, made for this run. */
    public Path certificate() {
        return dir.resolve("cert.pem");
    }

    /** TLS that trusts this proxy's certificate (and only it), for the JDK's clients. */
    public SSLContext tls() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate())) {
            trusted.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }

    /**
     * Starts nginx in front of {@code upstreamPort} on 127.0.0.1 and returns once its workers run (it has bound
     * its ports before it starts them).
     */
    public Nginx start(int upstreamPort) throws Exception {
        Files.createDirectories(dir);
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", dir.resolve("key.pem").toString(),
                "-out", certificate().toString()));
        String server = Files.readString(CONF);
        server = replaceOnce(server, "listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;");
        server = replaceOnce(server, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
        server = replaceOnce(server, "server 127.0.0.1:8080;", "server 127.0.0.1:" + upstreamPort + ";");
        server = replaceOnce(server, "/etc/ssl/certs/lab.example.edu.pem", certificate().toString());
        server = replaceOnce(server, "/etc/ssl/private/lab.example.edu.key", dir.resolve("key.pem").toString());
        server = server.replace("lab.example.edu", "127.0.0.1");
        Files.writeString(dir.resolve("ludus.conf"), server);
        List<String> temp = List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi");
        for (String name : temp) {
            Files.createDirectories(dir.resolve("temp").resolve(name));
        }
        var main = new StringBuilder("""
                daemon off;
                master_process on;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log stderr notice;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                """.formatted(dir));
        // as root (CI's container), the worker would run as nobody: keep it the test's own user
        if ("root".equals(System.getProperty("user.name"))) {
            main.insert(0, "user root;\n");
        }
        for (String name : temp) {
            main.append("    ").append(name).append("_temp_path ").append(dir.resolve("temp").resolve(name)).append(";\n");
        }
        main.append("    include ").append(dir.resolve("ludus.conf")).append(";\n}\n");
        Files.writeString(dir.resolve("nginx.conf"), main);

        Path nginx = Path.of(System.getProperty("ludus.it.nginx", "/usr/sbin/nginx"));
        if (!Files.isExecutable(nginx)) {
            throw new AssertionError("no " + nginx + ": apt-get install nginx (or -Dnginx=…), as .ci/run does");
        }
        List<String> command = List.of(nginx.toString(), "-p", dir.toString(),
                "-e", "stderr", "-c", dir.resolve("nginx.conf").toString());
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var started = new CompletableFuture<Void>();
        Thread reader = new Thread(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.contains("start worker process")) {
                        started.complete(null);
                    } else if (line.contains("[emerg]")) {
                        started.completeExceptionally(new AssertionError("nginx did not start: " + line));
                    }
                }
                started.completeExceptionally(new AssertionError("nginx stopped: " + output()));
            } catch (IOException e) {
                started.completeExceptionally(new UncheckedIOException(e));
            }
        }, "nginx-output");
        reader.setDaemon(true);
        reader.start();
        started.get(30, TimeUnit.SECONDS);
        return this;
    }

    /** What nginx has written (its error log: notices, and a refused upstream). */
    public String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** Stops nginx, its workers first (killed by their process ids). */
    public void stop() throws Exception {
        if (process == null) {
            return;
        }
        for (ProcessHandle child : process.descendants().toList()) {
            child.destroyForcibly();
        }
        process.destroyForcibly();
        process.onExit().get(1, TimeUnit.MINUTES);
    }

    private static String replaceOnce(String text, String what, String with) {
        int at = text.indexOf(what);
        if (at < 0 || text.indexOf(what, at + 1) >= 0) {
            throw new AssertionError(CONF + " should hold '" + what + "' once: the test fills it in");
        }
        return text.replace(what, with);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + said);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
