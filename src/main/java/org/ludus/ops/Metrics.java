package org.ludus.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ludus.Settings;
import org.ludus.export.Exports;
import org.ludus.live.SocketLanes;
import org.ludus.live.LiveConnections;

/**
 * This node's metrics for operators, in Prometheus's text format at {@code /metrics} ({@link MetricsServlet};
 * README "Operations"). Every name starts with {@code ludus_}; every series carries the node's name as
 * {@code node}, so the nodes of a cluster can be told apart.
 */
@ApplicationScoped
public class Metrics {

    /** The latency histogram's buckets: a live round trip is a few milliseconds; 3 s is the live timeout. */
    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
        Duration.ofSeconds(10)};

    @Inject
    LiveConnections connections;

    @Inject
    SocketLanes lanes;

    @Inject
    Exports exports;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MessageRate rate = new MessageRate();
    private final Map<String, Counter> replies = new ConcurrentHashMap<>();
    private Counter received;
    private Timer latency;

    /**
     * Made at deployment, with what it reads: a health probe comes on WildFly's management thread, which has no
     * java:comp of the WAR, so the live beans' resources (SocketLanes' UserTransaction) could not be injected if
     * a probe were the first to need them.
     */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
        lanes.backlog();
    }

    @PostConstruct
    void register() {
        registry.config().commonTags("node", Settings.node());
        received = Counter.builder("ludus.live.messages")
                .description("Live messages received from pages (frames of type live)")
                .register(registry);
        latency = Timer.builder("ludus.live.latency")
                .description("From a live message's arrival to its answer (ack or error) leaving for the socket")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
        reply("ack"); // present from the start, so a rate() over it starts at the first scrape
        Gauge.builder("ludus.live.messages.per.second", rate, MessageRate::perSecond)
                .description("Live messages received per second, over the last " + MessageRate.SECONDS + " s")
                .strongReference(true)
                .register(registry);
        Gauge.builder("ludus.live.connections", connections, LiveConnections::openCount)
                .description("Live sockets open on this node")
                .strongReference(true)
                .register(registry);
        Gauge.builder("ludus.live.queued", lanes, l -> l.backlog().queued())
                .description("Live messages and state requests waiting on this node, not yet begun (sockets' and groups' lanes)")
                .strongReference(true)
                .register(registry);
        Gauge.builder("ludus.live.oldest.wait", lanes, l -> l.backlog().oldestWaitNanos() / 1e9)
                .description("How long the oldest of the waiting messages has waited")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        Gauge.builder("ludus.live.stuck.threads", lanes, l -> l.backlog().stuckThreads())
                .description("Live threads given up inside a live method that ran past the live timeout")
                .strongReference(true)
                .register(registry);
        Gauge.builder("ludus.exports.running", exports, Exports::writingNow)
                .description("Exports being written on this node (downloads and export jobs' files)")
                .strongReference(true)
                .register(registry);
    }

    /** A live frame arrived; its answer will be counted by {@link #liveAnswered}. */
    public void liveReceived() {
        received.increment();
        rate.add();
    }

    /**
     * A live message was answered: {@code code} is {@code ack} or the error's code (docs/protocol.md);
     * {@code receivedNanos} is {@link System#nanoTime()} when it arrived.
     */
    public void liveAnswered(String code, long receivedNanos) {
        reply(code).increment();
        latency.record(System.nanoTime() - receivedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    private Counter reply(String code) {
        return replies.computeIfAbsent(code, c -> Counter.builder("ludus.live.replies")
                .description("Answers to live messages: ack, or the error's code")
                .tag("code", c)
                .register(registry));
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }
}
