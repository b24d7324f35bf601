package iq.gov.bcc.declaration.config;

import iq.gov.bcc.declaration.domain.Lane;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * {@code bcc.selectivity.*}: the risk rules that send a declaration to a lane, and the random rates
 * that keep every lane unpredictable (as ASYCUDA's selectivity does). Rules only tighten control:
 * the strictest of the matching rules and the random draw wins.
 */
@ConfigMapping(prefix = "bcc.selectivity")
public interface SelectivityConfig {

    List<Rule> rules();

    RandomRates random();

    /** A rule matches when every criterion it names matches; a criterion left out matches anything. */
    interface Rule {
        /** Stored with the declaration as the reason for its lane. */
        String name();

        Lane lane();

        /** Any item's HS code starting with one of these. */
        Optional<List<String>> hsPrefixes();

        /** ISO 3166 alpha-2 origin countries. */
        Optional<List<String>> origins();

        /** Trader tax ids. */
        Optional<List<String>> traders();

        /** Crossing codes. */
        Optional<List<String>> crossings();
    }

    /** Share of declarations drawn into each lane at random, whatever the rules say (0 to 1). */
    interface RandomRates {
        @WithDefault("0.03")
        double red();

        @WithDefault("0.07")
        double yellow();

        @WithDefault("0.05")
        double blue();
    }
}
