package io.github.mmm4j.models.bayes;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One chain of Stan's NUTS with a diagonal metric ({@code adapt_diag_e_nuts}): multinomial sampling with biased
 * progressive sampling at the top level, the generalised no-U-turn criterion with the extra checks across
 * subtrees (Stan 2.21 {@code base_nuts}), dual-averaging step size adaptation and windowed variance adaptation.
 *
 * <p>Every array is allocated in the constructor; {@link #transition()} and the tree building allocate nothing.
 * Not thread-safe: one instance per chain.
 */
final class NutsKernel {

    static final double MAX_DELTA_H = 1000.0;
    static final double GAMMA = 0.05;
    static final double T0 = 10.0;
    static final double KAPPA = 0.75;
    static final int INIT_BUFFER = 75;
    static final int TERM_BUFFER = 50;
    static final int BASE_WINDOW = 25;

    private final LogDensity model;
    private final int d;
    private final SplittableRandom rng;
    private final int maxDepth;
    final double[] invMetric;
    double eps;
    long gradEvals;

    // current integrator state z
    private final double[] zq;
    private final double[] zp;
    private final double[] zg;
    private double zLogp;
    // forward and backward ends of the trajectory
    private final double[] fq;
    private final double[] fp;
    private final double[] fg;
    private double fLogp;
    private final double[] bq;
    private final double[] bp;
    private final double[] bg;
    private double bLogp;
    // the chain's state (the current sample)
    final double[] sq;
    final double[] sg;
    double sLogp;
    double sEnergy;
    // proposal slots: 1..maxDepth-1 for the final subtrees of each depth, maxDepth for the top level
    private final double[][] propQ;
    private final double[][] propG;
    private final double[] propLogp;
    private final double[] propEnergy;
    // top-level momenta
    private final double[] pFwdFwd;
    private final double[] pSharpFwdFwd;
    private final double[] pFwdBck;
    private final double[] pSharpFwdBck;
    private final double[] pBckFwd;
    private final double[] pSharpBckFwd;
    private final double[] pBckBck;
    private final double[] pSharpBckBck;
    private final double[] rho;
    private final double[] rhoFwd;
    private final double[] rhoBck;
    // per-depth workspaces of build_tree
    private final double[][] pInitEnd;
    private final double[][] pSharpInitEnd;
    private final double[][] rhoInit;
    private final double[][] pFinalBeg;
    private final double[][] pSharpFinalBeg;
    private final double[][] rhoFinal;

    // transition outputs
    int depth;
    int nLeapfrog;
    boolean divergent;
    double acceptStat;
    private double sumMetroProb;
    private double subtreeLogWeight;

    // gaussian cache (Marsaglia polar method)
    private boolean hasSpare;
    private double spare;

    // dual averaging state
    private double mu;
    private double sBar;
    private double xBar;
    private int daCounter;
    private double delta;

    // windowed variance adaptation state
    private int numWarmup;
    private int initBuffer;
    private int termBuffer;
    private int windowSize;
    private int nextWindow;
    private int windowCounter;
    private final double[] welfordMean;
    private final double[] welfordM2;
    private int welfordN;

    NutsKernel(LogDensity model, SplittableRandom rng, int maxDepth) {
        this.model = model;
        this.d = model.dimension();
        this.rng = rng;
        this.maxDepth = maxDepth;
        invMetric = new double[d];
        Arrays.fill(invMetric, 1.0);
        zq = new double[d];
        zp = new double[d];
        zg = new double[d];
        fq = new double[d];
        fp = new double[d];
        fg = new double[d];
        bq = new double[d];
        bp = new double[d];
        bg = new double[d];
        sq = new double[d];
        sg = new double[d];
        propQ = new double[maxDepth + 1][d];
        propG = new double[maxDepth + 1][d];
        propLogp = new double[maxDepth + 1];
        propEnergy = new double[maxDepth + 1];
        pFwdFwd = new double[d];
        pSharpFwdFwd = new double[d];
        pFwdBck = new double[d];
        pSharpFwdBck = new double[d];
        pBckFwd = new double[d];
        pSharpBckFwd = new double[d];
        pBckBck = new double[d];
        pSharpBckBck = new double[d];
        rho = new double[d];
        rhoFwd = new double[d];
        rhoBck = new double[d];
        pInitEnd = new double[maxDepth + 1][d];
        pSharpInitEnd = new double[maxDepth + 1][d];
        rhoInit = new double[maxDepth + 1][d];
        pFinalBeg = new double[maxDepth + 1][d];
        pSharpFinalBeg = new double[maxDepth + 1][d];
        rhoFinal = new double[maxDepth + 1][d];
        welfordMean = new double[d];
        welfordM2 = new double[d];
    }

    // ------------------------------------------------------------------ initialisation ----

    /** Evaluates the model at {@code q} into the chain state; returns whether value and gradient are finite. */
    boolean setState(double[] q) {
        System.arraycopy(q, 0, sq, 0, d);
        sLogp = model.logDensityGradient(sq, sg);
        gradEvals++;
        if (!Double.isFinite(sLogp)) {
            return false;
        }
        for (int i = 0; i < d; i++) {
            if (!Double.isFinite(sg[i])) {
                return false;
            }
        }
        return true;
    }

    /** Draws a random initial point uniform in (-radius, radius)^d into {@code out}. */
    void randomPoint(double radius, double[] out) {
        for (int i = 0; i < d; i++) {
            out[i] = radius * (2.0 * rng.nextDouble() - 1.0);
        }
    }

    // ------------------------------------------------------------------ transition ----

    /** One NUTS transition from the chain state; updates the chain state and the transition outputs. */
    void transition() {
        System.arraycopy(sq, 0, zq, 0, d);
        System.arraycopy(sg, 0, zg, 0, d);
        zLogp = sLogp;
        sampleMomentum(zp);
        double h0 = -zLogp + kinetic(zp);
        sEnergy = h0;
        copyZTo(fq, fp, fg);
        fLogp = zLogp;
        copyZTo(bq, bp, bg);
        bLogp = zLogp;
        for (int i = 0; i < d; i++) {
            double p = zp[i];
            double ps = invMetric[i] * p;
            pFwdFwd[i] = p;
            pFwdBck[i] = p;
            pBckFwd[i] = p;
            pBckBck[i] = p;
            pSharpFwdFwd[i] = ps;
            pSharpFwdBck[i] = ps;
            pSharpBckFwd[i] = ps;
            pSharpBckBck[i] = ps;
            rho[i] = p;
        }
        double logSumWeight = 0.0;
        nLeapfrog = 0;
        sumMetroProb = 0.0;
        depth = 0;
        divergent = false;
        final int top = maxDepth;

        while (depth < maxDepth) {
            Arrays.fill(rhoFwd, 0.0);
            Arrays.fill(rhoBck, 0.0);
            boolean valid;
            if (rng.nextDouble() > 0.5) {
                System.arraycopy(rho, 0, rhoBck, 0, d);
                System.arraycopy(pFwdBck, 0, pBckFwd, 0, d);
                System.arraycopy(pSharpFwdBck, 0, pSharpBckFwd, 0, d);
                System.arraycopy(fq, 0, zq, 0, d);
                System.arraycopy(fp, 0, zp, 0, d);
                System.arraycopy(fg, 0, zg, 0, d);
                zLogp = fLogp;
                valid = buildTree(depth, top, pSharpFwdBck, pSharpFwdFwd, rhoFwd, pFwdBck, pFwdFwd, h0, 1.0);
                copyZTo(fq, fp, fg);
                fLogp = zLogp;
            } else {
                System.arraycopy(rho, 0, rhoFwd, 0, d);
                System.arraycopy(pBckFwd, 0, pFwdBck, 0, d);
                System.arraycopy(pSharpBckFwd, 0, pSharpFwdBck, 0, d);
                System.arraycopy(bq, 0, zq, 0, d);
                System.arraycopy(bp, 0, zp, 0, d);
                System.arraycopy(bg, 0, zg, 0, d);
                zLogp = bLogp;
                valid = buildTree(depth, top, pSharpBckFwd, pSharpBckBck, rhoBck, pBckFwd, pBckBck, h0, -1.0);
                copyZTo(bq, bp, bg);
                bLogp = zLogp;
            }
            if (!valid) {
                break;
            }
            double lsws = subtreeLogWeight;
            ++depth;
            if (lsws > logSumWeight) {
                acceptTop(top);
            } else if (rng.nextDouble() < Math.exp(lsws - logSumWeight)) {
                acceptTop(top);
            }
            logSumWeight = logSumExp(logSumWeight, lsws);
            for (int i = 0; i < d; i++) {
                rho[i] = rhoBck[i] + rhoFwd[i];
            }
            boolean persist = criterion(pSharpBckBck, pSharpFwdFwd, rho, null)
                    && criterion(pSharpBckBck, pSharpFwdBck, rhoBck, pFwdBck)
                    && criterion(pSharpBckFwd, pSharpFwdFwd, rhoFwd, pBckFwd);
            if (!persist) {
                break;
            }
        }
        acceptStat = nLeapfrog > 0 ? sumMetroProb / nLeapfrog : 0.0;
    }

    private void acceptTop(int top) {
        System.arraycopy(propQ[top], 0, sq, 0, d);
        System.arraycopy(propG[top], 0, sg, 0, d);
        sLogp = propLogp[top];
        sEnergy = propEnergy[top];
    }

    /**
     * Stan's build_tree. On a valid return, {@link #subtreeLogWeight} holds the log of the subtree's summed
     * weights, {@code rho} has the subtree's momenta added, the ends' (sharp) momenta are written, and the
     * subtree's multinomial proposal is in {@code slot}.
     */
    private boolean buildTree(int treeDepth, int slot, double[] pSharpBeg, double[] pSharpEnd, double[] rhoOut,
            double[] pBeg, double[] pEnd, double h0, double sign) {
        if (treeDepth == 0) {
            double h = leapfrog(sign * eps);
            ++nLeapfrog;
            if (!Double.isFinite(h)) {
                h = Double.POSITIVE_INFINITY;
            }
            if (h - h0 > MAX_DELTA_H) {
                divergent = true;
            }
            double w = h0 - h;
            subtreeLogWeight = w;
            sumMetroProb += w > 0 ? 1.0 : Math.exp(w);
            System.arraycopy(zq, 0, propQ[slot], 0, d);
            System.arraycopy(zg, 0, propG[slot], 0, d);
            propLogp[slot] = zLogp;
            propEnergy[slot] = h;
            for (int i = 0; i < d; i++) {
                double p = zp[i];
                double ps = invMetric[i] * p;
                pSharpBeg[i] = ps;
                pSharpEnd[i] = ps;
                rhoOut[i] += p;
                pBeg[i] = p;
                pEnd[i] = p;
            }
            return !divergent;
        }
        final int k = treeDepth;
        double[] rInit = rhoInit[k];
        double[] rFinal = rhoFinal[k];
        Arrays.fill(rInit, 0.0);
        if (!buildTree(k - 1, slot, pSharpBeg, pSharpInitEnd[k], rInit, pBeg, pInitEnd[k], h0, sign)) {
            return false;
        }
        double lswInit = subtreeLogWeight;
        Arrays.fill(rFinal, 0.0);
        if (!buildTree(k - 1, k, pSharpFinalBeg[k], pSharpEnd, rFinal, pFinalBeg[k], pEnd, h0, sign)) {
            return false;
        }
        double lswFinal = subtreeLogWeight;
        double lswSubtree = logSumExp(lswInit, lswFinal);
        subtreeLogWeight = lswSubtree;
        if (lswFinal > lswSubtree) {
            copySlot(k, slot);
        } else if (rng.nextDouble() < Math.exp(lswFinal - lswSubtree)) {
            copySlot(k, slot);
        }
        // rho_subtree = rhoInit + rhoFinal: checked in place, then added to the caller's rho
        boolean persist = criterion(pSharpBeg, pSharpEnd, rInit, rFinal)
                && criterion(pSharpBeg, pSharpFinalBeg[k], rInit, pFinalBeg[k])
                && criterion(pSharpInitEnd[k], pSharpEnd, rFinal, pInitEnd[k]);
        for (int i = 0; i < d; i++) {
            rhoOut[i] += rInit[i] + rFinal[i];
        }
        return persist;
    }

    private void copySlot(int from, int to) {
        System.arraycopy(propQ[from], 0, propQ[to], 0, d);
        System.arraycopy(propG[from], 0, propG[to], 0, d);
        propLogp[to] = propLogp[from];
        propEnergy[to] = propEnergy[from];
    }

    /** Generalised no-U-turn criterion on {@code rho = a + b} ({@code b} may be null). */
    private boolean criterion(double[] pSharpMinus, double[] pSharpPlus, double[] a, double[] b) {
        double plus = 0.0;
        double minus = 0.0;
        if (b == null) {
            for (int i = 0; i < d; i++) {
                plus += pSharpPlus[i] * a[i];
                minus += pSharpMinus[i] * a[i];
            }
        } else {
            for (int i = 0; i < d; i++) {
                double r = a[i] + b[i];
                plus += pSharpPlus[i] * r;
                minus += pSharpMinus[i] * r;
            }
        }
        return plus > 0 && minus > 0;
    }

    /** One leapfrog step of size {@code e} on z; returns the Hamiltonian at the new point (may be non-finite). */
    private double leapfrog(double e) {
        double half = 0.5 * e;
        for (int i = 0; i < d; i++) {
            zp[i] += half * zg[i];
            zq[i] += e * invMetric[i] * zp[i];
        }
        zLogp = model.logDensityGradient(zq, zg);
        gradEvals++;
        double kin = 0.0;
        for (int i = 0; i < d; i++) {
            double p = zp[i] + half * zg[i];
            zp[i] = p;
            kin += invMetric[i] * p * p;
        }
        return -zLogp + 0.5 * kin;
    }

    private double kinetic(double[] p) {
        double kin = 0.0;
        for (int i = 0; i < d; i++) {
            kin += invMetric[i] * p[i] * p[i];
        }
        return 0.5 * kin;
    }

    private void copyZTo(double[] q, double[] p, double[] g) {
        System.arraycopy(zq, 0, q, 0, d);
        System.arraycopy(zp, 0, p, 0, d);
        System.arraycopy(zg, 0, g, 0, d);
    }

    private void sampleMomentum(double[] p) {
        for (int i = 0; i < d; i++) {
            p[i] = gaussian() / Math.sqrt(invMetric[i]);
        }
    }

    private double gaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * rng.nextDouble() - 1.0;
            v = 2.0 * rng.nextDouble() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double f = Math.sqrt(-2.0 * Math.log(s) / s);
        spare = v * f;
        hasSpare = true;
        return u * f;
    }

    static double logSumExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }

    // ------------------------------------------------------------------ step size search ----

    /**
     * Stan's init_stepsize heuristic: doubles or halves the step size until the acceptance probability of one
     * leapfrog step from the chain state crosses 0.8. Returns false if the step size leaves (0, 1e7].
     */
    boolean initStepSize() {
        if (eps == 0 || eps > 1e7 || Double.isNaN(eps)) {
            return true;
        }
        double deltaH = oneStepDeltaH();
        int direction = deltaH > Math.log(0.8) ? 1 : -1;
        while (true) {
            deltaH = oneStepDeltaH();
            if (direction == 1 && !(deltaH > Math.log(0.8))) {
                break;
            } else if (direction == -1 && !(deltaH < Math.log(0.8))) {
                break;
            } else {
                eps = direction == 1 ? eps * 2.0 : eps * 0.5;
            }
            if (eps > 1e7 || eps == 0.0) {
                return false;
            }
        }
        return true;
    }

    private double oneStepDeltaH() {
        System.arraycopy(sq, 0, zq, 0, d);
        System.arraycopy(sg, 0, zg, 0, d);
        zLogp = sLogp;
        sampleMomentum(zp);
        double h0 = -zLogp + kinetic(zp);
        double h = leapfrog(eps);
        if (Double.isNaN(h)) {
            h = Double.POSITIVE_INFINITY;
        }
        return h0 - h;
    }

    // ------------------------------------------------------------------ adaptation ----

    /** Starts adaptation: Stan's set_window_params and restart, dual averaging with mu = log(10 eps). */
    void startAdaptation(int warmup, double targetAccept) {
        this.delta = targetAccept;
        this.numWarmup = warmup;
        this.initBuffer = INIT_BUFFER;
        this.termBuffer = TERM_BUFFER;
        int baseWindow = BASE_WINDOW;
        if (warmup >= 20 && INIT_BUFFER + BASE_WINDOW + TERM_BUFFER > warmup) {
            initBuffer = (int) (0.15 * warmup);
            termBuffer = (int) (0.1 * warmup);
            baseWindow = warmup - (initBuffer + termBuffer);
        }
        windowCounter = 0;
        windowSize = baseWindow;
        nextWindow = initBuffer + windowSize - 1;
        welfordN = 0;
        Arrays.fill(welfordMean, 0.0);
        Arrays.fill(welfordM2, 0.0);
        mu = Math.log(10.0 * eps);
        restartDualAveraging();
    }

    private void restartDualAveraging() {
        daCounter = 0;
        sBar = 0.0;
        xBar = 0.0;
    }

    /**
     * Adapts after one warmup transition; returns false if a step size search after a metric update failed.
     */
    boolean adapt() {
        // Nesterov dual averaging of log(eps) (Hoffman and Gelman 2014, eq. 6; Stan's stepsize_adaptation)
        ++daCounter;
        double a = Math.min(1.0, acceptStat);
        double eta = 1.0 / (daCounter + T0);
        sBar = (1.0 - eta) * sBar + eta * (delta - a);
        double x = mu - sBar * Math.sqrt(daCounter) / GAMMA;
        double xEta = Math.pow(daCounter, -KAPPA);
        xBar = (1.0 - xEta) * xBar + xEta * x;
        eps = Math.exp(x);
        if (learnVariance()) {
            if (!initStepSize()) {
                return false;
            }
            mu = Math.log(10.0 * eps);
            restartDualAveraging();
        }
        return true;
    }

    /** Ends adaptation: the step size becomes exp(x_bar). */
    void finishAdaptation() {
        eps = Math.exp(xBar);
    }

    /** Stan's windowed_adaptation + var_adaptation::learn_variance. */
    private boolean learnVariance() {
        boolean inWindow = windowCounter >= initBuffer && windowCounter < numWarmup - termBuffer
                && windowCounter != numWarmup;
        if (inWindow) {
            ++welfordN;
            for (int i = 0; i < d; i++) {
                double dx = sq[i] - welfordMean[i];
                welfordMean[i] += dx / welfordN;
                welfordM2[i] += (sq[i] - welfordMean[i]) * dx;
            }
        }
        boolean endWindow = windowCounter == nextWindow && windowCounter != numWarmup;
        if (endWindow) {
            computeNextWindow();
            double n = welfordN;
            for (int i = 0; i < d; i++) {
                double var = welfordN > 1 ? welfordM2[i] / (welfordN - 1) : 0.0;
                invMetric[i] = (n / (n + 5.0)) * var + 1e-3 * (5.0 / (n + 5.0));
            }
            welfordN = 0;
            Arrays.fill(welfordMean, 0.0);
            Arrays.fill(welfordM2, 0.0);
            ++windowCounter;
            return true;
        }
        ++windowCounter;
        return false;
    }

    private void computeNextWindow() {
        if (nextWindow == numWarmup - termBuffer - 1) {
            return;
        }
        windowSize *= 2;
        nextWindow = windowCounter + windowSize;
        if (nextWindow != numWarmup - termBuffer - 1) {
            int nextBoundary = nextWindow + 2 * windowSize;
            if (nextBoundary >= numWarmup - termBuffer) {
                nextWindow = numWarmup - termBuffer - 1;
            }
        }
    }

    int dimension() {
        return d;
    }
}
