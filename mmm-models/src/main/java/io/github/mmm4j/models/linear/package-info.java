/**
 * Constrained linear least squares and collinearity diagnostics for marketing mix designs.
 *
 * <p>{@link io.github.mmm4j.models.linear.Nnls} solves
 * {@code min ||A x - b||^2 + lambda ||x||^2} with a sign constraint per column
 * ({@link io.github.mmm4j.models.linear.Sign}): the Lawson and Hanson (1974) active-set method run on the
 * Gram matrix as in Bro and de Jong (1997). {@link io.github.mmm4j.models.linear.Collinearity} reports
 * variance inflation factors, the condition number of the standardised design and pairwise correlations
 * (Belsley, Kuh and Welsch 1980).
 *
 * <p>Matrices are flat row-major {@code double[]} arrays: element {@code (i, j)} of an
 * {@code nRows x nCols} matrix {@code a} is {@code a[i * nCols + j]}, the layout of EJML's
 * {@code DMatrixRMaj}, which every entry point also accepts.
 *
 * <p>References:
 * <ul>
 *   <li>C. L. Lawson and R. J. Hanson, <i>Solving Least Squares Problems</i>, Prentice-Hall, 1974,
 *       chapter 23 (algorithm NNLS).</li>
 *   <li>R. Bro and S. de Jong, "A fast non-negativity-constrained least squares algorithm",
 *       <i>Journal of Chemometrics</i> 11 (1997) 393-401.</li>
 *   <li>D. A. Belsley, E. Kuh and R. E. Welsch, <i>Regression Diagnostics</i>, Wiley, 1980.</li>
 * </ul>
 */
package io.github.mmm4j.models.linear;
