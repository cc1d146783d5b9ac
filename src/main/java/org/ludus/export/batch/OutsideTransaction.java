package org.ludus.export.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Runs work with the caller's transaction set aside, suspended and resumed by the container's
 * {@code @Transactional} interceptor: the portable way, where a {@code TransactionManager} has a JNDI name of
 * each server's own ({@code java:/TransactionManager} on WildFly, another on GlassFish).
 */
@ApplicationScoped
public class OutsideTransaction {

    /** Work that may throw what its caller handles. */
    public interface Work<T> {
        T run() throws Exception;
    }

    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public <T> T call(Work<T> work) throws Exception {
        return work.run();
    }
}
