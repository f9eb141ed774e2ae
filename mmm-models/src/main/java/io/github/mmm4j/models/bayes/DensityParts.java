package io.github.mmm4j.models.bayes;

import io.github.mmm4j.transforms.Adstock;
import io.github.mmm4j.transforms.Geometric;
import io.github.mmm4j.transforms.Saturation;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed parts of {@link MmmLogDensity}'s posterior, shared by every instance: the support and prior of each
 * transform parameter ({@link Param}, from the transform's own {@link io.github.mmm4j.transforms.ParameterSpec}), each
 * channel's structure ({@link Channel}), the lift tests ({@link Lift}) and the data and layout of the whole model
 * ({@link Structure}).
 */
final class DensityParts {

    private DensityParts() {
    }

    /** Support of a transform parameter. */
    enum Kind { POSITIVE, INTERVAL, FIXED }

    /** One transform parameter: its support and prior, and where it sits in theta (or its fixed value). */
    static final class Param {
        final String name;
        final Kind kind;
        final double lo;
        final double hi;
        final Prior prior;
        final double fixed;
        int index = -1;
        int constrainedIndex = -1;

        Param(String name, Kind kind, double lo, double hi, Prior prior, double fixed) {
            this.name = name;
            this.kind = kind;
            this.lo = lo;
            this.hi = hi;
            this.prior = prior;
            this.fixed = fixed;
        }
    }

    /** The immutable structure of one channel. */
    static final class Channel {
        final String name;
        final Adstock adstock;
        final Saturation saturation;
        final boolean geometric;
        final boolean hill;
        final Param[] aParams;
        final Param[] sParams;
        /** Indices into {@code aParams} of the sampled (not fixed) adstock parameters. */
        final int[] freeA;
        /** Number of adstock weights kept: min(maxLag + 1, all periods of the data). */
        final int len;
        final boolean roi;
        /** The prior of the sampled effect or, under the ROI parameterisation, of the ROI. */
        final Prior effectPrior;
        /** sum of training spend (currency) / sd(KPI): effect = roi * roiConst / sum S. */
        final double roiConst;
        final double trainSpend;
        int effectIndex;
        int effectConstrainedIndex;
        /** With per-geo effects: indices of {@code log geo_sd} and the first {@code log_geo_effect}, and their constrained. */
        int tauIndex = -1;
        int zIndex = -1;
        int tauConstrainedIndex = -1;
        int geoConstrainedIndex = -1;
        /** With a brand level: indices of {@code log brand_sd} and the first {@code log_brand_effect}. */
        int brandSdIndex = -1;
        int brandIndex = -1;
        int brandSdConstrainedIndex = -1;
        int brandConstrainedIndex = -1;
        /**
         * With per-geo effects: whether the cell effects are sampled non-centred, {@code u_cg = v_cb + tau_c z_cg}
         * with {@code z_cg ~ N(0, 1)} as coordinates, instead of the {@code u_cg} themselves.
         */
        boolean nonCentred;

        Channel(String name, Adstock adstock, Saturation saturation, Param[] aParams, Param[] sParams, int len,
                boolean roi, Prior effectPrior, double trainSpend, double sdY) {
            this.name = name;
            this.adstock = adstock;
            this.saturation = saturation;
            this.geometric = adstock instanceof Geometric;
            this.hill = saturation instanceof io.github.mmm4j.transforms.Hill;
            this.aParams = aParams;
            this.sParams = sParams;
            int nf = 0;
            for (Param p : aParams) {
                nf += p.kind == Kind.FIXED ? 0 : 1;
            }
            this.freeA = new int[nf];
            for (int k = 0, f = 0; k < aParams.length; k++) {
                if (aParams[k].kind != Kind.FIXED) {
                    freeA[f++] = k;
                }
            }
            this.len = len;
            this.roi = roi;
            this.effectPrior = effectPrior;
            this.trainSpend = trainSpend;
            this.roiConst = trainSpend / sdY;
        }

        double[] adstockValues(double[] constrained) {
            return values(aParams, constrained);
        }

        double[] saturationValues(double[] constrained) {
            return values(sParams, constrained);
        }

        private static double[] values(Param[] ps, double[] constrained) {
            double[] v = new double[ps.length];
            for (int k = 0; k < ps.length; k++) {
                v[k] = ps[k].kind == Kind.FIXED ? ps[k].fixed : constrained[ps[k].constrainedIndex];
            }
            return v;
        }
    }

    /** One lift test, precomputed on a local window of periods. */
    static final class Lift {
        final int channel;
        final int m;
        final int sumFrom;
        final double[] xb;
        final double[] xp;
        final double lift;
        final double se;

        Lift(int channel, int m, int sumFrom, double[] xb, double[] xp, double lift, double se) {
            this.channel = channel;
            this.m = m;
            this.sumFrom = sumFrom;
            this.xb = xb;
            this.xp = xp;
            this.lift = lift;
            this.se = se;
        }
    }

    /** Everything fixed about the posterior; shared by all instances. */
    static final class Structure {
        final int nGeo;
        final int nT;
        final int n;
        final int pb;
        final double[] y;
        final double meanY;
        final double sdY;
        final double[] base;
        final Prior.Normal interceptPrior;
        final Prior.Normal[] basePriors;
        final Prior sigmaPrior;
        final double[][] xs;
        final Channel[] channels;
        final Lift[] lifts;
        final Likelihood likelihood;
        final List<String> baseNames;
        final int dim;
        /** The first {@code log_sigma} coordinate; with {@link #nSigma} {@code > 1}, one per geo from it. */
        final int sigmaIndex;
        /** The number of noise sds: the number of geos with noise per geo on a panel, else 1. */
        final int nSigma;
        final List<String> names;
        final List<String> constrainedNames;
        /** The baseline design by column: {@code baseCols[j][i] = base[i * pb + j]}. */
        final double[][] baseCols;
        /**
         * Column {@code j} of the baseline is zero outside rows {@code [baseFrom[j], baseTo[j])}, whole geo blocks:
         * a geo's intercept or trend touches only that geo's rows, so on a panel of {@code G} geos the baseline costs {@code O(G T)}
         * per evaluation instead of {@code O(G^2 T)}.
         */
        final int[] baseFrom;
        final int[] baseTo;
        /** Mean of each baseline column over the rows. */
        final double[] baseMeans;
        /** Each channel's spend (scaled) with its lagged copies. */
        final LaggedSpend[] lagged;
        /** Each lift test's baseline and planned spend windows with their lagged copies. */
        final LaggedSpend[] liftBase;
        final LaggedSpend[] liftPlan;

        /** Whether each channel has per-geo effect multipliers (a panel with a positive geo effect scale). */
        final boolean geoEffects;
        /** Whether some channel's cell effects are sampled non-centred ({@link Channel#nonCentred}). */
        final boolean anyNonCentred;
        /**
         * Per geo, its population size when media is per capita (Design's {@code size_g}), else null: a fixed factor of
         * every media term of the geo, with the spend already divided by it.
         */
        final double[] geoSize;
        /** Whether media terms carry a per-geo factor: {@link #geoEffects} or {@link #geoSize}. */
        final boolean multiplied;
        /**
         * With per-geo effects on brand x region cells of two or more brands: each channel's cell effects are centred
         * on a per-brand mean, {@code log m_cg ~ N(v_cb, tau_c^2)}, {@code v_cb ~ N(0, s_c^2)},
         * {@code s_c ~ Gamma(2, 2.5 / scale)}; {@code brandOf[g]} is the brand index of cell {@code g}, else null.
         */
        final int[] brandOf;
        final int nBrand;
        /**
         * Prior of each channel's between-geo (and between-brand) sd of log effects, when {@link #geoEffects}:
         * {@link BayesPriors#geoSdPrior(double)}.
         */
        final Prior.Gamma geoSdPrior;
        /**
         * Whether each geo's trend and seasonality are scaled by a sampled amplitude
         * {@code k_g = exp(eta_g - mean(eta))}, {@code eta_g ~ N(0, GEO_BASELINE_SD^2)}.
         */
        final boolean geoBaseline;
        /** Which baseline columns are trend or seasonality (scaled by {@code k_g}). */
        final boolean[] shape;
        /** {@code shapeGeoMeans[g][j] = (1/n) sum over geo g's rows of base column j}, shape columns only. */
        final double[][] shapeGeoMeans;
        /** Index of the first {@code eta_baseline}, and of the first constrained {@code baseline_scale}. */
        int etaIndex = -1;
        int etaConstrainedIndex = -1;

        Structure(int nGeo, int nT, double[] y, double meanY, double sdY, double[] base, int pb,
                Prior.Normal interceptPrior, Prior.Normal[] basePriors, Prior sigmaPrior, List<String> baseNames,
                double[][] xs, Channel[] channels, Lift[] lifts, Likelihood likelihood) {
            this(nGeo, nT, y, meanY, sdY, base, pb, interceptPrior, basePriors, sigmaPrior, baseNames, xs, channels,
                    lifts, likelihood, List.of(), 0, new boolean[pb], null, false);
        }

        Structure(int nGeo, int nT, double[] y, double meanY, double sdY, double[] base, int pb,
                Prior.Normal interceptPrior, Prior.Normal[] basePriors, Prior sigmaPrior, List<String> baseNames,
                double[][] xs, Channel[] channels, Lift[] lifts, Likelihood likelihood, List<String> geoNames,
                double geoEffectScale, boolean[] shape, double[] geoSize, boolean noisePerGeo) {
            this.geoEffects = nGeo > 1 && geoEffectScale > 0;
            boolean sized = false;
            if (geoSize != null) {
                for (double v : geoSize) {
                    sized |= v != 1.0;
                }
            }
            this.geoSize = sized ? geoSize.clone() : null;
            this.multiplied = geoEffects || sized;
            boolean anyShape = false;
            for (boolean b : shape) {
                anyShape |= b;
            }
            this.geoBaseline = geoEffects && anyShape;
            java.util.Optional<List<String[]>> brandCells = io.github.mmm4j.core.CsvSchema.cells(geoNames);
            List<String> brands = new ArrayList<>();
            int[] bOf = new int[nGeo];
            if (geoEffects && brandCells.isPresent()) {
                for (int g = 0; g < nGeo; g++) {
                    String b = brandCells.get().get(g)[0];
                    if (!brands.contains(b)) {
                        brands.add(b);
                    }
                    bOf[g] = brands.indexOf(b);
                }
            }
            boolean brandLevel = brands.size() >= 2 && brands.size() < nGeo;
            this.brandOf = brandLevel ? bOf : null;
            this.nBrand = brandLevel ? brands.size() : 0;
            this.shape = shape.clone();
            this.geoSdPrior = geoEffects ? BayesPriors.geoSdPrior(geoEffectScale) : null;
            this.nGeo = nGeo;
            this.nT = nT;
            this.n = nGeo * nT;
            this.pb = pb;
            this.y = y;
            this.meanY = meanY;
            this.sdY = sdY;
            this.base = base;
            this.interceptPrior = interceptPrior;
            this.basePriors = basePriors;
            this.sigmaPrior = sigmaPrior;
            this.baseNames = List.copyOf(baseNames);
            this.xs = xs;
            this.channels = channels;
            this.lifts = lifts;
            this.likelihood = likelihood;
            List<String> un = new ArrayList<>();
            List<String> cn = new ArrayList<>();
            un.add("level");
            cn.add("intercept");
            un.addAll(baseNames);
            cn.addAll(baseNames);
            int idx = 1 + pb;
            for (Channel ch : channels) {
                ch.effectIndex = idx++;
                un.add((ch.roi ? "log_roi[" : "log_contribution[") + ch.name + "]");
                ch.effectConstrainedIndex = cn.size();
                cn.add("effect[" + ch.name + "]");
                cn.add("roi[" + ch.name + "]");
                for (Param[] ps : new Param[][] {ch.aParams, ch.sParams}) {
                    for (Param p : ps) {
                        if (p.kind == Kind.FIXED) {
                            continue;
                        }
                        p.index = idx++;
                        un.add((p.kind == Kind.POSITIVE ? "log_" : "logit_") + p.name + "[" + ch.name + "]");
                        p.constrainedIndex = cn.size();
                        cn.add(p.name + "[" + ch.name + "]");
                    }
                }
                if (geoEffects) {
                    ch.tauIndex = idx++;
                    un.add("log_geo_sd[" + ch.name + "]");
                    ch.tauConstrainedIndex = cn.size();
                    cn.add("geo_sd[" + ch.name + "]");
                    ch.zIndex = idx;
                    ch.geoConstrainedIndex = cn.size();
                    for (int g = 0; g < nGeo; g++) {
                        idx++;
                        un.add((ch.nonCentred ? "z_geo_effect[" : "log_geo_effect[") + ch.name + ","
                                + geoNames.get(g) + "]");
                        cn.add("geo_effect[" + ch.name + "," + geoNames.get(g) + "]");
                    }
                    if (brandOf != null) {
                        ch.brandSdIndex = idx++;
                        un.add("log_brand_sd[" + ch.name + "]");
                        ch.brandSdConstrainedIndex = cn.size();
                        cn.add("brand_sd[" + ch.name + "]");
                        ch.brandIndex = idx;
                        ch.brandConstrainedIndex = cn.size();
                        for (String b : brands) {
                            idx++;
                            un.add("log_brand_effect[" + ch.name + "," + b + "]");
                            cn.add("brand_effect[" + ch.name + "," + b + "]");
                        }
                    }
                }
            }
            if (geoBaseline) {
                etaIndex = idx;
                etaConstrainedIndex = cn.size();
                for (int g = 0; g < nGeo; g++) {
                    idx++;
                    un.add("eta_baseline[" + geoNames.get(g) + "]");
                    cn.add("baseline_scale[" + geoNames.get(g) + "]");
                }
            }
            boolean anyNc = false;
            for (Channel ch : channels) {
                ch.nonCentred &= geoEffects;
                anyNc |= ch.nonCentred;
            }
            this.anyNonCentred = anyNc;
            this.sigmaIndex = idx;
            this.nSigma = noisePerGeo && nGeo > 1 ? nGeo : 1;
            if (nSigma == 1) {
                idx++;
                un.add("log_sigma");
                cn.add("sigma");
            } else {
                for (int g = 0; g < nGeo; g++) {
                    idx++;
                    un.add("log_sigma[" + geoNames.get(g) + "]");
                    cn.add("sigma[" + geoNames.get(g) + "]");
                }
            }
            this.dim = idx;
            this.names = List.copyOf(un);
            this.constrainedNames = List.copyOf(cn);
            this.baseCols = new double[pb][n];
            this.baseMeans = new double[pb];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < pb; j++) {
                    baseCols[j][i] = base[i * pb + j];
                    baseMeans[j] += base[i * pb + j] / n;
                }
            }
            this.baseFrom = new int[pb];
            this.baseTo = new int[pb];
            for (int j = 0; j < pb; j++) {
                int from = 0;
                while (from < n && baseCols[j][from] == 0) {
                    from++;
                }
                int to = n;
                while (to > from && baseCols[j][to - 1] == 0) {
                    to--;
                }
                // whole geo blocks, so that national data (one block) keep the full range and the same sums bit for
                // bit, and a geo's column covers exactly its geo's rows
                baseFrom[j] = to > from ? (from / nT) * nT : 0;
                baseTo[j] = to > from ? ((to - 1) / nT + 1) * nT : 0;
            }
            this.shapeGeoMeans = new double[nGeo][pb];
            for (int g = 0; g < nGeo; g++) {
                for (int j = 0; j < pb; j++) {
                    if (this.shape[j]) {
                        for (int t = 0; t < nT; t++) {
                            shapeGeoMeans[g][j] += base[(g * nT + t) * pb + j] / n;
                        }
                    }
                }
            }
            long cells = 0;
            for (Channel ch : channels) {
                cells += (long) n * (Math.min(ch.len, nT) - 1);
            }
            for (Lift lf : lifts) {
                cells += 2L * lf.xb.length * (Math.min(channels[lf.channel].len, lf.m) - 1);
            }
            boolean keep = cells <= LaggedSpend.BUDGET;
            this.lagged = new LaggedSpend[channels.length];
            for (int c = 0; c < channels.length; c++) {
                lagged[c] = new LaggedSpend(xs[c], nGeo, nT, Math.min(channels[c].len, nT), keep);
            }
            this.liftBase = new LaggedSpend[lifts.length];
            this.liftPlan = new LaggedSpend[lifts.length];
            for (int k = 0; k < lifts.length; k++) {
                Lift lf = lifts[k];
                int len = Math.min(channels[lf.channel].len, lf.m);
                liftBase[k] = new LaggedSpend(lf.xb, nGeo, lf.m, len, keep);
                liftPlan[k] = new LaggedSpend(lf.xp, nGeo, lf.m, len, keep);
            }
        }
    }
}
