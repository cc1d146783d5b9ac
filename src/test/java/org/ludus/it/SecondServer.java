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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ludus.testkit.LudusApi;

/**
 * A WildFly of the test's own, beside the Arquillian one: the same installation (target/wildfly-it) with a
 * server base directory of its own and port offset 200, running the built WAR. For tests that must kill a
 * server and start it again.
 */
public final class SecondServer {

    static final int PORT_OFFSET = 200;

    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path baseDir;
    private final String name;
    private Process process;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    /** PostgreSQL: a database of this server's own instead of the suite's (null: the suite's). */
    private String database;
    /** Every line the server has written, from all its starts, for {@link #awaitLine}. */
    private final List<String> lines = new ArrayList<>();

    public SecondServer(String name) {
        baseDir = Path.of("target", name).toAbsolutePath();
        this.name = name;
    }

    /** The server's base directory (its data, log and deployments). */
    public Path baseDir() {
        return baseDir;
    }

    /** How many lines the server has written so far: a mark for {@link #awaitLine}. */
    public int mark() {
        synchronized (lines) {
            return lines.size();
        }
    }

    /**
     * Waits for a line containing {@code text}, written after the mark {@code from}, and returns it.
     * @throws AssertionError if none comes within the timeout
     */
    public String awaitLine(String text, int from, java.time.Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            for (int next = from; ; ) {
                for (; next < lines.size(); next++) {
                    if (lines.get(next).contains(text)) {
                        return lines.get(next);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the server wrote no line with '" + text + "' within " + timeout);
                }
                TimeUnit.NANOSECONDS.timedWait(lines, left);
            }
        }
    }

    /** The lines the server has written since the mark {@code from}. */
    public List<String> linesSince(int from) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.min(from, lines.size()), lines.size()));
        }
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + (8080 + PORT_OFFSET) + "/");
    }

    /** The JDBC URL of this server's database (its own H2 file, or the suite's PostgreSQL database). */
    public String jdbcUrl() {
        String suite = System.getProperty("ludus.it.jdbcUrl");
        if (suite.startsWith("jdbc:h2:")) {
            return "jdbc:h2:file:" + baseDir.resolve("data/ludus/ludus") + ";AUTO_SERVER=TRUE";
        }
        return database == null ? suite : suite.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    /** Whether the suite runs on H2 (each second server has its own file) rather than PostgreSQL. */
    public static boolean onH2() {
        return System.getProperty("ludus.it.jdbcUrl").startsWith("jdbc:h2:");
    }

    /**
     * On PostgreSQL, a new empty database of this server's own, named {@code name} (on H2 each second server has its own
     * file anyway); call after {@link #prepare}.
     */
    public SecondServer ownDatabase(String name) throws java.sql.SQLException {
        if (!onH2()) {
            try (var admin = java.sql.DriverManager.getConnection(System.getProperty("ludus.it.jdbcUrl"),
                    System.getProperty("ludus.it.jdbcUser"), System.getProperty("ludus.it.jdbcPassword"));
                 var sql = admin.createStatement()) {
                sql.execute("drop database if exists " + name + " with (force)");
                sql.execute("create database " + name);
            }
            database = name;
        }
        return this;
    }

    /** A fresh base directory: the test server's configuration and the built WAR. */
    public SecondServer prepare() throws IOException {
        return prepare(null);
    }

    /** As {@link #prepare()}, with this WAR instead of the built one (null: the built one). */
    public SecondServer prepare(org.jboss.shrinkwrap.api.spec.WebArchive war) throws IOException {
        if (Files.exists(baseDir)) {
            try (Stream<Path> files = Files.walk(baseDir)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
            }
        }
        Path configuration = baseDir.resolve("configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, configuration.resolve(file.getFileName()));
            }
        }
        // the Arquillian server records its deployments in its configuration; this server deploys from a folder
        Path config = configuration.resolve("standalone.xml");
        Files.writeString(config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
        Files.createDirectories(baseDir.resolve("deployments"));
        if (war == null) {
            Files.copy(Path.of(System.getProperty("ludus.it.war")), baseDir.resolve("deployments/ludus.war"),
                    StandardCopyOption.REPLACE_EXISTING);
        } else {
            war.as(org.jboss.shrinkwrap.api.exporter.ZipExporter.class)
                    .exportTo(baseDir.resolve("deployments/ludus.war").toFile(), true);
        }
        return this;
    }

    /** An environment variable of the server's process from its next start on, e.g. LUDUS_PUBLIC_URL. */
    public SecondServer environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /**
     * Runs one of wildfly-config's offline CLI scripts ({@code embed-server … stop-embedded-server}) on this
     * server's configuration, as an operator runs it on theirs.
     */
    public SecondServer configure(Path script) throws Exception {
        var cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script.toAbsolutePath())
                .redirectErrorStream(true);
        cli.environment().put("JBOSS_HOME", home.toString());
        cli.environment().put("JAVA_OPTS", "-Djboss.server.base.dir=" + baseDir);
        Process process = cli.start();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(script.getFileName() + " failed: " + said);
        }
        return this;
    }

    /**
     * Starts the server and returns once the WAR is deployed (read from the server's own output);
     * {@code extraArguments}: more system properties, e.g. {@code -Dludus.oidc.issuer=…}.
     */
    public void start(String... extraArguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir, "-Djboss.socket.binding.port-offset=" + PORT_OFFSET,
                "-Djboss.node.name=" + name)); // a server of its own where servers share a database
        // the suite's schema mode (update: the test apps keep no changelogs), unless the test says otherwise
        command.add("-Dludus.schema=" + System.getProperty("ludus.it.schema", "update"));
        command.addAll(List.of(extraArguments));
        command.addAll(Arrays.asList(System.getProperty("ludus.it.serverArgs", "").trim().split("\\s+")));
        command.addAll(Arrays.asList(System.getProperty("ludus.it.limits", "").trim().split("\\s+")));
        if (database != null) { // after the suite's server arguments: the last one counts
            command.add("-Dludus.db.name=" + database);
        }
        // the same credentials and REST key as the suite's server, so LudusApi works against both
        command.add("-Dludus.admin.username=" + System.getProperty("ludus.it.adminUsername"));
        command.add("-Dludus.admin.password=" + System.getProperty("ludus.it.adminPassword"));
        command.add("-Dludus.rest.key=" + System.getProperty("ludus.it.restKey"));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        process = builder.start();
        var deployed = new CompletableFuture<Void>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    synchronized (this.lines) {
                        this.lines.add(line);
                        this.lines.notifyAll();
                    }
                    if (line.contains("WFLYSRV0010") && line.contains("ludus.war")) {
                        deployed.complete(null);
                    } else if (line.contains("WFLYSRV0026") || line.contains("WFLYCTL0186")) { // started with errors
                        deployed.completeExceptionally(new AssertionError("the second server failed: " + line));
                    }
                }
                deployed.completeExceptionally(new AssertionError("the second server stopped before deploying"));
            } catch (IOException e) {
                deployed.completeExceptionally(new UncheckedIOException(e));
            }
        });
        reader.setDaemon(true);
        reader.start();
        deployed.get(3, TimeUnit.MINUTES);
    }

    /** kill -9 of the server's JVM: no shutdown hook, no clean close of anything. */
    public void kill() throws Exception {
        List<ProcessHandle> jvms = process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java"))
                .orElse(false)).toList();
        for (ProcessHandle jvm : jvms) {
            jvm.destroyForcibly();
            jvm.onExit().get(1, TimeUnit.MINUTES);
        }
        process.destroyForcibly();
        process.onExit().get(1, TimeUnit.MINUTES);
    }

    /**
     * A graceful shutdown as an operator makes it, through the management interface: WildFly suspends (export jobs
     * stop after their chunk, in-flight requests finish), then stops the application in order and exits. (A
     * SIGTERM runs the JVM's shutdown hooks at once, and H2's closes the embedded database under WildFly's feet.)
     */
    public void shutdown() throws Exception {
        Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=127.0.0.1:" + (9990 + PORT_OFFSET), "--command=:shutdown(suspend-timeout=60)")
                .redirectErrorStream(true).start();
        String said = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cli.waitFor(2, TimeUnit.MINUTES) || cli.exitValue() != 0) {
            throw new AssertionError("the shutdown was refused: " + said);
        }
        process.onExit().get(2, TimeUnit.MINUTES);
    }

    /**
     * Runs a management operation through the management API's own client (no CLI start-up, which takes seconds):
     * {@code operation("deployment=ludus.war", "undeploy")}, {@code operation("", "suspend", "suspend-timeout", 60)}.
     * Fails the test unless it succeeds.
     */
    public void operation(String address, String name, Object... parameters) throws Exception {
        try (var client = org.jboss.as.controller.client.ModelControllerClient.Factory.create("127.0.0.1",
                9990 + PORT_OFFSET)) {
            var operation = new org.jboss.dmr.ModelNode();
            operation.get("operation").set(name);
            operation.get("address").setEmptyList();
            if (!address.isEmpty()) {
                String[] pair = address.split("=", 2);
                operation.get("address").add(pair[0], pair[1]);
            }
            for (int i = 0; i < parameters.length; i += 2) {
                if (parameters[i + 1] instanceof Integer number) {
                    operation.get((String) parameters[i]).set(number);
                } else {
                    operation.get((String) parameters[i]).set(String.valueOf(parameters[i + 1]));
                }
            }
            var result = client.execute(operation);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new AssertionError(name + " failed: " + result);
            }
        }
    }

    /** {@code :shutdown(suspend-timeout=…)} through the management API; returns once the JVM has exited. */
    public void shutdownNow(int suspendTimeoutSeconds) throws Exception {
        operation("", "shutdown", "suspend-timeout", suspendTimeoutSeconds);
        process.onExit().get(2, TimeUnit.MINUTES);
    }

    public void stop() throws Exception {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
