/**
 * Reports of the automated analysis: from an {@link io.github.mmm4j.auto.AnalysisResult} (plus, optionally,
 * Shapley attribution and a budget plan from {@code mmm-optimize}) the {@link io.github.mmm4j.auto.report.Reporter}
 * writes {@code report.md} (plain language for an executive, then a technical appendix), {@code report.html}
 * (one self-contained file with charts), {@code results.json} (everything, machine-readable, byte-identical for the
 * same input) and {@code report.xlsx} (the tables as a workbook).
 *
 * <p>The plain-language text comes from a {@link io.github.mmm4j.auto.report.Narrator}, which turns the structured
 * {@link io.github.mmm4j.auto.report.Findings} into {@link io.github.mmm4j.auto.report.Narrative} sections. The
 * default, {@link io.github.mmm4j.auto.report.Narrator#standard()}, is deterministic; an application can plug in
 * its own (for example one backed by a language model) without changing anything else.
 *
 * <p>Safety: every user-provided string (channel, KPI, control and source names, and the narrator's text) is
 * HTML-escaped in {@code report.html}, Markdown-escaped in {@code report.md}, and written as a text cell (quote
 * prefixed when it starts like a formula) in {@code report.xlsx}. The HTML has a content security policy that
 * allows no scripts and no network access.
 */
package io.github.mmm4j.auto.report;
