package io.github.mmm4j.models.bayes;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tests of the per-chain kernel: allocation-free transitions and the windowed adaptation schedule. */
class NutsKernelTest {

    @Test
    void transitionsDoNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean)) {
            assertTrue(true, "allocation counter unavailable on this JVM");
            return;
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        NutsKernel k = new NutsKernel(new TestDensities.IndependentNormal(TestDensities.ones(20)),
                new SplittableRandom(5), 10);
        assertTrue(k.setState(new double[20]));
        k.eps = 0.5;
        for (int i = 0; i < 20_000; i++) { // let the JIT compile (and scalar-replace) the hot path
            k.transition();
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        long leapfrog = 0;
        for (int i = 0; i < 2_000; i++) {
            k.transition();
            leapfrog += k.nLeapfrog;
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        // A single boxed value or temporary array per leapfrog step would allocate >= 16 bytes x leapfrog steps.
        assertTrue(leapfrog > 10_000);
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over " + leapfrog + " leapfrog steps");
    }

    @Test
    void stepSizeSearchDoublesFromATinyStart() {
        NutsKernel k = new NutsKernel(new TestDensities.IndependentNormal(TestDensities.ones(5)),
                new SplittableRandom(3), 10);
        assertTrue(k.setState(new double[] {0.1, -0.2, 0.3, 0.0, 0.5}));
        k.eps = 1e-6;
        assertTrue(k.initStepSize());
        // one leapfrog step of a unit normal keeps acceptance above 0.8 up to a step of order 1
        assertTrue(k.eps > 0.1 && k.eps < 8, "eps " + k.eps);
    }

    @Test
    void logSumExpIsStable() {
        assertEquals(Math.log(2), NutsKernel.logSumExp(0, 0), 1e-15);
        assertEquals(1000 + Math.log1p(Math.exp(-1)), NutsKernel.logSumExp(1000, 999), 1e-12);
        assertEquals(-3.0, NutsKernel.logSumExp(Double.NEGATIVE_INFINITY, -3.0));
    }
}
