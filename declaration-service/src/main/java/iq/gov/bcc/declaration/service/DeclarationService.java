package iq.gov.bcc.declaration.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import iq.gov.bcc.declaration.domain.Declaration;
import iq.gov.bcc.declaration.domain.DeclarationContent;
import iq.gov.bcc.declaration.domain.DeclarationRows;
import iq.gov.bcc.declaration.domain.DeclarationStatus;
import iq.gov.bcc.declaration.domain.DeclarationVersion;
import iq.gov.bcc.declaration.domain.Selectivity;
import iq.gov.bcc.declaration.messaging.DeclarationEvents;
import iq.gov.bcc.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Filing, amending and reading declarations. */
@ApplicationScoped
public class DeclarationService {

    public record ListQuery(String crossing, DeclarationStatus status, OffsetDateTime from, OffsetDateTime to,
            int limit, String cursor) {
    }

    public record Page(List<Declaration> items, String nextCursor) {
    }

    private final Selectivity selectivity;
    private final Fingerprint fingerprint;
    private final DeclarationEvents events;
    private final DeclarationAccess access;
    private final DeclarationRows rows;

    DeclarationService(Selectivity selectivity, Fingerprint fingerprint, DeclarationEvents events,
            DeclarationAccess access, DeclarationRows rows) {
        this.selectivity = selectivity;
        this.fingerprint = fingerprint;
        this.events = events;
        this.access = access;
        this.rows = rows;
    }

    /**
     * Files a declaration, or recognises a retry: the same crossing and reference with the same body
     * returns the existing declaration, with a different body a 409.
     */
    public Outcome<DeclarationStory> file(String crossingCode, String reference, DeclarationContent content) {
        access.assertMayWriteFor(crossingCode);
        String contentPrint = fingerprint.of(content);
        String print = fingerprint.of(List.of(crossingCode, reference, contentPrint));
        String recordedBy = access.principal();
        return IdempotentWrite.createOrReplay(
                () -> create(crossingCode, reference, content, contentPrint, print, recordedBy),
                () -> replay(crossingCode, reference, print, content));
    }

    private Outcome<DeclarationStory> create(String crossingCode, String reference, DeclarationContent content,
            String contentPrint, String print, String recordedBy) {
        // No look-up first: a repeated filing is rare, and the unique key catches it at the insert below.
        OffsetDateTime now = now();
        Selectivity.Choice lane = selectivity.choose(crossingCode, content);
        Declaration d = new Declaration();
        d.id = UUID.randomUUID();
        d.crossingCode = crossingCode;
        d.reference = reference;
        d.status = DeclarationStatus.FILED;
        d.lane = lane.lane();
        d.laneRule = lane.rule();
        d.filingFingerprint = print;
        d.recordedAt = now;
        d.adopt(1, content);
        DeclarationVersion v = DeclarationVersion.of(d.id, 1, content, null, contentPrint, now, recordedBy);
        // A repeated filing, or a concurrent retry that got here first, fails here on the unique key;
        // IdempotentWrite then replays it against the stored declaration.
        rows.insertFiled(d, v);
        events.filedOrAmended(d, v);
        return new Outcome<>(DeclarationStory.fresh(d, v), true);
    }

    private Outcome<DeclarationStory> replay(String crossingCode, String reference, String print,
            DeclarationContent content) {
        Declaration existing = Declaration.byReference(crossingCode, reference)
                .orElseThrow(() -> new IllegalStateException("declaration vanished: " + crossingCode + "/" + reference));
        if (!existing.filingFingerprint.equals(print) && !existing.filingFingerprint.equals(
                fingerprint.of(List.of(crossingCode, reference, fingerprint.asPrintedBefore(content))))) {
            throw Problems.conflict("declaration " + reference + " of crossing " + crossingCode + " already exists ("
                    + existing.id + ") with a different body; to change it, post an amendment");
        }
        return new Outcome<>(DeclarationStory.load(existing), false);
    }

    /** A new version from a changed copy; the same content as the current version again is a retry. */
    @Transactional
    public Outcome<DeclarationStory> amend(UUID id, String crossingCode, String reference, DeclarationContent content,
            String reason) {
        Declaration d = access.lockForWrite(id);
        if (!d.crossingCode.equals(crossingCode)) {
            throw Problems.badField("crossingCode", "cannot change in an amendment; the declaration belongs to "
                    + d.crossingCode);
        }
        if (!d.reference.equals(reference)) {
            throw Problems.badField("reference", "cannot change in an amendment; the declaration is " + d.reference);
        }
        if (reason == null || reason.isBlank()) {
            throw Problems.badField("reason", "is required for an amendment");
        }
        if (!sameInstant(content.lodgedAt(), d.lodgedAt)) {
            // Moving the lodgement would move the day a licence or a measure is judged at.
            throw Problems.badField("lodgedAt", "cannot change in an amendment; the declaration was lodged at " + d.lodgedAt);
        }
        if (d.status != DeclarationStatus.FILED) {
            assertMovementUnchanged(d, content);
        }
        String print = fingerprint.of(content);
        DeclarationVersion current = DeclarationVersion.of(id, d.currentVersion);
        if (current.contentFingerprint.equals(print) || current.contentFingerprint.equals(fingerprint.asPrintedBefore(content))) {
            return new Outcome<>(DeclarationStory.load(d), false);
        }
        int next = d.currentVersion + 1;
        DeclarationVersion v = DeclarationVersion.of(id, next, content, reason, print, now(), access.principal());
        rows.insert(v);
        if (d.status == DeclarationStatus.FILED) {
            // Once released the lane has done its work; before, it follows what is declared now.
            Selectivity.Choice lane = selectivity.tighten(new Selectivity.Choice(d.lane, d.laneRule), d.crossingCode, content);
            d.lane = lane.lane();
            d.laneRule = lane.rule();
        }
        d.adopt(next, content);
        events.filedOrAmended(d, v);
        return new Outcome<>(DeclarationStory.load(d), true);
    }

    /**
     * Once the goods have left the crossing, where and by when a transit must exit is what the exit
     * crossing and the audit hold it to; moving either then would hide a diversion.
     */
    private static void assertMovementUnchanged(Declaration d, DeclarationContent content) {
        String after = " after the goods were released (the declaration is " + d.status + ")";
        if (content.direction() != d.direction) {
            throw Problems.conflict("direction cannot change from " + d.direction + " to " + content.direction() + after);
        }
        if (!Objects.equals(content.exitCrossingCode(), d.exitCrossingCode)) {
            throw Problems.conflict("exitCrossingCode cannot change from " + d.exitCrossingCode + " to "
                    + content.exitCrossingCode() + after);
        }
        if (content.transitDeadline() != null && d.transitDeadline != null
                && !sameInstant(content.transitDeadline(), d.transitDeadline)) {
            throw Problems.conflict("transitDeadline cannot change from " + d.transitDeadline + " to "
                    + content.transitDeadline() + after);
        }
    }

    /** The store keeps times to the microsecond; a client may have sent nanoseconds. */
    static boolean sameInstant(OffsetDateTime sent, OffsetDateTime stored) {
        return Duration.between(sent, stored).abs().compareTo(Duration.ofNanos(1_000)) < 0;
    }

    @Transactional
    public DeclarationStory get(UUID id) {
        return DeclarationStory.load(access.read(id));
    }

    @Transactional
    public List<DeclarationVersion> versions(UUID id) {
        access.read(id);
        return DeclarationVersion.history(id);
    }

    @Transactional
    public DeclarationVersion version(UUID id, int version) {
        access.read(id);
        DeclarationVersion v = DeclarationVersion.of(id, version);
        if (v == null) {
            throw Problems.notFound("version " + version + " of declaration", id);
        }
        return v;
    }

    /**
     * Keyset pagination in lodgement order, which no amendment moves: no declaration is listed twice. A
     * back-dated offline upload lands before a cursor already passed (the operation says so).
     */
    @Transactional
    public Page list(ListQuery query) {
        String crossing = access.listScope(query.crossing());
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (crossing != null) {
            where.append(" and crossingCode = :crossing");
            params.and("crossing", crossing);
        }
        if (query.status() != null) {
            where.append(" and status = :status");
            params.and("status", query.status());
        }
        if (query.from() != null) {
            where.append(" and lodgedAt >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            where.append(" and lodgedAt < :to");
            params.and("to", query.to());
        }
        if (query.cursor() != null) {
            Cursor after = Cursor.decode(query.cursor());
            where.append(" and (lodgedAt > :afterAt or (lodgedAt = :afterAt and id > :afterId))");
            params.and("afterAt", after.lodgedAt()).and("afterId", after.id());
        }
        List<Declaration> rows = Declaration.<Declaration>find(where.toString(), Sort.by("lodgedAt").and("id"), params)
                .page(0, query.limit() + 1).list();
        if (rows.size() <= query.limit()) {
            return new Page(rows, null);
        }
        List<Declaration> page = rows.subList(0, query.limit());
        Declaration last = page.get(page.size() - 1);
        return new Page(page, new Cursor(last.lodgedAt, last.id).encode());
    }

    record Cursor(OffsetDateTime lodgedAt, UUID id) {
        String encode() {
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, lodgedAt.toInstant());
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String text) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|");
                Instant at = Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
                return new Cursor(at.atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw Problems.badParameter("cursor", "is not a cursor this service issued");
            }
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
