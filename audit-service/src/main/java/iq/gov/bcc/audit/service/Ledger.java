package iq.gov.bcc.audit.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.hibernate.Session;

/**
 * The tamper-evident ledger: every consumed event and every decision, chained by SHA-256 over the
 * previous hash, the sequence and the entry. The single {@code ledger_head} row is the lock every
 * writer of this service takes first, so the chain never forks and writers never deadlock.
 */
@ApplicationScoped
public class Ledger {

    public static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;

    private final EntityManager entityManager;

    Ledger(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Takes the writers' lock until the transaction ends; returns the chain's head hash. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String lock() {
        return (String) entityManager.createNativeQuery("SELECT last_hash FROM ledger_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
    }

    /** Appends one entry (canonical JSON text); the caller holds {@link #lock()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String entry) {
        appendAll(List.of(entry));
    }

    /**
     * Appends entries in order, chained one to the next, in one batch of inserts and one update of the
     * head; the caller holds {@link #lock()}.
     *
     * @return the head hash the chain will have once the transaction commits
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String appendAll(List<String> entries) {
        Object[] head = (Object[]) entityManager
                .createNativeQuery("SELECT last_sequence, last_hash FROM ledger_head WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        if (entries.isEmpty()) {
            return (String) head[1];
        }
        long first = ((Number) head[0]).longValue() + 1;
        String initial = (String) head[1];
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String last = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            String previous = initial;
            long sequence = first;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO ledger_entry "
                    + "(sequence, entry, previous_hash, hash, recorded_at) VALUES (?, ?, ?, ?, ?)")) {
                for (String entry : entries) {
                    String hash = hash(previous, sequence, entry);
                    insert.setLong(1, sequence);
                    insert.setString(2, entry);
                    insert.setString(3, previous);
                    insert.setString(4, hash);
                    insert.setObject(5, now);
                    insert.addBatch();
                    previous = hash;
                    sequence++;
                }
                insert.executeBatch();
            }
            return previous;
        });
        entityManager.createNativeQuery("UPDATE ledger_head SET last_sequence = ?1, last_hash = ?2 WHERE id = 1")
                .setParameter(1, first + entries.size() - 1).setParameter(2, last).executeUpdate();
        return last;
    }

    /**
     * Recomputes the chain from the genesis hash up to the head as it is when the verification starts.
     * Batches keep committing meanwhile: entries beyond that head are newer than the verification and
     * are left to the next one, rather than making the chain look longer than the head it was held to.
     */
    @Transactional
    public Verification verify() {
        Object[] head = (Object[]) entityManager.createNativeQuery("SELECT last_sequence, last_hash FROM ledger_head WHERE id = 1")
                .getSingleResult();
        long headSequence = ((Number) head[0]).longValue();
        String headHash = (String) head[1];
        String previous = GENESIS;
        long expected = 1;
        long after = 0;
        while (after < headSequence) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("SELECT sequence, entry, previous_hash, hash FROM ledger_entry "
                    + "WHERE sequence > ?1 AND sequence <= ?2 ORDER BY sequence LIMIT ?3")
                    .setParameter(1, after).setParameter(2, headSequence).setParameter(3, PAGE).getResultList();
            if (rows.isEmpty()) {
                break;
            }
            for (Object[] row : rows) {
                long sequence = ((Number) row[0]).longValue();
                String entry = (String) row[1];
                String storedPrevious = (String) row[2];
                String storedHash = (String) row[3];
                if (sequence != expected) {
                    return Verification.broken(expected - 1, sequence, "sequence " + expected + " is missing");
                }
                if (!storedPrevious.equals(previous)) {
                    return Verification.broken(expected - 1, sequence, "previous hash does not match the entry before");
                }
                if (!hash(previous, sequence, entry).equals(storedHash)) {
                    return Verification.broken(expected - 1, sequence, "entry does not match its hash");
                }
                previous = storedHash;
                expected++;
                after = sequence;
            }
        }
        if (headSequence != after || !previous.equals(headHash)) {
            return Verification.broken(after, after + 1, "the chain ends before its recorded head");
        }
        return new Verification(true, after, previous, null, null);
    }

    static String hash(String previous, long sequence, String entry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(Long.toString(sequence).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(entry.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param intact        whether every entry matches its hash and its predecessor
     * @param entries       entries verified intact
     * @param headHash      hash of the last intact entry
     * @param firstBroken   sequence of the first entry that does not verify
     * @param problem       what is wrong with it
     */
    public record Verification(boolean intact, long entries, String headHash, Long firstBroken, String problem) {
        static Verification broken(long intactEntries, long firstBroken, String problem) {
            return new Verification(false, intactEntries, null, firstBroken, problem);
        }
    }
}
