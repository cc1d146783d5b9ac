package org.ludus.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.ludus.JsonText;
import org.ludus.testkit.Database;
import org.ludus.testkit.LiveClient;
import org.ludus.testkit.LudusApi;
import org.ludus.testkit.LudusIT;

/**
 * The exports of sessions played through real sockets, compared with the database; oTree's headers exactly;
 * what a CSV parser (commons-csv, not the library that wrote the files) reads back; a file that fails
 * half-way; an export taken while messages commit.
 */
class ExportsIT extends LudusIT {

    /** A parsed export: the header, the rows by column name, and the text as it came. */
    record Csv(List<String> header, List<Map<String, String>> rows, String raw) {
        List<String> column(String name) {
            return rows.stream().map(row -> row.get(name)).toList();
        }
    }

    static Csv parse(String text) {
        try {
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
            List<String> header = parser.getHeaderNames();
            var rows = new ArrayList<Map<String, String>>();
            for (CSVRecord record : parser.getRecords()) {
                assertEquals(header.size(), record.size(), "a row with as many cells as the header: " + record);
                rows.add(record.toMap());
            }
            return new Csv(header, rows, text);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Csv export(LudusApi api, String path) {
        HttpResponse<String> response = api.get("/api/exports/" + path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        assertEquals("text/csv;charset=utf-8", response.headers().firstValue("Content-Type").orElse("")
                .replace(" ", ""));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("")
                .matches("attachment; filename=\"[a-zA-Z_]+(_[a-z0-9]+)?_\\d{4}-\\d\\d-\\d\\d\\.csv\""),
                response.headers().firstValue("Content-Disposition").orElse("none"));
        return parse(response.body());
    }

    /** Sends each message and waits for its ack; returns the acks' seq numbers. */
    private static List<Long> sendAll(LiveClient client, List<Map<String, Object>> messages) {
        var seqs = new ArrayList<Long>();
        for (Map<String, Object> message : messages) {
            long id = client.send(message);
            List<JsonObject> frames = client.untilAnswer(id);
            JsonObject answer = frames.get(frames.size() - 1);
            assertEquals("ack", answer.getString("type"), answer.toString());
            seqs.add(answer.getJsonNumber("seq").longValue());
        }
        return seqs;
    }

    @Test
    void everyExportAgreesWithTheDatabaseAfterASessionPlayedThroughSockets() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("ledger_mix", 6);
        List<String> codes = session.participants();
        var clients = new ArrayList<LiveClient>();
        var received = new HashMap<String, List<JsonObject>>(); // every frame each participant's page got
        int acked = 0;
        try {
            for (String code : codes) {
                clients.add(LiveClient.connect(api.base(), code, api.start(code)));
                received.put(code, new ArrayList<>());
            }
            // round 1: the players of each group take turns, so each page sees its group's broadcasts
            for (int turn = 1; turn <= 3; turn++) {
                for (int i = 0; i < codes.size(); i++) {
                    LiveClient client = clients.get(i);
                    long id = client.send(Map.of("tokens", turn + i, "note", "turn " + turn + ", \"quoted\""));
                    received.get(codes.get(i)).addAll(client.untilAnswer(id));
                    acked++;
                    LiveClient partner = clients.get(i ^ 1); // 2 per group: participants 1+2, 3+4, 5+6
                    received.get(codes.get(i ^ 1)).add(partner.next());
                }
            }
            for (int i = 0; i < codes.size(); i++) {
                clients.get(i).close();
                assertEquals(1, api.next(codes.get(i), 0), "on to round 2");
                clients.set(i, LiveClient.connect(api.base(), codes.get(i), 1));
            }
            for (int i = 0; i < codes.size(); i += 2) { // round 2: one move per group
                sendAll(clients.get(i), List.of(Map.of("tokens", 10)));
                acked++;
            }
            for (int i = 0; i < codes.size(); i++) {
                clients.get(i).close();
                assertEquals(2, api.next(codes.get(i), 1), "on to the auction");
                clients.set(i, LiveClient.connect(api.base(), codes.get(i), 2));
            }
            sendAll(clients.get(0), List.of(Map.of("bid", 5), Map.of("bid", 7)));
            sendAll(clients.get(4), List.of(Map.of("bid", 3)));
            acked += 3;
        } finally {
            clients.forEach(LiveClient::close);
        }

        String only = "?session=" + session.code();
        Csv wide = export(api, "all_apps_wide" + only);
        assertEquals(codes, wide.column("participant.code"), "one row per participant, in id_in_session order");
        for (Map<String, String> row : wide.rows()) {
            String code = row.get("participant.code");
            for (int round = 1; round <= 2; round++) {
                assertEquals(String.valueOf(tokens(code, round)), row.get("ledger." + round + ".player.tokens"));
            }
            BigDecimal payoff = new BigDecimal(row.get("participant.payoff"));
            assertEquals(0, payoff.compareTo(new BigDecimal(row.get("ledger.1.player.payoff"))
                    .add(new BigDecimal(row.get("ledger.2.player.payoff")))
                    .add(new BigDecimal(row.get("auction.1.player.payoff")))), row.toString());
            assertEquals(0, payoff.compareTo(BigDecimal.valueOf(tokens(code, 1) + tokens(code, 2))));
            assertEquals(String.valueOf(highestBid(code)), row.get("auction.1.group.highest_bid"));
            assertEquals("3", row.get("participant._index_in_pages"), "on the auction's page: oTree's index 3");
            assertEquals("4", row.get("participant._max_page_index"));
            assertEquals("auction", row.get("participant._current_app_name"));
            assertEquals("BidPage", row.get("participant._current_page_name"));
            assertEquals("1", row.get("participant.visited"));
            assertEquals("ledger_mix", row.get("session.config.name"));
        }

        Csv ledger = export(api, "apps/ledger" + only);
        assertEquals(12, ledger.rows().size(), "one row per player and round");
        for (Map<String, String> row : ledger.rows()) {
            int round = Integer.parseInt(row.get("subsession.round_number"));
            assertEquals(String.valueOf(tokens(row.get("participant.code"), round)), row.get("player.tokens"));
        }
        Csv auction = export(api, "apps/auction" + only);
        assertEquals(6, auction.rows().size());

        Csv pageTimes = export(api, "page_times" + only);
        long completed = ((Number) Database.single("select count(*) from page_time t join ludus_session s"
                + " on s.id = t.session_id where s.code = ? and t.completed_at is not null", session.code())).longValue();
        assertEquals(12, completed, "two ledger pages left by each of the 6");
        assertEquals(completed + 6, pageTimes.rows().size(), "a row per completed page, and each start");
        for (String code : codes) {
            List<String> pages = pageTimes.rows().stream().filter(row -> code.equals(row.get("participant_code")))
                    .map(row -> row.get("page_index") + ":" + row.get("page_name") + ":" + row.get("round_number"))
                    .toList();
            assertEquals(List.of("0:InitializeParticipant:1", "1:LedgerPage:1", "2:LedgerPage:2"), pages);
        }

        Csv live = export(api, "live_messages" + only);
        assertEquals(acked, live.rows().size(), "one row per acknowledged message");
        var seqsByGroup = new LinkedHashMap<String, List<Long>>();
        for (Map<String, String> row : live.rows()) {
            seqsByGroup.computeIfAbsent(row.get("app_name") + "/" + row.get("group_id"), key -> new ArrayList<>())
                    .add(Long.parseLong(row.get("seq")));
        }
        for (List<Long> seqs : seqsByGroup.values()) {
            for (int i = 0; i < seqs.size(); i++) {
                assertEquals(i + 1, seqs.get(i), "seq 1..n per group, without gaps: " + seqs);
            }
        }
        // each page saw its group's broadcasts in the log's order, and the log delivered what each page got
        for (String code : codes) {
            String group = live.rows().stream().filter(row -> code.equals(row.get("participant_code"))
                    && "ledger".equals(row.get("app_name")) && "1".equals(row.get("round_number")))
                    .map(row -> row.get("group_id")).findFirst().orElseThrow();
            List<Map<String, String>> logged = live.rows().stream().filter(row -> "ledger".equals(row.get("app_name"))
                    && group.equals(row.get("group_id"))).toList();
            List<JsonObject> frames = received.get(code).stream().filter(f -> "live".equals(f.getString("type"))).toList();
            assertEquals(logged.stream().map(row -> Long.parseLong(row.get("seq"))).toList(),
                    frames.stream().map(f -> f.getJsonNumber("seq").longValue()).toList(), code);
            String myId = wide.rows().stream().filter(row -> code.equals(row.get("participant.code")))
                    .map(row -> row.get("ledger.1.player.id_in_group")).findFirst().orElseThrow();
            for (int i = 0; i < frames.size(); i++) {
                JsonObject delivered = JsonText.readObject(logged.get(i).get("delivered"));
                assertEquals(frames.get(i).get("data"), delivered.get(myId), "what the log says this page got");
                assertTrue(JsonText.readObject(logged.get(i).get("data")).containsKey("tokens"));
            }
        }
        assertEquals(Database.single("select count(*) from auction_bid b join auction_group g on g.id = b.group_id"
                + " join subsession ss on ss.id = g.subsession_id join ludus_session s on s.id = ss.session_id"
                + " where s.code = ?", session.code()), (long) export(api, "custom/auction" + only).rows().size());
    }

    private static long tokens(String code, int round) {
        return ((Number) Database.single("select p.tokens from ledger_player p join participant pa"
                + " on pa.id = p.participant_id where pa.code = ? and p.round_number = ?", code, round)).longValue();
    }

    private static BigDecimal highestBid(String code) {
        return (BigDecimal) Database.single("select g.highest_bid from auction_group g join auction_player p"
                + " on p.group_id = g.id join participant pa on pa.id = p.participant_id where pa.code = ?", code);
    }

    @Test
    void theHeadersAreOTreesColumnForColumn() {
        LudusApi api = newApi();
        var session = api.createSession("ledger_mix", 6);
        String only = "?session=" + session.code();
        List<String> participant = List.of("participant.id_in_session", "participant.code", "participant.label",
                "participant._is_bot", "participant._index_in_pages", "participant._max_page_index",
                "participant._current_app_name", "participant._current_page_name", "participant.time_started_utc",
                "participant.visited", "participant.mturk_worker_id", "participant.mturk_assignment_id",
                "participant.payoff");
        List<String> sessionColumns = List.of("session.code", "session.label", "session.mturk_HITId",
                "session.mturk_HITGroupId", "session.comment", "session.is_demo");
        List<String> ledgerColumns = List.of("player.id_in_group", "player.role", "player.payoff", "player.tokens",
                "player.confidence", "player.lucky_number", "player.moved", "player.share", "player.last_move_at",
                "group.id_in_subsession", "group.total_tokens", "group.last_note", "subsession.round_number");
        List<String> auctionColumns = List.of("player.id_in_group", "player.role", "player.payoff",
                "group.id_in_subsession", "group.highest_bid", "group.highest_bidder", "subsession.round_number");

        var wide = new ArrayList<>(participant);
        wide.addAll(sessionColumns);
        wide.addAll(List.of("session.config.name", "session.config.participation_fee",
                "session.config.real_world_currency_per_point", "session.config.fail_export_after",
                "session.config.zeta_label"));
        ledgerColumns.forEach(c -> wide.add("ledger.1." + c));
        ledgerColumns.forEach(c -> wide.add("ledger.2." + c));
        auctionColumns.forEach(c -> wide.add("auction.1." + c));
        assertEquals(wide, export(api, "all_apps_wide" + only).header());

        var perApp = new ArrayList<>(participant);
        perApp.addAll(ledgerColumns);
        perApp.addAll(sessionColumns);
        assertEquals(perApp, export(api, "apps/ledger" + only).header());

        assertEquals(List.of("session_code", "participant_id_in_session", "participant_code", "page_index", "app_name",
                "page_name", "epoch_time_completed", "round_number", "timeout_happened", "is_wait_page"),
                export(api, "page_times" + only).header());
        assertEquals(List.of("session_code", "app_name", "round_number", "page_index", "page_name", "group_id",
                "group_id_in_subsession", "participant_code", "id_in_group", "client_id", "message_id", "seq",
                "received_at", "committed_at", "data", "delivered"), export(api, "live_messages" + only).header());
        assertEquals(List.of("session_code", "round_number", "group_id_in_subsession", "id_in_group",
                "participant_code", "bid", "placed_at"), export(api, "custom/auction" + only).header());

        Csv codebook = export(api, "codebook/ledger");
        assertEquals(List.of("column", "type", "description", "choices", "min", "max"), codebook.header());
        Map<String, String> favourite = codebook.rows().stream()
                .filter(row -> row.get("column").equals("player.lucky_number")).findFirst().orElseThrow();
        assertEquals(List.of("integer", "0", "10"), List.of(favourite.get("type"), favourite.get("min"),
                favourite.get("max")));
        Map<String, String> confidence = codebook.rows().stream()
                .filter(row -> row.get("column").equals("ledger.2.player.confidence")).findFirst().orElseThrow();
        assertEquals("How sure are you?", confidence.get("description"));
        assertEquals("[\"low\",\"high\"]", confidence.get("choices"));
        assertEquals(perApp.size() + 2 * ledgerColumns.size(), codebook.rows().size(),
                "a row per column of the per-app file, and per column of the app's rounds in the wide file");
    }

    @Test
    void labelsAndVarsWithCommasQuotesNewlinesAndFormulasSurviveAndExcelDefusesFormulas() {
        LudusApi api = newApi();
        String label = "=HYPERLINK(\"http://x\"), \"Zoë\"\nline two";
        String note = "+cmd|' /C calc'!A0, \"q\"\r\nnext ünïcödé";
        HttpResponse<String> created = api.post("/api/sessions/", "{\"session_config_name\":\"auction\","
                + "\"num_participants\":3,\"room_name\":\"online\"}");
        assertEquals(200, created.statusCode(), created.body());
        String code = LudusApi.json(created.body()).getString("code");
        HttpResponse<String> vars = api.post("/api/participant_vars/", JsonText.object().add("room_name", "online")
                .add("participant_label", label).add("vars", JsonText.object().add("note", note).add("number", -5)
                        .add("flag", true)).build().toString());
        assertEquals(200, vars.statusCode(), vars.body());
        HttpResponse<String> entered = api.get("/room/online?participant_label="
                + URLEncoder.encode(label, StandardCharsets.UTF_8));
        assertTrue(entered.statusCode() == 302 || entered.statusCode() == 303, "entered the room: " + entered.statusCode());

        Csv plain = export(api, "all_apps_wide?session=" + code);
        assertTrue(plain.raw().contains("\r\n") && !plain.raw().replace("\r\n", "").contains("\r\n"),
                "CRLF line ends");
        Map<String, String> row = plain.rows().stream().filter(r -> label.equals(r.get("participant.label")))
                .findFirst().orElseThrow(() -> new AssertionError("the label, byte for byte: " + plain.raw()));
        assertEquals(note, row.get("participant.note"));
        assertEquals("-5", row.get("participant.number"));
        assertEquals("1", row.get("participant.flag"));
        assertFalse(plain.raw().startsWith("\uFEFF"), "the plain file has no byte order mark");

        HttpResponse<String> excelResponse = api.get("/api/exports/all_apps_wide?session=" + code + "&excel=1");
        assertTrue(excelResponse.body().startsWith("\uFEFF"), "the Excel variant starts with a byte order mark");
        Csv excel = parse(excelResponse.body());
        Map<String, String> defused = excel.rows().stream().filter(r -> ("'" + label).equals(r.get("participant.label")))
                .findFirst().orElseThrow(() -> new AssertionError(excel.raw()));
        assertEquals("'" + note, defused.get("participant.note"));
        assertEquals("-5", defused.get("participant.number"), "a plain number is not a formula");
    }

    @Test
    void aFileThatFailsHalfWayIsCutOffNotEndedAsIfComplete() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("ledger_mix", 6, "{\"fail_export_after\": 20000}");
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(api.base().resolve("/api/exports/custom/ledger?session="
                + session.code())).header("otree-rest-key", System.getProperty("ludus.it.restKey")).build();
        IOException cut = assertThrows(IOException.class, () -> http.send(request, HttpResponse.BodyHandlers.ofString()),
                "a download that broke off, not a 200 with a shorter file");
        assertTrue(cut.getMessage() != null, String.valueOf(cut));
        // the same export without the failure is whole
        var whole = api.createSession("ledger_mix", 6);
        assertEquals(12, export(api, "custom/ledger?session=" + whole.code()).rows().size());
    }

    @Test
    void anExportTakenWhileMessagesCommitIsOneConsistentSnapshot() throws Exception {
        LudusApi api = newApi();
        var session = api.createSession("ledger_mix", 6);
        var clients = new ArrayList<LiveClient>();
        var stop = new AtomicBoolean();
        var senders = new ArrayList<CompletableFuture<Void>>();
        try {
            for (String code : session.participants()) {
                clients.add(LiveClient.connect(api.base(), code, api.start(code)));
            }
            for (LiveClient client : clients) {
                senders.add(CompletableFuture.runAsync(() -> {
                    while (!stop.get()) {
                        client.untilAnswer(client.send(Map.of("tokens", 1)));
                    }
                }));
            }
            for (int export = 0; export < 15; export++) {
                Csv wide = export(api, "all_apps_wide?session=" + session.code());
                var totals = new HashMap<String, Long>();
                for (Map<String, String> row : wide.rows()) {
                    BigDecimal payoff = new BigDecimal(row.get("participant.payoff"));
                    BigDecimal rounds = new BigDecimal(row.get("ledger.1.player.payoff"))
                            .add(new BigDecimal(row.get("ledger.2.player.payoff")));
                    assertEquals(0, payoff.compareTo(rounds), "the participant's payoff and their players' agree: "
                            + row);
                    totals.merge(row.get("ledger.1.group.id_in_subsession") + "=" + row.get("ledger.1.group.total_tokens"),
                            Long.parseLong(row.get("ledger.1.player.tokens")), Long::sum);
                }
                totals.forEach((group, sum) -> assertEquals(Long.parseLong(group.substring(group.indexOf('=') + 1)),
                        sum, "the group's total is the sum of its players' moves: " + group));
                assertEquals(3, totals.size(), "each group once: its rows agree on its total " + totals);
            }
        } finally {
            stop.set(true);
            CompletableFuture.allOf(senders.toArray(CompletableFuture[]::new)).join();
            clients.forEach(LiveClient::close);
        }
        // the snapshot was the export's own: no pooled connection of the server kept its isolation level
        // (on H2 it is set on the connection and the pool resets it; PostgreSQL's is the transaction's alone)
        if (System.getProperty("ludus.it.jdbcUrl").startsWith("jdbc:h2:")) {
            assertEquals(List.of("READ COMMITTED"), Database.column("select distinct isolation_level from"
                    + " information_schema.sessions"));
        }
        // once quiet, the log and the state agree: one logged message per token moved
        Csv live = export(api, "live_messages?session=" + session.code());
        long moved = ((Number) Database.single("select sum(g.total_tokens) from ledger_group g join subsession ss"
                + " on ss.id = g.subsession_id join ludus_session s on s.id = ss.session_id where s.code = ?",
                session.code())).longValue();
        assertEquals(moved, live.rows().size());
    }

    @Test
    void theAdminsDownloadButtonsGiveTheApisFiles() {
        LudusApi admin = newApi().loginAsAdmin();
        var session = admin.createSession("ledger_mix", 6);
        String dataTab = admin.get("/admin/session/" + session.code() + "/data").body();
        for (String column : List.of("player.lucky_number", "player.last_move_at", "group.total_tokens",
                "group.highest_bid", "group.highest_bidder")) { // database column names, as oTree's data pages
            assertTrue(dataTab.contains("<th>" + column + "</th>"), column + " in the Data tab");
        }
        List<String> links = java.util.regex.Pattern.compile("href=\"(/admin/exports/[^\"]+)\"").matcher(dataTab)
                .results().map(m -> m.group(1).replace("&amp;", "&")).toList();
        assertEquals(2 * (1 + 3 + 3 + 1 + 1), links.size(), "wide, ledger's and the auction's files, codebooks,"
                + " the auction's custom export, page times, live messages; each plain and for Excel: " + links);
        for (String link : links) {
            HttpResponse<String> download = admin.get(link);
            assertEquals(200, download.statusCode(), link);
            assertEquals(admin.get(link.replace("/admin/exports/", "/api/exports/")).body(), download.body(), link);
        }
        assertTrue(admin.get("/admin/data").body().contains("/admin/exports/all_apps_wide\""),
                "the Data page has every session's files");
        assertEquals(404, admin.get("/admin/exports/apps/nosuchapp").statusCode());
    }

    @Test
    void unknownSessionsAppsAndExportsAre404JsonAndTheKeyIsRequired() {
        LudusApi api = newApi();
        for (String path : List.of("all_apps_wide?session=nosuchsession", "apps/nosuchapp", "custom/tictactoe",
                "codebook/nosuchapp", "everything")) {
            HttpResponse<String> response = api.get("/api/exports/" + path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(LudusApi.json(response.body()).getString("message").length() > 5, response.body());
        }
        assertEquals(400, api.get("/api/exports/page_times?excel=yes").statusCode());
        HttpResponse<String> withoutKey = LudusApi.withoutRestKey(api.base()).get("/api/exports/all_apps_wide");
        assertEquals(401, withoutKey.statusCode());
        assertEquals(401, LudusApi.withRestKey(api.base(), "wrong").get("/api/exports/live_messages").statusCode());
    }
}
