package io.perftest.report;

/** The style sheet inlined into every report: system fonts only (no web font), the charts' palette for verdicts. */
final class ReportStyle {

    static final String CSS = """
            :root { color-scheme: light; }
            body { margin: 0; background: #f6f6f4; color: #1b1b1b;
                   font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif; }
            main { max-width: 1000px; margin: 0 auto; padding: 16px 24px 40px; background: #fff; }
            h1 { font-size: 22px; margin: 8px 0 4px; overflow-wrap: break-word; }
            h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
            h3 { font-size: 15px; margin: 18px 0 6px; overflow-wrap: break-word; }
            nav { margin: 6px 0 12px; font-size: 13px; }
            nav a { margin-right: 10px; }
            a { color: #0072b2; }
            .banner { padding: 12px 16px; border-radius: 4px; color: #fff; margin: 10px 0; }
            .banner strong { font-size: 20px; margin-right: 14px; letter-spacing: .04em; }
            .banner span { overflow-wrap: break-word; }
            .passed { background: #009e73; }
            .unstable { background: #e69f00; color: #1b1b1b; }
            .failed, .aborted { background: #d55e00; }
            .unknown { background: #666; }
            table { border-collapse: collapse; margin: 6px 0 12px; width: 100%; font-size: 13px; }
            th, td { border-bottom: 1px solid #e4e4e4; padding: 4px 8px; text-align: left; vertical-align: top;
                     overflow-wrap: break-word; }
            th { background: #f0f0ee; font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            td.worse { color: #b34700; font-weight: 600; }
            td.better { color: #00795a; font-weight: 600; }
            td.pass { color: #00795a; }
            td.fail { color: #b34700; font-weight: 600; }
            figure { margin: 8px 0 16px; }
            img.chart { max-width: 100%; height: auto; border: 1px solid #e4e4e4; }
            pre { background: #f4f4f2; padding: 8px; overflow-x: auto; font-size: 12px; white-space: pre-wrap;
                  overflow-wrap: break-word; }
            details { margin: 4px 0; }
            summary { cursor: pointer; }
            ul.files { padding-left: 18px; font-size: 13px; }
            .note { color: #666; font-size: 12px; }
            p.muted { color: #666; }
            footer { margin-top: 32px; color: #888; font-size: 12px; }
            """;

    private ReportStyle() {
    }
}
