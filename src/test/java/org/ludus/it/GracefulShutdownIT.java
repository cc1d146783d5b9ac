package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusDeployment;

/**
 * The application stops while a live message runs and others are sent, the way an operator stops it: WildFly's
 * suspend and an undeploy (a WAR update), or {@code :shutdown(suspend-timeout=60)}. The message in flight is
 * committed before the application goes, the sockets close with 1001 (pages reconnect), and once the server is
 * back every message, re-sent with its id, is acknowledged and applied exactly once; nothing acknowledged before
 * is lost. (A shutdown exits the JVM, and on H2, embedded in it, H2's own exit hook closes the database at once:
 * AUTO_SERVER, which the tests need, rules out DB_CLOSE_ON_EXIT=FALSE. The shutdown is therefore tested on
 * PostgreSQL, {@code -Ppostgresql}; on H2 a shutdown's message in flight rolls back, and is re-sent.)
 */
@ExtendWith(ArquillianExtension.class)
class GracefulShutdownIT {

    /** Arquillian's server only brings the suite's configuration up; this test runs its own second server. */
    @Deployment(testable = false)
    static WebArchive deployment() {
        return LudusDeployment.war();
    }

    /** A client of the test's own: its client id kept across reconnects, its messages and their answers. */
    private static final class Page {
        final String path;
        final Map<Long, String> sent = new LinkedHashMap<>();
        final Map<Long, JsonObject> answers = new LinkedHashMap<>();
        LiveClient socket;
        long nextId = 1;

        Page(String code, int page, String clientId) {
            path = "/live/" + code + "/" + page + "?client=" + clientId;
        }

        void connect(LudusApi api) {
            socket = LiveClient.connect(api.base(), path);
        }

        long send(String data) {
            long id = nextId++;
            String frame = "{\"type\":\"live\",\"id\":" + id + ",\"data\":" + data + "}";
            sent.put(id, frame);
            socket.sendRaw(frame);
            return id;
        }

        /** Takes in the answers that arrived (up to the socket's close). */
        void collect() throws InterruptedException {
            for (JsonObject frame; (frame = socket.poll(Duration.ZERO)) != null; ) {
                String type = frame.getString("type");
                if (("ack".equals(type) || "error".equals(type)) && !frame.isNull("id")) {
                    answers.put(frame.getJsonNumber("id").longValue(), frame);
                }
            }
        }

        List<Long> acked() {
            return answers.entrySet().stream().filter(e -> "ack".equals(e.getValue().getString("type")))
                    .map(Map.Entry::getKey).toList();
        }
    }

    /** How the test stops the application, and brings it back. */
    private interface Stop {
        void stop(SecondServer server) throws Exception;

        void restart(SecondServer server) throws Exception;
    }

    @Test
    @RunAsClient
    void aSuspendAndAnUndeployFinishTheMessageInFlight() throws Exception {
        play("graceful-undeploy", new Stop() {
            @Override
            public void stop(SecondServer server) throws Exception {
                server.operation("", "suspend", "suspend-timeout", 60);
                server.operation("deployment=ludus.war", "undeploy");
            }

            @Override
            public void restart(SecondServer server) throws Exception {
                server.operation("deployment=ludus.war", "deploy");
                server.operation("", "resume");
            }
        });
    }

    @Test
    @RunAsClient
    void aGracefulShutdownFinishesTheMessageInFlight() throws Exception {
        Assumptions.assumeTrue(System.getProperty("ludus.it.jdbcUrl").startsWith("jdbc:postgresql:"),
                "H2 embedded in the server closes on the JVM's exit (see above)");
        play("graceful-shutdown", new Stop() {
            @Override
            public void stop(SecondServer server) throws Exception {
                server.shutdownNow(60); // within the slow message's 2 s (the test server's live timeout is 3 s)
            }

            @Override
            public void restart(SecondServer server) throws Exception {
                server.start();
            }
        });
    }

    private void play(String name, Stop how) throws Exception {
        SecondServer server = new SecondServer(name).prepare();
        // the WAR with the test apps (the probe's slow live method), as the Arquillian server has it
        LudusDeployment.war().as(ZipExporter.class)
                .exportTo(server.baseDir().resolve("deployments/ludus.war").toFile(), true);
        server.start();
        try {
            var api = new LudusApi(server.base());
            var session = api.createSession("probe", 3);
            var pages = new ArrayList<Page>();
            for (String code : session.participants()) {
                var page = new Page(code, api.start(code), UUID.randomUUID().toString().replace("-", ""));
                page.connect(api);
                pages.add(page);
            }
            Page slow = pages.get(0);
            Page counting = pages.get(1);
            long first = counting.send("{\"action\":\"count\"}");
            counting.answers.put(first, last(counting.socket.untilAnswer(first)));

            int mark = server.mark();
            long inFlight = slow.send("{\"action\":\"slow\",\"millis\":2000}");
            server.awaitLine("probe: counter 2, holding the group's lock", mark, Duration.ofMinutes(1));
            counting.send("{\"action\":\"count\"}"); // behind it in the group's lane, if it arrives in time
            how.stop(server);

            for (Page page : pages) {
                assertEquals(1001, page.socket.awaitClose().code(), "a close code that makes pages reconnect");
                page.collect();
            }
            assertTrue(counting.acked().contains(first), counting.answers.toString());
            assertEquals(1, logged(server, slow, inFlight), "the message running when the application began to stop was"
                    + " committed before the application stopped");
            for (Page page : pages) {
                for (long id : page.acked()) {
                    assertEquals(1, logged(server, page, id), "acknowledged, so committed: " + page.path + " #" + id);
                }
            }

            how.restart(server);
            for (Page page : pages) { // as ludus.js does after a reconnect: what has no answer, again, same ids
                page.connect(api);
                for (var message : page.sent.entrySet()) {
                    JsonObject answer = page.answers.get(message.getKey());
                    if (answer == null || !"ack".equals(answer.getString("type"))) {
                        page.socket.sendRaw(message.getValue());
                        page.answers.put(message.getKey(), last(page.socket.untilAnswer(message.getKey())));
                    }
                }
            }
            int applied = 0;
            for (Page page : pages) {
                for (long id : page.sent.keySet()) {
                    assertEquals("ack", page.answers.get(id).getString("type"), page.path + " #" + id + ": "
                            + page.answers.get(id));
                    assertEquals(1, logged(server, page, id), "applied exactly once: " + page.path + " #" + id);
                    applied++;
                }
                page.socket.close();
            }
            assertEquals(applied, counter(server, session.participants().get(0)), "each message counted once");
        } finally {
            server.stop();
        }
    }

    private static JsonObject last(List<JsonObject> frames) {
        return frames.get(frames.size() - 1);
    }

    private static long logged(SecondServer server, Page page, long id) throws Exception {
        String clientId = page.path.substring(page.path.indexOf("client=") + 7);
        return number(server, "select count(*) from live_log where client_id = ? and message_id = ?", clientId, id);
    }

    private static long counter(SecondServer server, String code) throws Exception {
        return number(server, "select g.counter from probe_group g join probe_player p on p.group_id = g.id"
                + " join participant pa on pa.id = p.participant_id where pa.code = ?", code);
    }

    private static long number(SecondServer server, String sql, Object... parameters) throws Exception {
        try (var db = DriverManager.getConnection(server.jdbcUrl(), System.getProperty("ludus.it.jdbcUser"),
                System.getProperty("ludus.it.jdbcPassword"));
             var query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
