package iq.gov.bcc.declaration.service;

import iq.gov.bcc.declaration.domain.Declaration;
import iq.gov.bcc.declaration.domain.DeclarationVersion;
import iq.gov.bcc.declaration.domain.Inspection;
import iq.gov.bcc.declaration.domain.Weighing;
import java.util.List;

/** A declaration with its current version and the movements recorded against it. */
public record DeclarationStory(Declaration declaration, DeclarationVersion version, List<Weighing> weighings,
        List<Inspection> inspections) {

    static DeclarationStory load(Declaration d) {
        return new DeclarationStory(d, DeclarationVersion.of(d.id, d.currentVersion), Weighing.ofDeclaration(d.id),
                Inspection.ofDeclaration(d.id));
    }

    static DeclarationStory fresh(Declaration d, DeclarationVersion v) {
        return new DeclarationStory(d, v, List.of(), List.of());
    }
}
