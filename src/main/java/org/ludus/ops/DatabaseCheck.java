package org.ludus.ops;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness "ludus-database": Ludus's database answers a query within {@link #TIMEOUT_SECONDS} s. The query
 * runs on a managed thread and the check waits for it at most that long, so a database that hangs, or a pool
 * whose connections are all taken, is reported down at once instead of holding the probe for the pool's
 * 30 s wait.
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final String NAME = "ludus-database";
    static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource database;

    @Resource
    ManagedExecutorService executor;

    /**
     * Made when the WAR deploys, not by the first probe: WildFly runs probes on its management threads, which have no
     * java:comp of the WAR, so java:comp/DefaultDataSource could not be injected then (the check was DOWN, named by
     * its proxy class).
     */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME);
        long started = System.nanoTime();
        try {
            CompletableFuture.runAsync(this::query, executor).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return response.up().withData("response_ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started))
                    .build();
        } catch (TimeoutException e) {
            return response.down().withData("error", "no answer within " + TIMEOUT_SECONDS + " s").build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return response.down().withData("error", String.valueOf(cause.getMessage())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("error", "interrupted").build();
        } catch (RuntimeException e) { // e.g. the executor refuses work while the server suspends
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private void query() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
