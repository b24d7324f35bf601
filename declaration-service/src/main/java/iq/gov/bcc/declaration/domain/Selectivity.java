package iq.gov.bcc.declaration.domain;

import iq.gov.bcc.declaration.config.SelectivityConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Chooses the lane at filing, and tightens it when an amendment declares what a rule selects. The
 * random draw uses a secure generator so that a crossing cannot predict which declarations escape control.
 */
@ApplicationScoped
public class Selectivity {

    public record Choice(Lane lane, String rule) {
    }

    private final SelectivityConfig config;
    private final RandomGenerator random;

    @Inject
    public Selectivity(SelectivityConfig config) {
        this(config, new SecureRandom());
    }

    Selectivity(SelectivityConfig config, RandomGenerator random) {
        this.config = config;
        this.random = random;
    }

    public Choice choose(String crossingCode, DeclarationContent content) {
        Choice choice = tighten(new Choice(Lane.GREEN, "default"), crossingCode, content);
        Lane drawn = draw();
        if (choice.lane().stricter(drawn) != choice.lane()) {
            choice = new Choice(drawn, "random");
        }
        return choice;
    }

    /**
     * The lane for what is declared now, starting from {@code current}: a rule that matches can only make
     * it stricter. An amendment is judged this way, with no new draw, so that amending can neither loosen
     * a lane nor redraw an unlucky one, and tobacco declared as steel at filing goes RED once it says tobacco.
     */
    public Choice tighten(Choice current, String crossingCode, DeclarationContent content) {
        Choice choice = current;
        for (SelectivityConfig.Rule rule : config.rules()) {
            if (matches(rule, crossingCode, content) && choice.lane().stricter(rule.lane()) != choice.lane()) {
                choice = new Choice(rule.lane(), rule.name());
            }
        }
        return choice;
    }

    private Lane draw() {
        SelectivityConfig.RandomRates rates = config.random();
        double u = random.nextDouble();
        if (u < rates.red()) {
            return Lane.RED;
        }
        if (u < rates.red() + rates.yellow()) {
            return Lane.YELLOW;
        }
        if (u < rates.red() + rates.yellow() + rates.blue()) {
            return Lane.BLUE;
        }
        return Lane.GREEN;
    }

    private static boolean matches(SelectivityConfig.Rule rule, String crossingCode, DeclarationContent content) {
        return anyOrMatches(rule.hsPrefixes(),
                prefixes -> content.items().stream().anyMatch(i -> prefixes.stream().anyMatch(i.hsCode()::startsWith)))
                && anyOrMatches(rule.origins(), origins -> origins.contains(content.originCountry()))
                && anyOrMatches(rule.traders(), traders -> traders.contains(content.trader().taxId()))
                && anyOrMatches(rule.crossings(), crossings -> crossings.contains(crossingCode));
    }

    private static boolean anyOrMatches(Optional<List<String>> criterion,
            java.util.function.Predicate<List<String>> test) {
        return criterion.map(test::test).orElse(true);
    }
}
