package io.github.mmm4j.models.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link Nnls} on random problems (jqwik). Each property must hold for every generated
 * input, so a failure is a bug, not bad luck: there is no failure probability to state. The data come
 * from a {@link SplittableRandom} seeded by a generated {@code long}, so a failing case is reproducible
 * from the seed jqwik reports. Tolerances: {@link LinearTolerances}.
 */
class NnlsProperties {

    /** A random problem: Gaussian design and response, random signs, and lambda 0 or positive. */
    record Problem(double[] a, int m, int n, double[] b, Sign[] signs, double lambda) {

        static Problem random(long seed, int m, int n, boolean withLambda) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] a = new double[m * n];
            for (int k = 0; k < a.length; k++) {
                a[k] = rng.nextGaussian();
            }
            double[] b = new double[m];
            for (int i = 0; i < m; i++) {
                b[i] = 3 * rng.nextGaussian();
            }
            Sign[] signs = new Sign[n];
            for (int j = 0; j < n; j++) {
                int u = rng.nextInt(6);
                signs[j] = u < 4 ? Sign.NON_NEGATIVE : u == 4 ? Sign.FREE : Sign.NON_POSITIVE;
            }
            double lambda = withLambda && rng.nextBoolean() ? rng.nextDouble() * 5 : 0.0;
            return new Problem(a, m, n, b, signs, lambda);
        }

        /** Makes some columns exactly dependent: duplicates, sign-flipped multiples, zeros, sums. */
        Problem collinear(long seed) {
            SplittableRandom rng = new SplittableRandom(~seed);
            double[] c = a.clone();
            int changes = 1 + rng.nextInt(Math.max(1, n / 2));
            for (int change = 0; change < changes && n >= 2; change++) {
                int j = rng.nextInt(n);
                int k = rng.nextInt(n);
                int h = rng.nextInt(n);
                int kind = rng.nextInt(4);
                for (int i = 0; i < m; i++) {
                    c[i * n + j] = switch (kind) {
                        case 0 -> c[i * n + k];
                        case 1 -> -2.0 * c[i * n + k];
                        case 2 -> 0.0;
                        default -> c[i * n + k] + c[i * n + h];
                    };
                }
            }
            return new Problem(c, m, n, b, signs, lambda);
        }

        /** Makes one column a near copy of another: {@code a_j = a_k + delta * noise}. */
        Problem nearlyCollinear(long seed, double delta) {
            SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
            double[] c = a.clone();
            int j = rng.nextInt(n);
            int k = (j + 1 + rng.nextInt(n - 1)) % n;
            for (int i = 0; i < m; i++) {
                c[i * n + j] = c[i * n + k] + delta * rng.nextGaussian();
            }
            return new Problem(c, m, n, b, signs, lambda);
        }

        NnlsResult solve() {
            return Nnls.solve(a, m, n, b, signs, NnlsOptions.DEFAULTS.withLambda(lambda), null);
        }
    }

    @Property(tries = 400)
    void kktHoldsOnRandomProblems(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int m,
            @ForAll @IntRange(min = 1, max = 12) int n) {
        Problem p = Problem.random(seed, m, n, true);
        NnlsResult r = p.solve();
        assertEquals(NnlsStatus.CONVERGED, r.status());
        LinearTolerances.assertKkt(p.a, m, n, p.b, p.signs, p.lambda, r);
    }

    @Property(tries = 400)
    void kktHoldsOnExactlyCollinearProblems(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int m,
            @ForAll @IntRange(min = 2, max = 12) int n) {
        Problem p = Problem.random(seed, m, n, true).collinear(seed);
        NnlsResult r = p.solve();
        assertEquals(NnlsStatus.CONVERGED, r.status());
        LinearTolerances.assertKkt(p.a, m, n, p.b, p.signs, p.lambda, r);
    }

    /**
     * Nearly collinear columns ({@code a_j = a_k + delta * noise}, {@code delta} from {@code 0.1} down to
     * {@code 1e-8}): full rank, {@code cond(A)} up to about {@code 1e8}, the regime of marketing mix designs
     * with near-duplicate channels. A column closer than {@code sqrt(Nnls.RANK_TOLERANCE)} in angle to the
     * passive span is treated as dependent, so its dual is checked against the documented bound
     * {@code sin * ||a_j|| * ||r||} (see {@link LinearTolerances}).
     */
    @Property(tries = 400)
    void kktHoldsOnNearlyCollinearProblems(@ForAll long seed, @ForAll @IntRange(min = 2, max = 40) int m,
            @ForAll @IntRange(min = 2, max = 12) int n, @ForAll @IntRange(min = 1, max = 8) int digits) {
        Problem p = Problem.random(seed, m, n, true).nearlyCollinear(seed, Math.pow(10, -digits));
        NnlsResult r = p.solve();
        assertEquals(NnlsStatus.CONVERGED, r.status());
        LinearTolerances.assertKkt(p.a, m, n, p.b, p.signs, p.lambda, r, 2 * Math.sqrt(Nnls.RANK_TOLERANCE));
    }

    /** The Gram entry point runs the same kernel on the same Gram matrix: identical coefficients. */
    @Property(tries = 200)
    void gramEntryGivesTheSameCoefficients(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int m,
            @ForAll @IntRange(min = 1, max = 12) int n) {
        Problem p = Problem.random(seed, m, n, true);
        double[] ata = new double[n * n];
        double[] atb = new double[n];
        double btb = Nnls.gram(p.a, m, n, p.b, ata, atb);
        NnlsOptions options = NnlsOptions.DEFAULTS.withLambda(p.lambda);
        NnlsResult fromGram = Nnls.solveGram(ata, atb, btb, n, p.signs, options, null);
        NnlsResult fromMatrix = p.solve();
        assertArrayEquals(fromMatrix.x(), fromGram.x(), 0.0);
        assertArrayEquals(fromMatrix.passive(), fromGram.passive());
        assertEquals(fromMatrix.iterations(), fromGram.iterations());
        LinearTolerances.assertKkt(p.a, m, n, p.b, p.signs, p.lambda, fromGram);
    }

    /**
     * NNLS-ridge equals NNLS on the augmented system {@code [A; sqrt(lambda) I] x ~ [b; 0]}: same
     * objective (to {@link LinearTolerances#OBJECTIVE}) and, the ridge problem being strictly convex, the
     * same coefficients (to {@link LinearTolerances#SOLUTION}).
     */
    @Property(tries = 200)
    void ridgeEqualsNnlsOnTheAugmentedSystem(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int m,
            @ForAll @IntRange(min = 1, max = 12) int n, @ForAll @IntRange(min = 1, max = 1000) int lambdaMilli) {
        Problem p = Problem.random(seed, m, n, false);
        double lambda = lambdaMilli / 100.0;
        NnlsResult ridge = Nnls.solve(p.a, m, n, p.b, p.signs, NnlsOptions.DEFAULTS.withLambda(lambda), null);

        int ma = m + n;
        double[] aug = new double[ma * n];
        System.arraycopy(p.a, 0, aug, 0, m * n);
        double root = Math.sqrt(lambda);
        for (int j = 0; j < n; j++) {
            aug[(m + j) * n + j] = root;
        }
        double[] bAug = new double[ma];
        System.arraycopy(p.b, 0, bAug, 0, m);
        NnlsResult plain = Nnls.solve(aug, ma, n, bAug, p.signs, NnlsOptions.DEFAULTS, null);

        double bb = LinearTolerances.norm(p.b) * LinearTolerances.norm(p.b);
        assertEquals(plain.objective(), ridge.objective(), LinearTolerances.OBJECTIVE * bb);
        double[] xr = ridge.x();
        double[] xp = plain.x();
        double scale = Math.max(1, LinearTolerances.maxAbs(xp));
        for (int j = 0; j < n; j++) {
            assertEquals(xp[j], xr[j], LinearTolerances.SOLUTION * scale, "x[" + j + "]");
        }
        LinearTolerances.assertKkt(aug, ma, n, bAug, p.signs, 0.0, plain);
    }

    /** Scaling {@code b} by {@code s > 0} scales the solution by {@code s} (positive homogeneity). */
    @Property(tries = 200)
    void solutionIsPositivelyHomogeneousInB(@ForAll long seed, @ForAll @IntRange(min = 1, max = 30) int m,
            @ForAll @IntRange(min = 1, max = 12) int n) {
        Problem p = Problem.random(seed, m, n, false);
        double[] b4 = p.b.clone();
        for (int i = 0; i < m; i++) {
            b4[i] *= 4.0; // a power of two: the scaled problem is the same up to exponents
        }
        double[] x1 = p.solve().x();
        double[] x4 = Nnls.solve(p.a, m, n, b4, p.signs, NnlsOptions.DEFAULTS, null).x();
        for (int j = 0; j < n; j++) {
            assertEquals(4.0 * x1[j], x4[j], 0.0, "x[" + j + "]");
        }
    }
}
