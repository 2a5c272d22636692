package io.bourse.engine.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.bourse.sbe.RejectReason;

/**
 * Keeps the validation tables complete: every RejectReason of the schema is expected by at least one row (or, for
 * MALFORMED_COMMAND, by {@link MalformedCommandBehaviourTest}). A reason added to the schema fails this until a
 * behaviour test reaches it.
 */
class RejectReasonCoverageTest
{
    @Test
    void shouldExpectEveryRejectReasonOfTheSchemaInSomeValidationTable()
    {
        final Set<RejectReason> covered = EnumSet.of(RejectReason.MALFORMED_COMMAND);
        PlaceOrderValidationBehaviourTest.CASES.forEach(c -> covered.add(c.expected()));
        ReplaceOrderValidationBehaviourTest.CASES.forEach(c -> covered.add(c.expected()));
        AdminValidationBehaviourTest.CASES.forEach(c -> covered.add(c.expected().reason()));

        final Set<RejectReason> all = EnumSet.allOf(RejectReason.class);
        all.remove(RejectReason.NULL_VAL);
        assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
    }
}
