package io.github.mmm4j.optimize;

import io.github.mmm4j.core.Checks;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The constraints of a budget allocation over a planning horizon: the total budget (spent exactly, or at most),
 * per-channel {@link ChannelBound}s, locked channels, and {@link ChannelGroup}s with group bounds. Immutable; built
 * with {@link #builder()}.
 *
 * <p>Without a budget the total is the baseline plan's total (the current spend over the same horizon). A locked
 * channel spends exactly its lock amount (by default its current spend). Every channel is implicitly bounded by
 * {@code [0, budget]}.
 */
public final class BudgetConstraints {

    /** At most this many feasibility problems to find the bounds that clash (each a few milliseconds at most). */
    private static final int CONFLICT_SOLVES = 400;

    private final OptionalDouble budget;
    private final boolean atMost;
    private final Map<String, ChannelBound> bounds;
    private final Map<String, OptionalDouble> locks;
    private final List<ChannelGroup> groups;

    private BudgetConstraints(Builder b) {
        this.budget = b.budget;
        this.atMost = b.atMost;
        this.bounds = Map.copyOf(b.bounds);
        this.locks = Map.copyOf(b.locks);
        this.groups = List.copyOf(b.groups);
    }

    /** @return a builder with no constraints */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the current budget spent exactly, no other constraint */
    public static BudgetConstraints none() {
        return builder().build();
    }

    /** @return the budget, empty for "the current spend" */
    public OptionalDouble budget() {
        return budget;
    }

    /** @return whether the budget is a cap ({@code sum <= budget}) rather than spent exactly */
    public boolean atMost() {
        return atMost;
    }

    /** @return per-channel bounds by channel name */
    public Map<String, ChannelBound> bounds() {
        return bounds;
    }

    /** @return locked channels by name, each with its amount or empty for its current spend */
    public Map<String, OptionalDouble> locks() {
        return locks;
    }

    /** @return the channel groups */
    public List<ChannelGroup> groups() {
        return groups;
    }

    /**
     * Constraints resolved to absolute amounts for a planning model and a budget. {@code members[g]} lists group
     * {@code g}'s channels; when some channel is in two groups ({@code overlapping}), {@code groupOf} is -1 for every
     * channel and only {@code members} describes the groups.
     */
    record Resolved(double budget, boolean equality, double[] lo, double[] hi, boolean[] locked, int[] groupOf,
            double[] groupLo, double[] groupHi, List<String> groupNames, int[][] members, boolean overlapping) {
    }

    /**
     * Resolves the constraints to absolute bounds for a budget and checks that they can be met together.
     *
     * @param channels the channel names
     * @param current the current spend per channel
     * @param total the budget
     * @param equality whether the budget is spent exactly
     * @return the resolved constraints
     * @throws InfeasibleConstraintsException naming the conflicting constraints
     */
    Resolved resolve(List<String> channels, double[] current, double total, boolean equality) {
        int n = channels.size();
        for (String name : bounds.keySet()) {
            Checks.checkArgument(channels.contains(name), "bound on unknown channel '%s'; channels are %s", name, channels);
        }
        for (String name : locks.keySet()) {
            Checks.checkArgument(channels.contains(name), "lock on unknown channel '%s'; channels are %s", name, channels);
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[] locked = new boolean[n];
        List<String> conflicts = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            String name = channels.get(c);
            ChannelBound b = bounds.get(name);
            double[] r = b == null ? new double[] {0, Double.POSITIVE_INFINITY} : b.resolve(total, current[c]);
            lo[c] = r[0];
            hi[c] = Math.min(r[1], total);
            if (locks.containsKey(name)) {
                double v = locks.get(name).orElse(current[c]);
                if (b != null && (v < r[0] - 1e-9 * Math.max(1, v) || v > r[1] + 1e-9 * Math.max(1, v))) {
                    conflicts.add(name + " is locked at " + Fmt.amount(v) + " outside its bounds [" + Fmt.amount(r[0])
                            + ", " + Fmt.amount(r[1]) + "]");
                }
                lo[c] = v;
                hi[c] = v;
                locked[c] = true;
            } else if (r[0] > r[1]) {
                conflicts.add(name + ": minimum " + Fmt.amount(r[0]) + " exceeds maximum " + Fmt.amount(r[1]));
            }
        }
        fail(conflicts);
        int ng = groups.size();
        int[] groupOf = new int[n];
        java.util.Arrays.fill(groupOf, -1);
        int[][] members = new int[ng][];
        int[] memberships = new int[n];
        boolean overlapping = false;
        double[] gLo = new double[ng];
        double[] gHi = new double[ng];
        List<String> gNames = new ArrayList<>();
        for (int gi = 0; gi < ng; gi++) {
            ChannelGroup g = groups.get(gi);
            gNames.add(g.name());
            gLo[gi] = g.min();
            gHi[gi] = g.max();
            double sumLo = 0;
            double sumHi = 0;
            List<String> mins = new ArrayList<>();
            List<String> maxs = new ArrayList<>();
            members[gi] = new int[g.channels().size()];
            int m = 0;
            for (String name : g.channels()) {
                int c = channels.indexOf(name);
                Checks.checkArgument(c >= 0, "group '%s' names unknown channel '%s'; channels are %s", g.name(), name,
                        channels);
                members[gi][m++] = c;
                overlapping |= ++memberships[c] > 1;
                groupOf[c] = gi;
                sumLo += lo[c];
                sumHi += hi[c];
                mins.add(describeMin(name, lo[c], locked[c]));
                maxs.add(describeMax(name, hi[c], locked[c]));
            }
            if (g.min() > g.max()) {
                conflicts.add("group " + g.name() + ": minimum " + Fmt.amount(g.min()) + " exceeds maximum "
                        + Fmt.amount(g.max()));
            } else if (sumLo > g.max() * (1 + 1e-12)) {
                conflicts.add("group " + g.name() + " maximum " + Fmt.amount(g.max())
                        + " is below the sum of its channel minimums " + Fmt.amount(sumLo) + ": " + String.join(", ", mins));
            } else if (sumHi < g.min() * (1 - 1e-12)) {
                conflicts.add("group " + g.name() + " minimum " + Fmt.amount(g.min())
                        + " exceeds the sum of its channel maximums " + Fmt.amount(sumHi) + ": " + String.join(", ", maxs));
            }
        }
        fail(conflicts);
        if (overlapping) {
            // the totals below then count each channel alone; whether the groups can be met together is a linear
            // feasibility question, answered exactly after them
            java.util.Arrays.fill(groupOf, -1);
        }
        // Totals: effective minimum and maximum of each group or ungrouped channel.
        double minTotal = 0;
        double maxTotal = 0;
        List<String> minParts = new ArrayList<>();
        List<String> maxParts = new ArrayList<>();
        for (int gi = 0; gi < (overlapping ? 0 : ng); gi++) {
            double sLo = 0;
            double sHi = 0;
            for (int c = 0; c < n; c++) {
                if (groupOf[c] == gi) {
                    sLo += lo[c];
                    sHi += hi[c];
                }
            }
            double eLo = Math.max(gLo[gi], sLo);
            double eHi = Math.min(gHi[gi], sHi);
            minTotal += eLo;
            maxTotal += eHi;
            if (eLo > 0) {
                minParts.add("group " + gNames.get(gi) + " >= " + Fmt.amount(eLo));
            }
            maxParts.add("group " + gNames.get(gi) + " <= " + Fmt.amount(eHi));
        }
        for (int c = 0; c < n; c++) {
            if (groupOf[c] < 0) {
                minTotal += lo[c];
                maxTotal += hi[c];
                if (lo[c] > 0) {
                    minParts.add(describeMin(channels.get(c), lo[c], locked[c]));
                }
                maxParts.add(describeMax(channels.get(c), hi[c], locked[c]));
            }
        }
        String what = ng == 0 || overlapping ? "channel " : "";
        if (minTotal > total * (1 + 1e-12) + 1e-12) {
            conflicts.add("sum of " + what + "minimums " + Fmt.amount(minTotal) + " exceeds the budget "
                    + Fmt.amount(total) + ": " + String.join(", ", minParts));
        } else if (equality && maxTotal < total * (1 - 1e-12)) {
            conflicts.add("sum of " + what + "maximums " + Fmt.amount(maxTotal) + " is below the budget "
                    + Fmt.amount(total) + ": " + String.join(", ", maxParts));
        }
        fail(conflicts);
        if (overlapping && !OverlapFeasibility.feasible(lo, hi, members, gLo, gHi, total, equality)) {
            // the few bounds that clash are found only when the message is read (the frontier never reads it)
            throw new InfeasibleConstraintsException(() -> List.of(overlapConflict(channels, lo, hi, locked, members,
                    gLo, gHi, gNames, total, equality)));
        }
        fail(conflicts);
        return new Resolved(total, equality, lo, hi, locked, groupOf, gLo, gHi, gNames, members, overlapping);
    }

    /** The message of overlapping bounds that cannot be met together, naming the bounds that clash. */
    private static String overlapConflict(List<String> channels, double[] lo, double[] hi, boolean[] locked,
            int[][] members, double[] gLo, double[] gHi, List<String> gNames, double total, boolean equality) {
        List<String> all = new ArrayList<>();
        for (int[] b : OverlapFeasibility.conflict(lo, hi, members, gLo, gHi, total, equality, CONFLICT_SOLVES)) {
            int i = b[1];
            all.add(switch (b[0]) {
                case OverlapFeasibility.CHANNEL_MIN -> describeMin(channels.get(i), lo[i], locked[i]);
                case OverlapFeasibility.CHANNEL_MAX -> describeMax(channels.get(i), hi[i], locked[i]);
                case OverlapFeasibility.GROUP_MIN -> "group " + gNames.get(i) + " >= " + Fmt.amount(gLo[i]);
                default -> "group " + gNames.get(i) + " <= " + Fmt.amount(gHi[i]);
            });
        }
        String which = "these bounds cannot all be met together";
        if (all.isEmpty()) {
            // too many bounds to search for the few that clash: list the groups
            for (int gi = 0; gi < gNames.size(); gi++) {
                all.add("group " + gNames.get(gi) + " in [" + Fmt.amount(gLo[gi]) + ", " + Fmt.amount(gHi[gi]) + "]");
            }
        } else {
            which += " (relax at least one of them)";
        }
        return which + " with a budget " + (equality ? "of " : "of at most ") + Fmt.amount(total) + ": "
                + String.join(", ", all);
    }

    private static String describeMin(String name, double v, boolean locked) {
        return locked ? name + " = " + Fmt.amount(v) + " (locked)" : name + " >= " + Fmt.amount(v);
    }

    private static String describeMax(String name, double v, boolean locked) {
        return locked ? name + " = " + Fmt.amount(v) + " (locked)" : name + " <= " + Fmt.amount(v);
    }

    private static void fail(List<String> conflicts) {
        if (!conflicts.isEmpty()) {
            throw new InfeasibleConstraintsException(String.join("; ", conflicts), conflicts);
        }
    }

    /** Builds {@link BudgetConstraints}. */
    public static final class Builder {
        private OptionalDouble budget = OptionalDouble.empty();
        private boolean atMost;
        private final Map<String, ChannelBound> bounds = new LinkedHashMap<>();
        private final Map<String, OptionalDouble> locks = new LinkedHashMap<>();
        private final List<ChannelGroup> groups = new ArrayList<>();

        private Builder() {
        }

        /**
         * Spends exactly {@code total}.
         *
         * @param total the budget over the horizon, finite and at least 0
         * @return this builder
         */
        public Builder budget(double total) {
            this.budget = OptionalDouble.of(Checks.checkNonNegative("budget", total));
            this.atMost = false;
            return this;
        }

        /**
         * Spends at most {@code total}.
         *
         * @param total the cap over the horizon, finite and at least 0
         * @return this builder
         */
        public Builder budgetAtMost(double total) {
            this.budget = OptionalDouble.of(Checks.checkNonNegative("budget", total));
            this.atMost = true;
            return this;
        }

        /**
         * @param channel a channel
         * @param bound its bounds (replacing earlier ones)
         * @return this builder
         */
        public Builder bound(String channel, ChannelBound bound) {
            bounds.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(bound, "bound"));
            return this;
        }

        /**
         * @param channel a channel
         * @param min the minimum horizon spend
         * @param max the maximum horizon spend, possibly {@code +infinity}
         * @return this builder
         */
        public Builder bound(String channel, double min, double max) {
            return bound(channel, ChannelBound.absolute(min, max));
        }

        /**
         * Locks a channel at its current spend.
         *
         * @param channel a channel
         * @return this builder
         */
        public Builder lock(String channel) {
            locks.put(Objects.requireNonNull(channel, "channel"), OptionalDouble.empty());
            return this;
        }

        /**
         * Locks a channel at an amount.
         *
         * @param channel a channel
         * @param amount its horizon spend, finite and at least 0
         * @return this builder
         */
        public Builder lock(String channel, double amount) {
            locks.put(Objects.requireNonNull(channel, "channel"),
                    OptionalDouble.of(Checks.checkNonNegative("amount", amount)));
            return this;
        }

        /**
         * @param group a group of channels with bounds on their total
         * @return this builder
         */
        public Builder group(ChannelGroup group) {
            groups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /** @return the constraints */
        public BudgetConstraints build() {
            return new BudgetConstraints(this);
        }
    }
}
