package iq.gov.bcc.declaration.service;

import iq.gov.bcc.declaration.domain.Declaration;
import iq.gov.bcc.platform.problem.Problems;
import iq.gov.bcc.platform.security.CallerCrossing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ForbiddenException;
import java.util.UUID;

/**
 * Who may see and change a declaration. Auditors read everything; a crossing reads and writes its
 * own declarations and reads the transits that must leave through it.
 */
@ApplicationScoped
public class DeclarationAccess {

    private final CallerCrossing caller;

    DeclarationAccess(CallerCrossing caller) {
        this.caller = caller;
    }

    /** Locks the declaration for a write by its own crossing: 404 if unknown, 403 for another crossing. */
    public Declaration lockForWrite(UUID id) {
        Declaration d = Declaration.lockById(id).orElseThrow(() -> Problems.notFound("declaration", id));
        caller.assertMayWriteFor(d.crossingCode);
        return d;
    }

    public Declaration read(UUID id) {
        Declaration d = Declaration.<Declaration>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("declaration", id));
        if (caller.isCrossingSystem()) {
            String own = caller.code().orElse("");
            if (!own.equals(d.crossingCode) && !own.equals(d.exitCrossingCode)) {
                throw new ForbiddenException("declaration " + id + " belongs to crossing " + d.crossingCode);
            }
        }
        return d;
    }

    /** The crossing a list is restricted to: a crossing sees only its own, auditors whatever they ask. */
    public String listScope(String requested) {
        if (!caller.isCrossingSystem()) {
            return requested;
        }
        String own = caller.code().orElseThrow(() -> new ForbiddenException("token carries no crossing_code"));
        if (requested != null && !requested.equals(own)) {
            throw new ForbiddenException("this client may list only crossing " + own);
        }
        return own;
    }

    public void assertMayWriteFor(String crossingCode) {
        caller.assertMayWriteFor(crossingCode);
    }

    public String principal() {
        return caller.principal();
    }
}
