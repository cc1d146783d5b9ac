package org.ludus.lab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Researchers' REST keys, sent as oTree's {@code otree-rest-key} header. A key is 32 random bytes, shown once
 * when created; only its SHA-256 is stored (a key that random needs no slow hash: nobody can guess through
 * the hash's inputs). Its last use is kept to the minute, so a script's calls do not write on every request.
 */
@ApplicationScoped
public class RestKeys {

    static final String PREFIX = "ludus_";
    /** The longest label (what a key is for); the form refuses a longer one. */
    public static final int MAX_LABEL = 100;
    private static final int SHOWN_START = 12;
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A key just created: its text, shown this once. */
    public record Created(RestKey key, String text) {
    }

    /** What a key sent with a request is. */
    public sealed interface Use {
    }

    /** A valid key, acting as its owner. */
    public record Valid(String owner) implements Use {
    }

    public record Revoked() implements Use {
    }

    public record Unknown() implements Use {
    }

    @PersistenceContext
    EntityManager em;

    @Transactional
    public Created create(String owner, String label) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String text = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String name = label == null || label.isBlank() ? "key" : label.strip();
        if (name.length() > MAX_LABEL) {
            throw new IllegalArgumentException("a key's label has at most " + MAX_LABEL + " characters");
        }
        var key = new RestKey(owner, name, hash(text),
                text.substring(0, SHOWN_START));
        em.persist(key);
        return new Created(key, text);
    }

    /** Looks the key up by its hash; a valid one's last use is recorded. */
    @Transactional
    public Use use(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() > 100) {
            return new Unknown();
        }
        Optional<RestKey> found = em.createNamedQuery("RestKey.byHash", RestKey.class).setParameter("hash", hash(text))
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return new Unknown();
        }
        RestKey key = found.get();
        if (key.isRevoked()) {
            return new Revoked();
        }
        Instant now = Instant.now();
        if (key.getLastUsedAt() == null || key.getLastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
            key.usedAt(now);
        }
        return new Valid(key.getOwner());
    }

    @Transactional
    public List<RestKey> ofOwner(String owner) {
        return em.createNamedQuery("RestKey.ofOwner", RestKey.class).setParameter("owner", owner).getResultList();
    }

    @Transactional
    public List<RestKey> all() {
        return em.createNamedQuery("RestKey.all", RestKey.class).getResultList();
    }

    @Transactional
    public Optional<RestKey> find(long id) {
        return Optional.ofNullable(em.find(RestKey.class, id));
    }

    @Transactional
    public void revoke(long id) {
        RestKey key = em.find(RestKey.class, id);
        if (key != null) {
            key.revoke(Instant.now());
        }
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
