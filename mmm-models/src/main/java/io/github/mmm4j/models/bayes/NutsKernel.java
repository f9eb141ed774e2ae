package io.github.mmm4j.models.bayes;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One chain of Stan's NUTS with a diagonal metric ({@code adapt_diag_e_nuts}) or a dense one
 * ({@code adapt_dense_e_nuts}): multinomial sampling with biased progressive sampling at the top level, the
 * generalised no-U-turn criterion with the extra checks across subtrees (Stan 2.21 {@code base_nuts}),
 * dual-averaging step size adaptation and windowed variance (or covariance) adaptation. With a dense metric the
 * inverse metric {@code C} is the regularised covariance of the window's draws, its Cholesky factor {@code L}
 * ({@code C = L L'}) draws momenta as {@code p = L'^-1 z}, and the sharp momentum is {@code C p}.
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
    /** Dense metric: the inverse metric C (row-major d x d), its lower Cholesky factor, and a workspace; else null. */
    private final double[] cov;
    private final double[] chol;
    private final double[] welfordCo;
    /** The sharp momentum C p of the last leapfrog step's final momentum. */
    private final double[] zs;
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
        this(model, rng, maxDepth, false);
    }

    NutsKernel(LogDensity model, SplittableRandom rng, int maxDepth, boolean dense) {
        this.model = model;
        this.d = model.dimension();
        this.rng = rng;
        this.maxDepth = maxDepth;
        invMetric = new double[d];
        Arrays.fill(invMetric, 1.0);
        zs = new double[d];
        if (dense) {
            cov = new double[d * d];
            chol = new double[d * d];
            welfordCo = new double[d * d];
            for (int i = 0; i < d; i++) {
                cov[i * d + i] = 1.0;
                chol[i * d + i] = 1.0;
            }
        } else {
            cov = null;
            chol = null;
            welfordCo = null;
        }
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
        sharp(zp, zs);
        for (int i = 0; i < d; i++) {
            double p = zp[i];
            double ps = zs[i];
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
                double ps = zs[i];
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
        if (cov == null) {
            for (int i = 0; i < d; i++) {
                zp[i] += half * zg[i];
                zq[i] += e * invMetric[i] * zp[i];
            }
        } else {
            for (int i = 0; i < d; i++) {
                zp[i] += half * zg[i];
            }
            sharp(zp, zs);
            for (int i = 0; i < d; i++) {
                zq[i] += e * zs[i];
            }
        }
        zLogp = model.logDensityGradient(zq, zg);
        gradEvals++;
        for (int i = 0; i < d; i++) {
            zp[i] += half * zg[i];
        }
        // the final momentum's sharp form, kept for the tree (zs) and giving the kinetic energy
        sharp(zp, zs);
        double kin = 0.0;
        for (int i = 0; i < d; i++) {
            kin += zs[i] * zp[i];
        }
        return -zLogp + 0.5 * kin;
    }

    /** {@code out = C p}: the inverse metric times a momentum. */
    private void sharp(double[] p, double[] out) {
        if (cov == null) {
            for (int i = 0; i < d; i++) {
                out[i] = invMetric[i] * p[i];
            }
            return;
        }
        for (int i = 0; i < d; i++) {
            double acc = 0.0;
            int row = i * d;
            for (int j = 0; j < d; j++) {
                acc += cov[row + j] * p[j];
            }
            out[i] = acc;
        }
    }

    private double kinetic(double[] p) {
        sharp(p, zs);
        double kin = 0.0;
        for (int i = 0; i < d; i++) {
            kin += zs[i] * p[i];
        }
        return 0.5 * kin;
    }

    private void copyZTo(double[] q, double[] p, double[] g) {
        System.arraycopy(zq, 0, q, 0, d);
        System.arraycopy(zp, 0, p, 0, d);
        System.arraycopy(zg, 0, g, 0, d);
    }

    private void sampleMomentum(double[] p) {
        if (cov == null) {
            for (int i = 0; i < d; i++) {
                p[i] = gaussian() / Math.sqrt(invMetric[i]);
            }
            return;
        }
        // p = L'^-1 z, so p ~ N(0, C^-1) and p' C p = z' z: back substitution in L'
        for (int i = 0; i < d; i++) {
            p[i] = gaussian();
        }
        for (int i = d - 1; i >= 0; i--) {
            double acc = p[i];
            for (int k = i + 1; k < d; k++) {
                acc -= chol[k * d + i] * p[k];
            }
            p[i] = acc / chol[i * d + i];
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
            if (welfordCo != null) {
                // co-moments: C2 += dx_old (x - mean_new)', with dx_old = x - mean_old (Welford, Chan et al. 1979)
                for (int i = 0; i < d; i++) {
                    zs[i] = sq[i] - welfordMean[i];
                }
                for (int i = 0; i < d; i++) {
                    welfordMean[i] += zs[i] / welfordN;
                }
                for (int i = 0; i < d; i++) {
                    double a = zs[i];
                    int row = i * d;
                    for (int j = 0; j <= i; j++) {
                        welfordCo[row + j] += a * (sq[j] - welfordMean[j]);
                    }
                }
            } else {
                for (int i = 0; i < d; i++) {
                    double dx = sq[i] - welfordMean[i];
                    welfordMean[i] += dx / welfordN;
                    welfordM2[i] += (sq[i] - welfordMean[i]) * dx;
                }
            }
        }
        boolean endWindow = windowCounter == nextWindow && windowCounter != numWarmup;
        if (endWindow) {
            computeNextWindow();
            double n = welfordN;
            for (int i = 0; i < d; i++) {
                double m2 = welfordCo != null ? welfordCo[i * d + i] : welfordM2[i];
                double var = welfordN > 1 ? m2 / (welfordN - 1) : 0.0;
                invMetric[i] = (n / (n + 5.0)) * var + 1e-3 * (5.0 / (n + 5.0));
            }
            if (welfordCo != null) {
                denseMetricFromWindow(n);
                Arrays.fill(welfordCo, 0.0);
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

    /**
     * The dense inverse metric from the window's co-moments: the diagonal metric's regularised variances on the
     * diagonal (Stan's {@code (n/(n+5)) var + 1e-3 (5/(n+5))}), and the sample covariances off it shrunk toward zero by
     * {@code n / (n + d)}, that is {@code C = D^1/2 (w R + (1 - w) I) D^1/2} with {@code R} the sample correlation
     * matrix and {@code w = n / (n + d)}. A window shorter than the dimension gives a sample covariance of rank below
     * {@code d}; Stan's dense regularisation ({@code (n/(n+5)) S + (5/(n+5)) 1e-3 I}) then leaves directions the
     * window never moved along with a metric variance near 1e-3, and trajectories must run hundreds of steps to cross
     * them. The shrinkage keeps every direction at its diagonal scale (Ledoit and Wolf 2004 shrink toward a diagonal
     * target for the same reason). If the factorisation still fails, the diagonal is used.
     */
    private void denseMetricFromWindow(double n) {
        double w = n / (n + d);
        double den = n > 1 ? n - 1 : 1;
        double[] sd = new double[d];
        for (int i = 0; i < d; i++) {
            sd[i] = Math.sqrt(welfordCo[i * d + i] / den);
        }
        for (int i = 0; i < d; i++) {
            double si = Math.sqrt(invMetric[i]);
            for (int j = 0; j < i; j++) {
                double corr = sd[i] > 0 && sd[j] > 0 ? welfordCo[i * d + j] / den / (sd[i] * sd[j]) : 0.0;
                double v = w * corr * si * Math.sqrt(invMetric[j]);
                cov[i * d + j] = v;
                cov[j * d + i] = v;
            }
            cov[i * d + i] = invMetric[i];
        }
        if (!cholesky()) {
            Arrays.fill(cov, 0.0);
            Arrays.fill(chol, 0.0);
            for (int i = 0; i < d; i++) {
                cov[i * d + i] = invMetric[i];
                chol[i * d + i] = Math.sqrt(invMetric[i]);
            }
        }
    }

    /** Lower Cholesky factor of {@link #cov} into {@link #chol}; false if it is not positive definite. */
    private boolean cholesky() {
        Arrays.fill(chol, 0.0);
        for (int j = 0; j < d; j++) {
            double diag = cov[j * d + j];
            for (int k = 0; k < j; k++) {
                diag -= chol[j * d + k] * chol[j * d + k];
            }
            if (!(diag > 0) || !Double.isFinite(diag)) {
                return false;
            }
            double ljj = Math.sqrt(diag);
            chol[j * d + j] = ljj;
            for (int i = j + 1; i < d; i++) {
                double v = cov[i * d + j];
                for (int k = 0; k < j; k++) {
                    v -= chol[i * d + k] * chol[j * d + k];
                }
                chol[i * d + j] = v / ljj;
            }
        }
        return true;
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
