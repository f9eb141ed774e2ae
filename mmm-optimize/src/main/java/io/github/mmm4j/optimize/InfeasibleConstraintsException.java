package io.github.mmm4j.optimize;

import java.util.List;

/**
 * Budget constraints that no allocation can satisfy. The message names the conflicting constraints, for example
 * {@code sum of channel minimums 1,200,000 exceeds the budget 1,000,000: tv >= 500,000, search >= 700,000}. It is
 * an {@link IllegalArgumentException}, so the command line reports it as bad input (exit code 2).
 */
public final class InfeasibleConstraintsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The conflicting constraints, one readable description each. */
    private final List<String> conflicts;

    /**
     * @param message the one-line message
     * @param conflicts the constraints that conflict, one readable description each
     */
    public InfeasibleConstraintsException(String message, List<String> conflicts) {
        super(message);
        this.conflicts = List.copyOf(conflicts);
    }

    /** @return the constraints that conflict, one readable description each */
    public List<String> conflicts() {
        return conflicts;
    }
}
