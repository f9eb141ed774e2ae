package io.github.mmm4j.models.linear;

import io.github.mmm4j.core.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Collinearity diagnostics of a design with {@code p} columns, produced by {@link Collinearity}.
 * Arrays are copied in and out; no field is NaN.
 *
 * @param names the column names, {@code p} distinct entries
 * @param vif the variance inflation factor of each column, {@code VIF_j = 1 / (1 - R^2_j)} with
 *     {@code R^2_j} from regressing column {@code j} on the other columns with an intercept; {@code >= 1},
 *     and {@link Double#POSITIVE_INFINITY} when column {@code j} is (numerically) an exact linear
 *     combination of the others and the intercept, which includes constant columns
 * @param correlation the Pearson correlation matrix, {@code p x p} row-major:
 *     {@code corr(j, k) = correlation[j * p + k]}; a constant column has correlation 0 with every other
 *     column and 1 with itself, by convention
 * @param conditionNumber the ratio of the largest to the smallest singular value of the standardised
 *     design (non-constant columns, centred and scaled to unit length); {@code >= 1};
 *     {@link Double#POSITIVE_INFINITY} when the standardised design is numerically rank deficient; 1 when
 *     fewer than two columns vary
 * @param constant {@code constant[j]} is true when all values of column {@code j} are equal
 * @param vifThreshold a column is {@linkplain #severe() severe} when its VIF exceeds this ({@code > 0})
 * @param conditionThreshold the design is {@linkplain #illConditioned() ill-conditioned} when the
 *     condition number exceeds this ({@code > 0})
 */
public record CollinearityReport(List<String> names, double[] vif, double[] correlation, double conditionNumber,
        boolean[] constant, double vifThreshold, double conditionThreshold) {

    /**
     * Validates and copies the fields.
     *
     * @param names see the record description
     * @param vif see the record description
     * @param correlation see the record description
     * @param conditionNumber see the record description
     * @param constant see the record description
     * @param vifThreshold see the record description
     * @param conditionThreshold see the record description
     * @throws IllegalArgumentException if the lengths disagree, a value is NaN, a VIF or the condition
     *     number is below 1, or a threshold is not positive
     */
    public CollinearityReport {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        Objects.requireNonNull(vif, "vif");
        Objects.requireNonNull(correlation, "correlation");
        Objects.requireNonNull(constant, "constant");
        int p = names.size();
        Checks.checkLength("vif", vif, p);
        Checks.checkLength("correlation", correlation, p * p);
        Checks.checkArgument(constant.length == p, "constant.length = %d; expected %d", constant.length, p);
        for (int j = 0; j < p; j++) {
            Checks.checkArgument(vif[j] >= 1.0, "vif[%d] = %s; must be >= 1", j, vif[j]);
        }
        Checks.checkAllFinite("correlation", correlation);
        Checks.checkArgument(conditionNumber >= 1.0, "conditionNumber = %s; must be >= 1", conditionNumber);
        Checks.checkPositive("vifThreshold", vifThreshold);
        Checks.checkPositive("conditionThreshold", conditionThreshold);
        vif = vif.clone();
        correlation = correlation.clone();
        constant = constant.clone();
    }

    /**
     * Returns a copy of the variance inflation factors.
     *
     * @return a new array of length {@code p}
     */
    @Override
    public double[] vif() {
        return vif.clone();
    }

    /**
     * Returns a copy of the correlation matrix, row-major {@code p x p}.
     *
     * @return a new array of length {@code p * p}
     */
    @Override
    public double[] correlation() {
        return correlation.clone();
    }

    /**
     * Returns a copy of the constant-column mask.
     *
     * @return a new array of length {@code p}
     */
    @Override
    public boolean[] constant() {
        return constant.clone();
    }

    /**
     * Returns the VIF of the named column.
     *
     * @param name a column name
     * @return its VIF
     * @throws IllegalArgumentException if there is no such column
     */
    public double vif(String name) {
        return vif[indexOf(name)];
    }

    /**
     * Returns the correlation of columns {@code j} and {@code k}.
     *
     * @param j a column index
     * @param k a column index
     * @return {@code correlation[j * p + k]}
     */
    public double correlation(int j, int k) {
        return correlation[j * names.size() + k];
    }

    /**
     * Flags each column whose VIF exceeds {@link #vifThreshold()} (default 10, the usual rule of thumb;
     * see Belsley, Kuh and Welsch 1980 and Kutner et al. 2005, section 10.5). Constant and exactly collinear
     * columns are flagged, their VIF being infinite.
     *
     * @return a new array of length {@code p}
     */
    public boolean[] severe() {
        boolean[] out = new boolean[vif.length];
        for (int j = 0; j < vif.length; j++) {
            out[j] = vif[j] > vifThreshold;
        }
        return out;
    }

    /**
     * Returns the names of the {@linkplain #severe() severe} columns, in column order.
     *
     * @return an unmodifiable list
     */
    public List<String> severeNames() {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < vif.length; j++) {
            if (vif[j] > vifThreshold) {
                out.add(names.get(j));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Returns whether the condition number exceeds {@link #conditionThreshold()} (default 30, the level
     * at which Belsley, Kuh and Welsch 1980 find moderate to strong dependencies).
     *
     * @return {@code conditionNumber() > conditionThreshold()}
     */
    public boolean illConditioned() {
        return conditionNumber > conditionThreshold;
    }

    private int indexOf(String name) {
        int j = names.indexOf(name);
        Checks.checkArgument(j >= 0, "name = %s; no such column in %s", name, names);
        return j;
    }

    /**
     * Compares all fields, arrays by content.
     *
     * @param o the other object
     * @return whether {@code o} is an equal report
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof CollinearityReport r
                && names.equals(r.names)
                && Arrays.equals(vif, r.vif)
                && Arrays.equals(correlation, r.correlation)
                && Double.compare(conditionNumber, r.conditionNumber) == 0
                && Arrays.equals(constant, r.constant)
                && Double.compare(vifThreshold, r.vifThreshold) == 0
                && Double.compare(conditionThreshold, r.conditionThreshold) == 0;
    }

    /**
     * Hashes all fields, arrays by content.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        int h = Objects.hash(names, conditionNumber, vifThreshold, conditionThreshold);
        h = 31 * h + Arrays.hashCode(vif);
        h = 31 * h + Arrays.hashCode(correlation);
        return 31 * h + Arrays.hashCode(constant);
    }

    /**
     * Describes the report, arrays by content.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "CollinearityReport[names=" + names + ", vif=" + Arrays.toString(vif) + ", conditionNumber="
                + conditionNumber + ", constant=" + Arrays.toString(constant) + ", severe=" + severeNames()
                + ", illConditioned=" + illConditioned() + "]";
    }
}
