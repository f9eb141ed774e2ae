package io.github.mmm4j.transforms;

import java.util.List;

/**
 * Saturation (diminishing returns): a monotone non-decreasing, bounded map of the adstocked exposure
 * {@code x} to the response, with {@code value(0) = 0} exactly.
 *
 * <p>The implementations are immutable records validated in their compact constructors:
 * <ul>
 *   <li>{@link Hill}: {@code x^s / (x^s + ec^s)} (Jin et al. 2017, eq. 3);</li>
 *   <li>{@link Logistic}: {@code (1 - e^(-lambda x)) / (1 + e^(-lambda x))} (pymc-marketing's
 *       {@code logistic_saturation});</li>
 *   <li>{@link Sigmoid}: an S-shaped logistic curve with inflection point and steepness, shifted to
 *       pass through 0 (pymc-marketing's {@code hill_saturation_sigmoid} with {@code sigma = 1});</li>
 *   <li>{@link MichaelisMenten}: {@code alpha x / (lambda + x)} (Robyn's {@code mic_men},
 *       pymc-marketing's {@code michaelis_menten});</li>
 *   <li>{@link Tanh}: {@code b tanh(x / (b c))} (pymc-marketing's {@code tanh_saturation}).</li>
 * </ul>
 *
 * <p><b>Domain.</b> Inputs are normally non-negative (adstocked spend). A {@link BetaGamma} adstock with
 * negative {@code beta} can produce negative inputs; {@link Hill} and {@link MichaelisMenten} are then
 * extended as odd functions {@code f(-x) = -f(x)} (as {@link Logistic} and {@link Tanh} already are), so
 * every saturation is defined, monotone and finite on the whole real line. Every implementation is
 * computed in a form that neither overflows nor produces NaN for finite input (tested up to
 * {@code 1e12}); NaN input gives NaN output. Hill (general slope), logistic, tanh and sigmoid use
 * {@link io.github.mmm4j.core.PortableMath}'s table-driven functions: the same bits on every JVM, and monotone in
 * floating point to within a few ulp (exactly monotone in exact arithmetic).
 *
 * <p><b>Gradients.</b> {@link #derivative} is {@code d value / dx}; {@link #parameterGradientInto}
 * gives {@code d value / d parameters()[k]}; {@link #backward} is the reverse-mode kernel over a series.
 */
public sealed interface Saturation permits Hill, Logistic, Sigmoid, MichaelisMenten, Tanh {

    /**
     * Hill saturation {@code x^slope / (x^slope + ec^slope)}.
     *
     * @param ec half-saturation point, {@code > 0} (value 1/2 at {@code x = ec})
     * @param slope Hill exponent, {@code > 0} ({@code > 1} is S-shaped, {@code <= 1} concave)
     * @return the saturation
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    static Hill hill(double ec, double slope) {
        return new Hill(ec, slope);
    }

    /**
     * pymc-marketing's logistic saturation {@code (1 - e^(-lambda x)) / (1 + e^(-lambda x))}.
     *
     * @param lambda steepness, {@code > 0}
     * @return the saturation
     * @throws IllegalArgumentException if {@code lambda} is not finite and positive
     */
    static Logistic logistic(double lambda) {
        return new Logistic(lambda);
    }

    /**
     * S-shaped sigmoid {@code 1 / (1 + e^(-k (x - x0))) - 1 / (1 + e^(k x0))}.
     *
     * @param inflection inflection point {@code x0 >= 0}
     * @param steepness steepness {@code k > 0}
     * @return the saturation
     * @throws IllegalArgumentException if a parameter is out of range
     */
    static Sigmoid sigmoid(double inflection, double steepness) {
        return new Sigmoid(inflection, steepness);
    }

    /**
     * Michaelis-Menten saturation {@code alpha x / (lambda + x)}.
     *
     * @param alpha the limit for large {@code x}, {@code > 0}
     * @param lambda the half-saturation point, {@code > 0}
     * @return the saturation
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    static MichaelisMenten michaelisMenten(double alpha, double lambda) {
        return new MichaelisMenten(alpha, lambda);
    }

    /**
     * Tanh saturation {@code b tanh(x / (b c))}.
     *
     * @param b the limit for large {@code x}, {@code > 0}
     * @param c the initial cost per unit response ({@code 1 / value'(0)}), {@code > 0}
     * @return the saturation
     * @throws IllegalArgumentException if a parameter is not finite and positive
     */
    static Tanh tanh(double b, double c) {
        return new Tanh(b, c);
    }

    /**
     * The response at exposure {@code x}.
     *
     * @param x the adstocked exposure
     * @return the saturated value; 0 for {@code x = 0}, NaN for NaN
     */
    double value(double x);

    /**
     * {@code d value / d x}.
     *
     * @param x the adstocked exposure
     * @return the derivative, {@code >= 0}; may be {@code +Infinity} at {@code x = 0} (Hill with
     *     {@code slope < 1})
     */
    double derivative(double x);

    /**
     * Writes {@code dest[offset + k] = d value(x) / d parameters()[k]}. Does not allocate.
     *
     * @param x the adstocked exposure
     * @param dest (output) modified in {@code [offset, offset + parameterCount())}
     * @param offset index of the first parameter
     */
    void parameterGradientInto(double x, double[] dest, int offset);

    /**
     * The least upper bound of {@link #value} over {@code x >= 0}.
     *
     * @return the supremum, finite for every implementation
     */
    double supremum();

    /**
     * Applies the saturation to {@code x[0..n)}. {@code out} may be {@code x}.
     *
     * @param x (input) not modified unless it is {@code out}
     * @param n number of elements
     * @param out (output) elements {@code [0, n)} written
     * @throws IllegalArgumentException if an array is shorter than {@code n}
     */
    default void apply(double[] x, int n, double[] out) {
        apply(x, 0, 1, out, 0, 1, n);
    }

    /**
     * Strided apply: {@code out[outOffset + i * outStride] = value(in[inOffset + i * inStride])} for
     * {@code i < n}. {@code out} may be {@code in} with the same offset and stride.
     *
     * @param in (input) not modified unless it is {@code out}
     * @param inOffset index of element 0 in {@code in}
     * @param inStride distance between elements in {@code in}, {@code >= 1}
     * @param out (output) modified at the {@code n} strided positions
     * @param outOffset index of element 0 in {@code out}
     * @param outStride distance between elements in {@code out}, {@code >= 1}
     * @param n number of elements
     * @throws IllegalArgumentException if an index range falls outside an array
     */
    void apply(double[] in, int inOffset, int inStride, double[] out, int outOffset, int outStride, int n);

    /**
     * Reverse-mode gradient over a contiguous series: adds
     * {@code sum_i gOut[i] * d value(x[i]) / d parameters()[k]} into {@code gradParams[k]} and, if
     * {@code gIn} is not null, {@code gOut[i] * derivative(x[i])} into {@code gIn[i]}.
     *
     * @param x (input) the forward input, not modified
     * @param n number of elements
     * @param gOut (input) upstream adjoint, not modified
     * @param gradParams (output) {@code [0, parameterCount())} incremented
     * @param gIn (output) optional input adjoint, {@code [0, n)} incremented; may be null
     */
    default void backward(double[] x, int n, double[] gOut, double[] gradParams, double[] gIn) {
        backward(x, 0, 1, gOut, 0, 1, n, gradParams, 0, gIn, 0, 1);
    }

    /**
     * Strided reverse-mode gradient, see {@link #backward(double[], int, double[], double[], double[])}.
     * Where {@link #derivative} is infinite ({@link Hill} with {@code slope < 1} at {@code x = 0}) the
     * input adjoint receives 0. That is exact for the chain through an adstock when the adstocked value is
     * 0 because all spend in its window is 0 (always so for strictly positive weights): its tangent is
     * then 0 in every direction. Where a 0 arises otherwise (a {@link BetaGamma} with {@code beta = 0}, or
     * negative weights cancelling) the true derivative does not exist and 0 is a convention. Does not
     * allocate.
     *
     * @param x (input) forward input, not modified
     * @param xOffset index of element 0 in {@code x}
     * @param xStride distance between elements in {@code x}
     * @param gOut (input) upstream adjoint, not modified
     * @param gOffset index of element 0 in {@code gOut}
     * @param gStride distance between elements in {@code gOut}
     * @param n number of elements
     * @param gradParams (output) elements {@code [gradOffset, gradOffset + parameterCount())} incremented
     * @param gradOffset index of the first parameter in {@code gradParams}
     * @param gIn (output) optional input adjoint, incremented at the strided positions; may be null
     * @param gInOffset index of element 0 in {@code gIn}
     * @param gInStride distance between elements in {@code gIn}
     */
    void backward(double[] x, int xOffset, int xStride, double[] gOut, int gOffset, int gStride, int n,
            double[] gradParams, int gradOffset, double[] gIn, int gInOffset, int gInStride);

    /**
     * A transform of the same kind and structure with other parameter values, for samplers and
     * optimisers that move {@link #parameters()}.
     *
     * @param parameters new values in the order of {@link #parameterNames()}; not modified
     * @return a new instance
     * @throws IllegalArgumentException if the length is wrong or a value is out of range
     */
    Saturation withParameters(double[] parameters);

    /**
     * A short lower-case name, for example {@code "hill"}.
     *
     * @return the name
     */
    String name();

    /**
     * A copy of the parameters, in the order of {@link #parameterNames()}.
     *
     * @return a new array of length {@link #parameterCount()}
     */
    double[] parameters();

    /**
     * The names of {@link #parameters()}, for example {@code ["ec", "slope"]}.
     *
     * @return an unmodifiable list
     */
    List<String> parameterNames();

    /**
     * The number of parameters.
     *
     * @return {@code parameterNames().size()}
     */
    default int parameterCount() {
        return parameterNames().size();
    }

    /**
     * What estimators need to know about each parameter of {@link #parameters()}, in the same order: its support, its
     * default search range and its default prior (null where the Bayesian model does not sample the family). Every
     * family supplies this, so a new family is complete when it compiles.
     *
     * @return one spec per parameter
     */
    List<ParameterSpec> parameterSpecs();

    /**
     * Whether the curve is concave on {@code [0, inf)} for these parameters (diminishing returns from the first
     * unit), which lets a budget optimizer trust a first-order optimum. S-shaped curves (a Hill slope above 1, the
     * sigmoid) are not.
     *
     * @return true if concave
     */
    boolean isConcave();
}
