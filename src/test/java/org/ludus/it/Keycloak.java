package org.ludus.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real identity provider for the sign-in ITs: Keycloak's server distribution (unpacked by the build into
 * target/keycloak), in dev mode on {@value #PORT}, with two realms imported from src/test/resources/keycloak:
 * {@code ludus}, the lab's (users carol: lab admins' group, alice: staff group, bob: no group), which also
 * brokers {@code university}, a SAML identity provider standing in for a university's (user dana). It keeps
 * nothing between runs: its dev database is wiped before it starts. {@link #stop} ends the whole process tree
 * (kc.sh stays the parent of the java process).
 */
final class Keycloak implements AutoCloseable {

    static final int PORT = 8380;
    static final String REALM = "ludus";
    static final String CLIENT_ID = "ludus";
    static final String CLIENT_SECRET = "ludus-client-secret";

    private final Path home = Path.of(System.getProperty("ludus.it.keycloakHome", "target/keycloak"));
    private Process process;

    /** The issuer, on localhost: Keycloak's dev mode names itself after the Host it was asked by. */
    static String issuer() {
        return "http://localhost:" + PORT + "/realms/" + REALM;
    }

    static URI base() {
        return URI.create("http://localhost:" + PORT + "/");
    }

    Keycloak start() throws Exception {
        Path data = home.resolve("data");
        if (Files.exists(data)) {
            try (var files = Files.walk(data)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(data.resolve("import"));
        for (String realm : List.of("ludus-realm.json", "university-realm.json")) {
            Files.copy(Path.of("src/test/resources/keycloak", realm), data.resolve("import").resolve(realm),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        home.resolve("bin/kc.sh").toFile().setExecutable(true);
        process = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + PORT, "--http-management-port=" + (PORT + 1000), "--hostname-strict=false"))
                .redirectErrorStream(true).start();
        var started = new CompletableFuture<Void>();
        var output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.contains("Listening on:")) {
                        started.complete(null);
                    }
                }
                started.completeExceptionally(new AssertionError("Keycloak stopped before it listened:\n" + output));
            } catch (IOException e) {
                started.completeExceptionally(new UncheckedIOException(e));
            }
        });
        reader.setDaemon(true);
        reader.start();
        started.get(4, TimeUnit.MINUTES);
        return this;
    }

    void stop() throws Exception {
        if (process == null) {
            return;
        }
        for (ProcessHandle child : process.descendants().toList()) {
            child.destroyForcibly();
            child.onExit().get(1, TimeUnit.MINUTES);
        }
        process.destroyForcibly();
        process.onExit().get(1, TimeUnit.MINUTES);
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
