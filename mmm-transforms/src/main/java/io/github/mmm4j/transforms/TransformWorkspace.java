package io.github.mmm4j.transforms;

/**
 * Reusable scratch memory for the batched kernels in {@link Transforms}, in the manner of EJML's
 * workspace arguments: arrays grow on demand and are kept, so that after the first call with a given
 * shape the kernels allocate nothing. Holds no results; the contents are unspecified between calls.
 *
 * <p>Not thread-safe: use one workspace per thread. Memory held: {@code O(nChannels * (window +
 * block))} doubles, plus {@code 2 * nPeriods} when a channel uses {@link GeometricInfinite}.
 *
 * <p><b>Keeping the forward pass for the gradient.</b> A workspace from {@link #forGradients()} also keeps what
 * {@link Transforms#forward} computed, so that a {@link Transforms#backward} on the same spend and the same transforms
 * right after it (the pattern of a gradient-based fit or a sampler) skips recomputing it: the adstocked values
 * (no second convolution) and, for {@link Hill} with a non-integer slope, {@code log2} of each adstocked value (one
 * logarithm per element fewer). It keeps a copy of the spend and the transforms, and {@link Transforms#backward} uses
 * the kept values only when its spend equals that copy element for element and its transforms equal the kept ones
 * ({@code equals}); otherwise it recomputes, as with a plain workspace. For finite spend the gradient has the same
 * bits either way: the kept values are the very numbers the backward pass would compute (with an infinite or NaN
 * spend both paths give non-finite gradients, not always the same ones). Such a workspace holds up to
 * {@code 3 * nPeriods * nChannels} more doubles ({@code 2 *} without Hill saturations of non-integer slope).
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

    /** Whether {@link Transforms#forward} keeps its values for {@link Transforms#backward}. */
    final boolean keepsForward;
    /** The kept forward: whether it is complete, and its shape. */
    boolean kept;
    int keptPeriods;
    /** A copy of the spend of the kept forward, {@code [t * nChannels + c]}. */
    double[] keptX = new double[0];
    /** The transforms of the kept forward. */
    Adstock[] keptAdstocks = new Adstock[0];
    Saturation[] keptSaturations = new Saturation[0];
    /** The adstocked values of the kept forward, channel-major: {@code [c * nPeriods + t]}. */
    double[] keptA = new double[0];
    /** For Hill channels with a non-integer slope, {@code log2 |A|}, channel-major; see {@link #keptLogged}. */
    double[] keptLog = new double[0];
    /** Per channel, whether {@link #keptLog} holds its values. */
    boolean[] keptLogged = new boolean[0];

    /** Creates an empty workspace; it grows on first use. */
    public TransformWorkspace() {
        this(false);
    }

    private TransformWorkspace(boolean keepsForward) {
        this.keepsForward = keepsForward;
    }

    /**
     * A workspace that keeps the forward pass for the gradient (see the class comment): {@link Transforms#backward}
     * after {@link Transforms#forward} on the same spend and transforms then costs less.
     *
     * @return a new, empty workspace that keeps the forward pass
     */
    public static TransformWorkspace forGradients() {
        return new TransformWorkspace(true);
    }

    /**
     * Whether this workspace keeps the forward pass for the gradient.
     *
     * @return true for a workspace from {@link #forGradients()}
     */
    public boolean keepsForward() {
        return keepsForward;
    }

    static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }
}
