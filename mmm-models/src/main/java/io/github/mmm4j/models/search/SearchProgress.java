package io.github.mmm4j.models.search;

/**
 * Receives progress from a running {@link HyperparameterSearch}: every trial reports after each
 * {@link #INTERVAL} of its evaluations and once when it ends. Calls come from the trials' threads but never
 * concurrently (they are serialised by the search), so an implementation need not be thread-safe, but it should be
 * fast. Progress never influences the result. An exception thrown here aborts the search and is rethrown by
 * {@link HyperparameterSearch#run}.
 */
@FunctionalInterface
public interface SearchProgress {

    /** Evaluations of one trial between two reports. */
    int INTERVAL = 100;

    /** A listener that ignores all progress. */
    SearchProgress NONE = report -> { };

    /**
     * One progress report.
     *
     * @param evaluations candidates evaluated so far, over all trials
     * @param budget the total budget, {@code trials * iterationsPerTrial}
     * @param bestNrmse the smallest NRMSE seen so far (over all trials; {@code +Infinity} before the first)
     * @param bestDecompRssd the smallest DECOMP.RSSD seen so far (not necessarily of the same candidate)
     * @param trialsFinished trials that have ended
     */
    record Report(long evaluations, long budget, double bestNrmse, double bestDecompRssd, int trialsFinished) {

        /**
         * The fraction of the budget done.
         *
         * @return {@code evaluations / budget}, in [0, 1]
         */
        public double fraction() {
            return budget == 0 ? 1 : Math.min(1.0, (double) evaluations / budget);
        }
    }

    /**
     * Receives a report.
     *
     * @param report the state of the search
     */
    void onProgress(Report report);
}
