package io.github.mmm4j.optimize;

import io.github.mmm4j.core.MmmDataset;
import io.github.mmm4j.models.ChannelSummary;
import io.github.mmm4j.models.Decomposition;
import io.github.mmm4j.models.FittedModel;
import io.github.mmm4j.models.ModelJson;
import io.github.mmm4j.models.ModelSpec;
import io.github.mmm4j.models.Provenance;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model with per-geo media effects (the hierarchical panel model's output): every consumer of a fitted model
 * (decomposition, channel and per-geo summaries, responses, model.json, the planner's fast path) applies channel
 * {@code c}'s multiplier {@code m_cg} in geo {@code g}, checked against the same model without multipliers, whose
 * per-geo quantities are scaled by hand.
 */
class GeoEffectsTest {

    static final MmmDataset DATA = Fixtures.data(5, 80, 3, 3);
    static final ModelSpec SPEC = Fixtures.spec(DATA, new double[] {1, 0.8, 1.2}, new double[] {1, 0.7, 2.5});
    static final FittedModel POOLED = Fixtures.linear(DATA, SPEC, new double[] {400, 250, 300},
            new double[] {0.9, 1.0, 1.1, 1.2});

    /** Multiplier of channel c in geo g in draw d (different per draw, so draws differ in more than scale). */
    static double mult(int d, int c, int g) {
        return Math.exp(0.3 * Math.sin(1.3 * (g + 1) + 0.7 * c + 0.2 * d));
    }

    /** Baseline amplitude of geo g in draw d. */
    static double amp(int d, int g) {
        return Math.exp(0.2 * Math.cos(g + 0.5 * d));
    }

    static FittedModel withGeoEffects(FittedModel pooled) {
        int nc = DATA.nChannels();
        int ng = DATA.nGeos();
        int w0 = pooled.parameterNames().size();
        int w = w0 + nc * ng + ng;
        int nd = pooled.drawCount();
        double[] draws0 = pooled.drawRows().orElseThrow();
        double[] draws = new double[nd * w];
        for (int d = 0; d < nd; d++) {
            System.arraycopy(draws0, d * w0, draws, d * w, w0);
            for (int c = 0; c < nc; c++) {
                for (int g = 0; g < ng; g++) {
                    draws[d * w + w0 + c * ng + g] = mult(d, c, g);
                }
            }
            for (int g = 0; g < ng; g++) {
                draws[d * w + w0 + nc * ng + g] = amp(d, g);
            }
        }
        return FittedModel.of("hier", pooled.spec(), DATA, 0, pooled.frame(), null, draws, 0.9,
                Provenance.of("test", 0, Map.of()), null, true);
    }

    static final FittedModel HIER = withGeoEffects(POOLED);

    @Test
    void perGeoQuantitiesAreThePooledOnesTimesTheMultipliers() {
        int nc = DATA.nChannels();
        int nt = DATA.nPeriods();
        assertTrue(HIER.hasGeoEffects());
        assertFalse(POOLED.hasGeoEffects());
        assertTrue(HIER.parameterNames().contains("geo_effect:search:geo2"), HIER.parameterNames().toString());
        assertTrue(HIER.parameterNames().contains("geo_baseline:geo1"), HIER.parameterNames().toString());
        Decomposition dh = HIER.decompose(DATA);
        int nk = dh.components().size();
        int first = nk - nc;
        for (int g = 0; g < DATA.nGeos(); g++) {
            for (int c = 0; c < nc; c++) {
                double[] spend = new double[nt];
                for (int t = 0; t < nt; t++) {
                    spend[t] = DATA.spend(g * nt + t, c);
                }
                double[] h = HIER.channelContribution(c, g, spend);
                double sumDecomposition = 0;
                double sumExpected = 0;
                for (int t = 0; t < nt; t++) {
                    // the mean over draws of m_dcg * pooled draw contribution
                    double expected = 0;
                    for (int d = 0; d < HIER.drawCount(); d++) {
                        expected += mult(d, c, g) * POOLED.draw(d).channelContribution(c, g, spend)[t];
                    }
                    expected /= HIER.drawCount();
                    assertEquals(expected, h[t], 1e-9 * Math.abs(expected));
                    assertEquals(expected, dh.value(g * nt + t, first + c), 1e-9 * Math.abs(expected));
                    sumDecomposition += dh.value(g * nt + t, first + c);
                    sumExpected += expected;
                }
                ChannelSummary geo = HIER.geoChannels().get(g).get(c);
                assertEquals(sumExpected, geo.contribution(), 1e-9 * sumExpected);
                assertEquals(sumDecomposition / geo.spend(), geo.roi(), 1e-9 * geo.roi());
                assertTrue(geo.roiInterval().orElseThrow().contains(geo.roi()));
            }
        }
        // trend and seasonality: the pooled draws' components times each draw's amplitude, averaged; the rest as pooled
        for (String comp : List.of("trend", "seasonality", "price", "baseline")) {
            int k = dh.components().indexOf(comp);
            for (int g = 0; g < DATA.nGeos(); g++) {
                for (int t = 0; t < nt; t += 7) {
                    double expected = 0;
                    for (int d = 0; d < HIER.drawCount(); d++) {
                        double f = comp.equals("trend") || comp.equals("seasonality") ? amp(d, g) : 1.0;
                        expected += f * POOLED.draw(d).decompose(DATA).value(g * nt + t, k);
                    }
                    expected /= HIER.drawCount();
                    assertEquals(expected, dh.value(g * nt + t, k), 1e-9 * Math.max(1, Math.abs(expected)),
                            comp + " geo " + g + " t " + t);
                }
            }
        }
        // the channel totals are the sums over geos, draw by draw
        for (int c = 0; c < nc; c++) {
            double total = 0;
            for (int g = 0; g < DATA.nGeos(); g++) {
                total += HIER.geoChannels().get(g).get(c).contribution();
            }
            assertEquals(HIER.channels().get(c).contribution(), total, 1e-9 * total);
        }
    }

    @Test
    void groupsOfGeosAggregateDrawByDraw() {
        for (FittedModel m : new FittedModel[] {HIER, POOLED}) {
            List<ChannelSummary> all = m.channelsOver(DATA.geos());
            List<ChannelSummary> two = m.channelsOver(List.of("geo0", "geo2"));
            for (int c = 0; c < DATA.nChannels(); c++) {
                ChannelSummary total = m.channels().get(c);
                assertEquals(total.contribution(), all.get(c).contribution(), 1e-9 * total.contribution());
                assertEquals(total.roi(), all.get(c).roi(), 1e-9 * total.roi());
                assertEquals(total.mroi(), all.get(c).mroi(), 1e-9 * Math.abs(total.mroi()));
                assertEquals(total.roiInterval().orElseThrow().lower(), all.get(c).roiInterval().orElseThrow().lower(),
                        1e-9 * total.roi());
                ChannelSummary g0 = m.geoChannels().get(0).get(c);
                ChannelSummary g2 = m.geoChannels().get(2).get(c);
                assertEquals(g0.contribution() + g2.contribution(), two.get(c).contribution(),
                        1e-9 * two.get(c).contribution());
                assertEquals(g0.spend() + g2.spend(), two.get(c).spend(), 1e-9 * two.get(c).spend());
                assertEquals(two.get(c).contribution() / two.get(c).spend(), two.get(c).roi(), 1e-12);
                if (m == HIER) {
                    assertTrue(two.get(c).roiInterval().orElseThrow().contains(two.get(c).roi()));
                } else {
                    // one effect for every geo cannot say how much geos differ: no interval below the total
                    assertTrue(two.get(c).roiInterval().isEmpty() && two.get(c).contributionInterval().isEmpty());
                    assertTrue(g0.roiInterval().isEmpty() && g0.mroiInterval().isEmpty()
                            && g0.shareInterval().isEmpty());
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> HIER.channelsOver(List.of("geo0", "geo0")));
        assertThrows(IllegalArgumentException.class, () -> HIER.channelsOver(List.of("nowhere")));
    }

    @Test
    void pooledModelsHaveUnitMultipliersAndUnchangedNumbers() {
        assertEquals(1.0, POOLED.geoEffect(1, 2));
        for (int c = 0; c < DATA.nChannels(); c++) {
            double total = 0;
            for (int g = 0; g < DATA.nGeos(); g++) {
                total += POOLED.geoChannels().get(g).get(c).contribution();
            }
            assertEquals(POOLED.channels().get(c).contribution(), total, 1e-9 * Math.abs(total));
        }
    }

    @Test
    void modelJsonKeepsTheMultipliers() {
        FittedModel back = ModelJson.fromJson(ModelJson.toJson(HIER));
        assertTrue(back.hasGeoEffects());
        assertEquals(HIER.parameterNames(), back.parameterNames());
        for (int c = 0; c < DATA.nChannels(); c++) {
            assertEquals(HIER.channels().get(c), back.channels().get(c));
            assertEquals(HIER.geoChannels().get(1).get(c), back.geoChannels().get(1).get(c));
        }
    }

    @Test
    void multipliersMustBePositive() {
        double[] rows = HIER.drawRows().orElseThrow();
        rows[HIER.parameterNames().indexOf("geo_effect:tv:geo1")] = 0;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FittedModel.of("hier",
                HIER.spec(), DATA, 0, HIER.frame(), null, rows, 0.9, Provenance.of("test", 0, Map.of()), null,
                true));
        assertTrue(e.getMessage().contains("geo_effect:tv:geo1"), e.getMessage());
    }

    @Test
    void plannerFastPathEqualsGenericPathWithMultipliers() {
        PlanningModel fast = PlanningModel.of(HIER, 8);
        PlanningModel generic = PlanningModel.builder(HIER, 8).genericPath(true).build();
        PlanningModel pooled = PlanningModel.of(POOLED, 8);
        for (int c = 0; c < 3; c++) {
            for (double x : new double[] {0, 5000, 20000, 80000}) {
                assertTrue(Tolerances.close(fast.response(c).value(x), generic.response(c).value(x),
                        Tolerances.EXACT), "channel " + c + " at " + x);
                assertTrue(Tolerances.close(fast.response(c).derivative(x), generic.response(c).derivative(x),
                        Tolerances.FINITE_DIFFERENCE), "derivative of channel " + c + " at " + x);
            }
            assertFalse(Tolerances.close(fast.response(c).value(20000), pooled.response(c).value(20000),
                    Tolerances.EXACT), "the multipliers change channel " + c + "'s response");
        }
        SpendPlan plan = fast.plan(new double[] {12000, 9000, 30000});
        ScenarioResult a = fast.evaluate(plan);
        ScenarioResult b = generic.evaluate(plan);
        assertTrue(Tolerances.close(a.kpi(), b.kpi(), Tolerances.EXACT));
        assertTrue(Tolerances.close(a.kpiInterval().orElseThrow().lower(), b.kpiInterval().orElseThrow().lower(),
                Tolerances.EXACT));
        List<ChannelSummary> g0 = HIER.geoChannels().get(0);
        assertEquals(3, g0.size());
    }

    /**
     * The model split by geo (one channel per channel and geo) is the same model: each split channel's contribution
     * is the original channel's in that geo, the predictions agree, and a plan over channel x geo with each channel
     * and each geo as a group keeps the group bounds and does at least as well as the per-channel plan (which is one
     * of its feasible points).
     */
    @Test
    void planningOverChannelAndGeo() {
        FittedModel cells = HIER.byGeo();
        int nc = DATA.nChannels();
        int ng = DATA.nGeos();
        assertEquals(nc * ng, cells.data().nChannels());
        assertEquals("search" + FittedModel.CELL_CHANNEL_SEPARATOR + "geo2", cells.data().channels().get(nc + 2));
        double[] p0 = HIER.predict(DATA);
        double[] p1 = cells.predict(cells.data());
        for (int i = 0; i < p0.length; i++) {
            assertEquals(p0[i], p1[i], 1e-9 * Math.abs(p0[i]));
        }
        List<List<ChannelSummary>> perGeo = HIER.geoChannels();
        for (int c = 0; c < nc; c++) {
            double sum = 0;
            for (int g = 0; g < ng; g++) {
                ChannelSummary cell = cells.channels().get(c * ng + g);
                assertEquals(perGeo.get(g).get(c).contribution(), cell.contribution(),
                        1e-9 * Math.abs(cell.contribution()));
                sum += cell.contribution();
            }
            assertEquals(HIER.channels().get(c).contribution(), sum, 1e-9 * Math.abs(sum));
        }
        PlanningModel byChannel = PlanningModel.of(HIER, 8);
        PlanningModel byCell = PlanningModel.of(cells, 8);
        assertEquals(byChannel.baseline().total(), byCell.baseline().total(), 1e-6 * byChannel.baseline().total());
        Allocation coarse = BudgetOptimizer.optimize(byChannel, BudgetConstraints.none(), Objective.maximizeKpi());
        // each geo kept within 80% to 120% of its current spend
        BudgetConstraints.Builder b = BudgetConstraints.builder();
        for (int g = 0; g < ng; g++) {
            List<String> members = new java.util.ArrayList<>();
            double current = 0;
            for (int c = 0; c < nc; c++) {
                String v = cells.data().channels().get(c * ng + g);
                members.add(v);
                current += byCell.baseline().channelTotal(v);
            }
            b.group(new ChannelGroup(DATA.geos().get(g), members, 0.8 * current, 1.2 * current));
        }
        Allocation fine = BudgetOptimizer.optimize(byCell, b.build(), Objective.maximizeKpi());
        assertTrue(fine.improved(), fine.message());
        for (int g = 0; g < ng; g++) {
            double current = 0;
            double planned = 0;
            for (int c = 0; c < nc; c++) {
                String v = cells.data().channels().get(c * ng + g);
                current += byCell.baseline().channelTotal(v);
                planned += fine.channel(v).optimalSpend();
            }
            assertTrue(planned >= 0.8 * current - 1e-6 * current && planned <= 1.2 * current + 1e-6 * current,
                    "geo " + g + " planned " + planned + " current " + current);
        }
        Allocation free = BudgetOptimizer.optimize(byCell, BudgetConstraints.none(), Objective.maximizeKpi());
        assertTrue(free.expectedKpiOptimal() >= coarse.expectedKpiOptimal() - 1e-9 * coarse.expectedKpiOptimal(),
                free.expectedKpiOptimal() + " vs " + coarse.expectedKpiOptimal());
    }

    /**
     * Response curves of groups of cells: a channel over all its geos, at the current split, is the unsplit model's
     * curve of that channel (values, marginal ROI and the interval over draws); one cell alone is that cell's curve;
     * every point estimate is inside its interval.
     */
    @Test
    void groupCurvesOverCellsMatchTheUnsplitModel() {
        int nc = DATA.nChannels();
        int ng = DATA.nGeos();
        FittedModel cells = HIER.byGeo();
        PlanningModel byChannel = PlanningModel.of(HIER, 8);
        PlanningModel byCell = PlanningModel.of(cells, 8);
        List<ResponseCurves.CurveGroup> groups = new java.util.ArrayList<>();
        for (int c = 0; c < nc; c++) {
            String ch = DATA.channels().get(c);
            List<String> all = new java.util.ArrayList<>();
            for (int g = 0; g < ng; g++) {
                all.add(cells.data().channels().get(c * ng + g));
            }
            groups.add(new ResponseCurves.CurveGroup(List.of("total", ch), all));
            groups.add(new ResponseCurves.CurveGroup(List.of("geo1", ch), List.of(all.get(1))));
            groups.add(new ResponseCurves.CurveGroup(List.of("geo0+geo2", ch), List.of(all.get(0), all.get(2))));
        }
        Table t = ResponseCurves.groupCurves(byCell, List.of("level", "channel"), groups, 12, 3);
        assertEquals(List.of("level", "channel", "spend", "contribution", "incremental", "roi", "mroi",
                "incremental_lower", "incremental_upper"), t.header());
        assertEquals(3 * nc * 13, t.rows().size());
        Table unsplit = ResponseCurves.curves(byChannel, 12, 3);
        Table single = ResponseCurves.curves(byCell, 12, 3);
        for (int c = 0; c < nc; c++) {
            for (int i = 0; i <= 12; i++) {
                int r = (3 * c) * 13 + i;
                int u = c * 13 + i;
                for (String col : List.of("spend", "incremental", "mroi", "incremental_lower", "incremental_upper")) {
                    assertEquals(unsplit.number(u, col), t.number(r, col), 1e-9 * (1 + Math.abs(unsplit.number(u,
                            col))), "total of channel " + c + " row " + i + " " + col);
                    // geo1's cell is the cell's own curve (rows of the split model are channel-major)
                    int s1 = (c * ng + 1) * 13 + i;
                    assertEquals(single.number(s1, col), t.number(r + 13, col), 1e-12 * (1 + Math.abs(single.number(
                            s1, col))), "cell of channel " + c + " row " + i + " " + col);
                }
            }
        }
        for (int r = 0; r < t.rows().size(); r++) {
            assertTrue(t.number(r, "incremental_lower") <= t.number(r, "incremental") + 1e-9 * Math.abs(t.number(r,
                    "incremental")) && t.number(r, "incremental") <= t.number(r, "incremental_upper") + 1e-9
                    * Math.abs(t.number(r, "incremental")), "row " + r + ": " + t.rows().get(r));
        }
        // a group naming an unknown channel, or a member twice, is refused
        assertThrows(IllegalArgumentException.class, () -> ResponseCurves.groupCurves(byCell, List.of("level"),
                List.of(new ResponseCurves.CurveGroup(List.of("x"), List.of("nope"))), 4, 3));
        assertThrows(IllegalArgumentException.class, () -> new ResponseCurves.CurveGroup(List.of("x"),
                List.of("a", "a")));
    }

    /**
     * Bounds on channels and on geos at once (each cell in two groups): with concave curves the plan keeps every
     * bound and does no better than with the geo bounds alone (one more family of constraints); with an S-shaped
     * channel ({@code social}, Hill slope 2.5) it plans on the curves' concave envelopes and says how close it came.
     */
    @Test
    void planningWithChannelAndGeoBoundsTogether() {
        ModelSpec concave = Fixtures.spec(DATA, new double[] {1, 0.8, 1.2}, new double[] {1, 0.7, 0.9});
        FittedModel hier = withGeoEffects(Fixtures.linear(DATA, concave, new double[] {400, 250, 300},
                new double[] {0.9, 1.0, 1.1, 1.2}));
        FittedModel cells = hier.byGeo();
        PlanningModel byCell = PlanningModel.of(cells, 8);
        int nc = DATA.nChannels();
        int ng = DATA.nGeos();
        BudgetConstraints.Builder geosOnly = BudgetConstraints.builder();
        BudgetConstraints.Builder both = BudgetConstraints.builder();
        double[] geoCurrent = new double[ng];
        for (int g = 0; g < ng; g++) {
            List<String> members = new java.util.ArrayList<>();
            for (int c = 0; c < nc; c++) {
                String v = cells.data().channels().get(c * ng + g);
                members.add(v);
                geoCurrent[g] += byCell.baseline().channelTotal(v);
            }
            ChannelGroup group = new ChannelGroup(DATA.geos().get(g), members, 0.8 * geoCurrent[g],
                    1.2 * geoCurrent[g]);
            geosOnly.group(group);
            both.group(group);
        }
        Allocation free = BudgetOptimizer.optimize(byCell, geosOnly.build(), Objective.maximizeKpi());
        // each channel held to within 5% of the total the geo-bounded plan gives it, above for the first channel
        double[] channelLo = new double[nc];
        double[] channelHi = new double[nc];
        for (int c = 0; c < nc; c++) {
            List<String> members = new java.util.ArrayList<>();
            double planned = 0;
            for (int g = 0; g < ng; g++) {
                String v = cells.data().channels().get(c * ng + g);
                members.add(v);
                planned += free.channel(v).optimalSpend();
            }
            channelLo[c] = c == 0 ? 1.05 * planned : 0;
            channelHi[c] = c == 0 ? Double.POSITIVE_INFINITY : 0.95 * planned;
            both.group(new ChannelGroup(DATA.channels().get(c), members, channelLo[c], channelHi[c]));
        }
        Allocation a = BudgetOptimizer.optimize(byCell, both.build(), Objective.maximizeKpi());
        assertEquals(OptimizerStatus.CONVERGED, a.status(), a.message());
        assertEquals("group-prices", a.method());
        double tol = 1e-6 * byCell.baseline().total();
        for (int g = 0; g < ng; g++) {
            double planned = 0;
            for (int c = 0; c < nc; c++) {
                planned += a.channel(cells.data().channels().get(c * ng + g)).optimalSpend();
            }
            assertTrue(planned >= 0.8 * geoCurrent[g] - tol && planned <= 1.2 * geoCurrent[g] + tol, "geo " + g);
        }
        for (int c = 0; c < nc; c++) {
            double planned = 0;
            for (int g = 0; g < ng; g++) {
                planned += a.channel(cells.data().channels().get(c * ng + g)).optimalSpend();
            }
            assertTrue(planned >= channelLo[c] - tol && planned <= channelHi[c] + tol, "channel " + c + " " + planned);
        }
        assertEquals(byCell.baseline().total(), a.budget(), tol);
        assertTrue(a.expectedKpiOptimal() <= free.expectedKpiOptimal() + 1e-9 * free.expectedKpiOptimal());

        FittedModel sCells = HIER.byGeo();
        PlanningModel sPlan = PlanningModel.of(sCells, 8);
        BudgetConstraints.Builder sBoth = BudgetConstraints.builder();
        for (int c = 0; c < nc; c++) {
            List<String> members = new java.util.ArrayList<>();
            for (int g = 0; g < ng; g++) {
                members.add(sCells.data().channels().get(c * ng + g));
            }
            sBoth.group(new ChannelGroup(DATA.channels().get(c), members, 0, Double.POSITIVE_INFINITY));
        }
        sBoth.group(new ChannelGroup(DATA.geos().get(0), List.of(sCells.data().channels().get(0),
                sCells.data().channels().get(ng)), 0, Double.POSITIVE_INFINITY));
        Allocation s = BudgetOptimizer.optimize(sPlan, sBoth.build(), Objective.maximizeKpi());
        assertTrue(s.method().startsWith("group-prices+envelope (within "), s.method());
        assertEquals(sPlan.baseline().total(), s.budget(), tol);
        double spent = 0;
        for (ChannelAllocation ca : s.channels()) {
            spent += ca.optimalSpend();
        }
        assertEquals(sPlan.baseline().total(), spent, tol);
    }
}
