package io.github.mmm4j.auto;

import java.util.List;
import java.util.Objects;

/**
 * The critic's quality gate on one round.
 *
 * @param checks every check, passed or not
 * @param verdict APPROVED when every blocking check passed, else REVISE
 */
public record Critique(List<Check> checks, Verdict verdict) {

    /** Validates and copies. */
    public Critique {
        checks = List.copyOf(checks);
        Objects.requireNonNull(verdict, "verdict");
    }

    /** @return the checks that failed, blocking or not */
    public List<Check> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /**
     * @param name a check's name
     * @return true if that check exists and failed
     */
    public boolean failed(String name) {
        return checks.stream().anyMatch(c -> c.name().equals(name) && !c.passed());
    }

    /** @return the number of checks that passed */
    public int passedCount() {
        return (int) checks.stream().filter(Check::passed).count();
    }
}
