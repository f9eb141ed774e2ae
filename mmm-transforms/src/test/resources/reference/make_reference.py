#!/usr/bin/env python3
"""Reference values for mmm-transforms, computed with numpy and scipy.

Run from this directory:  python3 make_reference.py
Writes reference.csv next to this script. Tested with numpy 2.4 and scipy 1.17.

Every row is one output element:
    family,type,params,index,input,expected
family   adstock | saturation
type     the mmm4j name (Adstock.name() / Saturation.name(), plus "_robyn" for Robyn's rounded scale)
params   key=value pairs separated by ';' (the record components, e.g. alpha=0.6;maxLag=8;normalized=true)
index    position in the series (adstock) or in the list of inputs (saturation)
input    x[index]
expected the transformed value at index

The definitions follow Jin et al. (2017) for geometric, delayed and Hill; Robyn's R/R/transformation.R
for the Weibull adstocks and the recursive geometric adstock; pymc-marketing for logistic, sigmoid,
Michaelis-Menten and tanh. They are re-derived independently here with scipy routines
(scipy.signal.lfilter, scipy.stats.weibull_min, scipy.special.expit) rather than from the Java code.
"""
import csv
import os

import numpy as np
from scipy import signal, special, stats

HERE = os.path.dirname(os.path.abspath(__file__))

# A fixed spend series with zeros, a burst and a long tail (20 periods).
X = np.array([0.0, 0.0, 3.0, 1.0, 0.0, 7.5, 2.25, 0.0, 0.0, 0.0,
              4.0, 4.0, 4.0, 0.5, 0.0, 10.0, 0.0, 0.0, 1.0, 0.0])


def fir(weights, x):
    """out[t] = sum_l w[l] x[t - l], zero before t = 0: a causal FIR filter."""
    return signal.lfilter(np.asarray(weights, dtype=float), [1.0], x)


def geometric(alpha, max_lag, normalized):
    w = alpha ** np.arange(max_lag + 1)
    return w / w.sum() if normalized else w


def geometric_infinite(alpha, normalized, x):
    # a[t] = c x[t] + alpha a[t-1] as an IIR filter
    c = (1.0 - alpha) if normalized else 1.0
    return signal.lfilter([c], [1.0, -alpha], x)


def delayed(alpha, theta, max_lag, normalized):
    lags = np.arange(max_lag + 1)
    w = alpha ** ((lags - theta) ** 2)
    return w / w.sum() if normalized else w


def weibull_lambda(scale, max_lag, robyn):
    lam = 1.0 + scale * max_lag                 # quantile(1:windlen, scale), type 7
    return float(np.round(lam)) if robyn else lam  # numpy rounds half to even, as R does


def weibull_cdf(shape, scale, max_lag, robyn=False):
    lam = weibull_lambda(scale, max_lag, robyn)
    survival = stats.weibull_min.sf(np.arange(1, max_lag + 1), c=shape, scale=lam)
    return np.concatenate([[1.0], np.cumprod(survival)])


def weibull_pdf(shape, scale, max_lag, robyn=False):
    lam = weibull_lambda(scale, max_lag, robyn)
    d = stats.weibull_min.pdf(np.arange(1, max_lag + 2), c=shape, scale=lam)
    rng = d.max() - d.min()
    if rng == 0:
        return np.concatenate([[1.0], np.zeros(max_lag)])
    return (d - d.min()) / rng


def beta_gamma(beta, gamma, max_lag):
    w = np.empty(max_lag + 1)
    w[0] = 1.0
    w[1:] = beta * gamma ** np.arange(max_lag)
    return w


def fmt_params(**kw):
    parts = []
    for k, v in kw.items():
        if isinstance(v, bool):
            v = "true" if v else "false"
        parts.append(f"{k}={v!r}" if isinstance(v, float) else f"{k}={v}")
    return ";".join(parts)


def main():
    rows = []

    def adstock(kind, out, **params):
        for i, (xi, yi) in enumerate(zip(X, out)):
            rows.append(("adstock", kind, fmt_params(**params), i, repr(float(xi)), repr(float(yi))))

    for alpha, lag, norm in [(0.6, 8, True), (0.6, 8, False), (0.0, 4, True), (0.95, 12, True)]:
        adstock("geometric", fir(geometric(alpha, lag, norm), X), alpha=alpha, maxLag=lag, normalized=norm)
    for alpha, norm in [(0.7, False), (0.3, True)]:
        adstock("geometric_infinite", geometric_infinite(alpha, norm, X), alpha=alpha, normalized=norm)
    for alpha, theta, lag, norm in [(0.5, 2.0, 6, True), (0.8, 1.3, 8, False)]:
        adstock("delayed", fir(delayed(alpha, theta, lag, norm), X), alpha=alpha, theta=theta, maxLag=lag,
                normalized=norm)
    for shape, scale, lag in [(0.5, 0.3, 10), (2.0, 0.25, 12), (1.0, 0.1, 19)]:
        adstock("weibull_cdf", fir(weibull_cdf(shape, scale, lag), X), shape=shape, scale=scale, maxLag=lag)
        adstock("weibull_cdf_robyn", fir(weibull_cdf(shape, scale, lag, True), X), shape=shape, scale=scale,
                maxLag=lag)
    for shape, scale, lag in [(0.5, 0.3, 10), (3.0, 0.25, 12), (1.5, 0.5, 7)]:
        adstock("weibull_pdf", fir(weibull_pdf(shape, scale, lag), X), shape=shape, scale=scale, maxLag=lag)
        adstock("weibull_pdf_robyn", fir(weibull_pdf(shape, scale, lag, True), X), shape=shape, scale=scale,
                maxLag=lag)
    for beta, gamma, lag in [(0.5, 0.6, 8), (-0.3, 0.5, 6)]:
        adstock("beta_gamma", fir(beta_gamma(beta, gamma, lag), X), beta=beta, gamma=gamma, maxLag=lag)

    xs = np.array([0.0, 1e-9, 0.01, 0.25, 0.5, 1.0, 2.0, 3.7, 10.0, 123.0, 1e6, 1e12])

    def saturation(kind, values, **params):
        for i, (xi, yi) in enumerate(zip(xs, values)):
            rows.append(("saturation", kind, fmt_params(**params), i, repr(float(xi)), repr(float(yi))))

    for ec, slope in [(1.0, 1.0), (2.0, 2.0), (0.5, 0.5), (3.0, 3.7)]:
        # x^s / (x^s + ec^s) written as the logistic function of the log-odds s * log(x / ec)
        with np.errstate(divide="ignore"):
            logodds = slope * np.log(xs / ec)
        saturation("hill", special.expit(logodds), ec=ec, slope=slope)
    for lam in [0.5, 3.0]:
        saturation("logistic", (1 - np.exp(-lam * xs)) / (1 + np.exp(-lam * xs)), **{"lambda": lam})
    for x0, k in [(2.0, 1.5), (0.0, 4.0)]:
        saturation("sigmoid", special.expit(k * (xs - x0)) - special.expit(-k * x0), inflection=x0, steepness=k)
    for alpha, lam in [(2.0, 0.5), (1.0, 10.0)]:
        saturation("michaelis_menten", alpha * xs / (lam + xs), alpha=alpha, **{"lambda": lam})
    for b, c in [(1.0, 1.0), (5.0, 0.3)]:
        saturation("tanh", b * np.tanh(xs / (b * c)), b=b, c=c)

    path = os.path.join(HERE, "reference.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["family", "type", "params", "index", "input", "expected"])
        w.writerows(rows)


if __name__ == "__main__":
    main()
