package io.github.mmm4j.optimize;

import java.util.List;

/**
 * Budget constraints that no allocation can satisfy. The message names the conflicting constraints, for example
 * {@code sum of channel minimums 1,200,000 exceeds the budget 1,000,000: tv >= 500,000, search >= 700,000}. It is
 * an {@link IllegalArgumentException}, so the command line reports it as bad input (exit code 2).
 */
public final class InfeasibleConstraintsException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The conflicting constraints, one readable description each; null until {@link #explain} has run. */
    private transient List<String> conflicts;
    /** Computes the conflicts when first asked (finding the few bounds that clash may take many solves). */
    private transient java.util.function.Supplier<List<String>> explain;

    /**
     * @param message the one-line message
     * @param conflicts the constraints that conflict, one readable description each
     */
    public InfeasibleConstraintsException(String message, List<String> conflicts) {
        super(message);
        this.conflicts = List.copyOf(conflicts);
    }

    /**
     * An exception whose conflicts are worked out only when its message or conflicts are read: a caller that only
     * needs to know that a budget is infeasible (the efficiency frontier) does not pay for the explanation.
     *
     * @param explain computes the conflicts, one readable description each
     */
    InfeasibleConstraintsException(java.util.function.Supplier<List<String>> explain) {
        super((String) null);
        this.explain = explain;
    }

    private synchronized List<String> explained() {
        if (conflicts == null) {
            conflicts = List.copyOf(explain.get());
            explain = null;
        }
        return conflicts;
    }

    @Override
    public String getMessage() {
        return String.join("; ", explained());
    }

    /** @return the constraints that conflict, one readable description each */
    public List<String> conflicts() {
        return explained();
    }
}
