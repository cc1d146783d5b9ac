package org.ludus.bots;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The auction's bot: each player bids a little above the highest bid it has seen, at a given rate, through
 * the real socket. Returns what happened, so a caller can check the database against it.
 */
public final class AuctionBot {

    /** What the bots did: bids sent, acknowledged, refused, and the highest bid any of them sent. */
    public record Report(int sent, int acknowledged, int refused, BigDecimal highestSent) {
    }

    private AuctionBot() {
    }

    /**
     * Plays the participants' auction pages: {@code bidsPerPlayer} bids each, at most {@code bidsPerSecond}
     * per player (0: as fast as the answers come). Blocks until every bid is answered.
     */
    public static Report play(URI base, List<String> participantCodes, int bidsPerPlayer, double bidsPerSecond) {
        HttpClient http = Participants.httpClient();
        var highestSeen = new AtomicReference<>(BigDecimal.ZERO);
        var highestSent = new AtomicReference<>(BigDecimal.ZERO);
        var acknowledged = new AtomicInteger();
        var refused = new AtomicInteger();
        var players = new ArrayList<LivePlayer>();
        try {
            for (String code : participantCodes) {
                int page = Participants.start(http, base, code);
                players.add(LivePlayer.connect(http, base, code, page, data -> see(data, highestSeen)));
            }
            long pauseNanos = bidsPerSecond > 0 ? (long) (1e9 / bidsPerSecond) : 0;
            var done = new ArrayList<CompletableFuture<Void>>();
            for (LivePlayer player : players) {
                done.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < bidsPerPlayer; i++) {
                        BigDecimal bid = highestSeen.get().add(BigDecimal.valueOf(
                                ThreadLocalRandom.current().nextInt(1, 11)));
                        highestSent.accumulateAndGet(bid, BigDecimal::max);
                        LivePlayer.Answer answer = player.send(Map.of("bid", bid)).join();
                        (answer.ok() ? acknowledged : refused).incrementAndGet();
                        if (pauseNanos > 0) {
                            LockSupport.parkNanos(pauseNanos);
                        }
                    }
                }));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
            return new Report(bidsPerPlayer * players.size(), acknowledged.get(), refused.get(), highestSent.get());
        } finally {
            players.forEach(LivePlayer::close);
        }
    }

    private static void see(JsonValue data, AtomicReference<BigDecimal> highestSeen) {
        if (data instanceof JsonObject news && news.get("bid") instanceof JsonNumber bid) {
            highestSeen.accumulateAndGet(bid.bigDecimalValue(), BigDecimal::max);
        }
    }
}
