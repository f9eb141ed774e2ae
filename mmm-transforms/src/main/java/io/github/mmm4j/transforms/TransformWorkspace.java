package io.github.mmm4j.transforms;

/**
 * Reusable scratch memory for the batched kernels in {@link Transforms}, in the manner of EJML's
 * workspace arguments: arrays grow on demand and are kept, so that after the first call with a given
 * shape the kernels allocate nothing. Holds no results; the contents are unspecified between calls.
 *
 * <p>Not thread-safe: use one workspace per thread. Memory held: {@code O(nChannels * (window +
 * block))} doubles, plus {@code 2 * nPeriods} when a channel uses {@link GeometricInfinite}.
 */
public final class TransformWorkspace {

    /** Lag-major weights {@code [l * nChannels + c]}. */
    double[] weightsT = new double[0];
    /** Channel-major weights {@code [c * window + l]}. */
    double[] weightsC = new double[0];
    /** One channel's spend over a block of rows plus its history. */
    double[] colX = new double[0];
    /** One channel's adstock over a block of rows. */
    double[] colY = new double[0];
    /** One channel's weights or weight Jacobian. */
    double[] scratch = new double[0];
    /** Lagged cross-correlations {@code [l * nChannels + c]}. */
    double[] corr = new double[0];
    /** Adstocked values of one block of rows. */
    double[] block = new double[0];
    /** Adjoint of the adstocked values of one block of rows. */
    double[] gBlock = new double[0];
    /** Two columns of {@code nPeriods} for infinite-window channels. */
    double[] column = new double[0];
    /** Parameter offsets per channel. */
    int[] offsets = new int[0];

    /** Creates an empty workspace; it grows on first use. */
    public TransformWorkspace() {
    }

    static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}
