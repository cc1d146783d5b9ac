package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * The test server logs as an operator's does (wildfly-config/json-logs.cli): JSON lines in server.log, and each
 * line written while a live message is handled names its session, group, participant, page and message; a live
 * method that throws is one record, with its cause.
 */
class LoggingIT extends LudusIT {

    private static final Pattern REF = Pattern.compile("server log ref (\\w+)");

    private final ServerLog log = ServerLog.ofTestServer();

    @Test
    void aThrowingLiveMethodIsOneRecordWithItsCauseAndEveryLiveLineNamesWhoItIsAbout() throws Exception {
        LudusApi api = newApi();
        LudusApi.CreatedSession session = api.createSession("probe", 3);
        String code = session.participants().get(1);
        int page = api.start(code);
        long groupId = ((Number) Database.single("select p.group_id from probe_player p join participant pa"
                + " on pa.id = p.participant_id where pa.code = ?", code)).longValue();
        long mark = log.mark();
        try (LiveClient client = LiveClient.connect(api.base(), code, page)) {
            long ordinary = client.send(Map.of("action", "slow", "millis", 0));
            client.untilAnswer(ordinary);
            long failing = client.send(Map.of("action", "fail"));
            JsonObject error = client.untilAnswer(failing).get(0);
            assertEquals("live_method_failed", error.getString("code"), error.toString());
            Matcher ref = REF.matcher(error.getString("message"));
            assertTrue(ref.find(), "the error names the log's record: " + error);
            // a barrier: the socket's messages run one at a time, so all the failure logged is written by now
            client.untilAnswer(client.send(Map.of("action", "slow", "millis", 0)));

            List<JsonObject> records = log.since(mark);
            List<JsonObject> aboutTheFailure = records.stream()
                    .filter(r -> code.equals(ServerLog.mdc(r, "ludus.participant"))
                            || r.getString("stackTrace", "").contains("failing on purpose")
                            || ServerLog.message(r).contains(ref.group(1)))
                    .filter(r -> !r.getString("level").startsWith("INFO"))
                    .toList();
            assertEquals(1, aboutTheFailure.size(), "one record for the failure, none more: " + aboutTheFailure);
            JsonObject failure = aboutTheFailure.get(0);
            assertTrue(ServerLog.message(failure).contains("(ref " + ref.group(1) + ")"), failure.toString());
            assertTrue(failure.getString("stackTrace", "").contains("java.lang.IllegalStateException: failing on"
                    + " purpose"), "the live method's own exception is the record's cause: " + failure);
            assertWho(failure, session.code(), groupId, code, page, failing);

            JsonObject line = records.stream()
                    .filter(r -> ServerLog.message(r).startsWith("probe: counter 1,")).findFirst()
                    .orElseThrow(() -> new AssertionError("the live method's own line is not in server.log"));
            assertWho(line, session.code(), groupId, code, page, ordinary);
        }
    }

    private static void assertWho(JsonObject record, String session, long group, String participant, int page,
            long message) {
        String said = ServerLog.message(record) + " " + record.getJsonObject("mdc");
        assertEquals(session, ServerLog.mdc(record, "ludus.session"), said);
        assertEquals(Long.toString(group), ServerLog.mdc(record, "ludus.group"), said);
        assertEquals(participant, ServerLog.mdc(record, "ludus.participant"), said);
        assertEquals(Integer.toString(page), ServerLog.mdc(record, "ludus.page"), said);
        assertEquals(Long.toString(message), ServerLog.mdc(record, "ludus.message"), said);
    }
}
