package io.github.mmm4j.auto;

/** How far the estimators agree about one channel. */
public enum Agreement {
    /**
     * Every model's ROI interval overlaps every other's, their ranks agree, every interval excludes zero, and
     * the data do not undermine the channel (not sparse, not severely collinear).
     */
    CONFIRMED,
    /** The models do not contradict each other, but the evidence is weak (an interval includes zero, or the
     * channel is sparse or collinear, or ranks differ). */
    UNCERTAIN,
    /** At least two models' ROI intervals do not overlap. */
    DISAGREE
}
