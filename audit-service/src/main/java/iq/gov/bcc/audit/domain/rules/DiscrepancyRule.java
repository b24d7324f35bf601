package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import java.util.List;

/**
 * One discrepancy type. A rule is a pure function of a declaration's story (plus tolerances and
 * reference facts): it returns what it finds now; the engine raises new findings and closes the
 * open cases of this type that are no longer found, with {@link #cureReason}.
 */
public interface DiscrepancyRule {

    DiscrepancyType type();

    List<Finding> evaluate(DeclarationStory story, RuleContext context);

    /** Why an open case of this type was closed automatically: what the story shows now. */
    String cureReason(DeclarationStory story);
}
