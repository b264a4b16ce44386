namespace ServiceDesk;

/// <summary>One table of the report: the same sections, headers and cells in text, markdown and HTML.</summary>
/// <param name="Id">A stable name (the HTML anchor).</param>
/// <param name="Title">The heading.</param>
/// <param name="Note">A sentence under the heading, or null.</param>
/// <param name="Headers">The column headers; the first column is text, the others right-aligned unless <paramref name="TextColumns"/> says otherwise.</param>
/// <param name="Rows">The rows.</param>
/// <param name="TextColumns">How many leading columns are text (left-aligned).</param>
/// <param name="Numeric">When given, exactly the columns (by index) that hold numbers and are right-aligned; the others are text.</param>
internal sealed record Section(string Id, string Title, string? Note, IReadOnlyList<string> Headers, IReadOnlyList<SectionRow> Rows, int TextColumns = 1, IReadOnlyList<int>? Numeric = null)
{
    /// <summary>Whether column <paramref name="index"/> is text (left-aligned) rather than a number.</summary>
    public bool IsText(int index) => Numeric is { } numeric ? !numeric.Contains(index) : index < TextColumns;
}

/// <summary>A row; <paramref name="Mark"/> is the verdict or card it carries ("Met", "Not met", "Red card" …), coloured in HTML.</summary>
internal sealed record SectionRow(IReadOnlyList<string> Cells, string? Mark = null);

/// <summary>Turns a <see cref="Report"/> into its lines and sections, in the one order every format uses.</summary>
internal static class ReportView
{
    public const string Title = "ServiceDesk monthly service report";

    public static IReadOnlyList<string> Headline(Report r) =>
    [
        $"Cases from {r.Period.Words}, evaluated at {r.Period.EvaluatedAtWords} ({r.Period.Zone}).",
        $"Each case is measured against the agreements the catalogue chose for it when it opened; the objectives are those of {r.Period.Agreement}: {r.Period.AgreementName}.",
        $"{Labels.Count(r.Totals.Customers, "customer")}, {Labels.Count(r.Totals.Tickets, "ticket")}, {Labels.Count(r.Totals.Complaints, "complaint")}, " +
        $"{Labels.Count(r.Totals.Visits, "callback or visit", "callbacks and visits")}; {Labels.Count(r.Totals.OpenCases, "case")} still open; {Labels.Count(r.Totals.Breaches, "promise")} broken.",
        KpiSummary(r),
    ];

    private static string KpiSummary(Report r)
    {
        var missed = r.Kpis.Where(k => k.Verdict == Labels.NotMet).Select(k => k.Kpi.ToLowerInvariant()).ToList();
        return missed.Count == 0
            ? $"All {r.Kpis.Count} objectives of the agreement are met."
            : $"{r.Kpis.Count - missed.Count} of {r.Kpis.Count} objectives met; not met: {string.Join(", ", missed)}.";
    }

    public static IReadOnlyList<Section> Sections(Report r) =>
    [
        new("kpis", "Headline KPIs against the agreement's objectives", null,
            ["KPI", "Objective", "Actual", "Measured", "Verdict"],
            [.. r.Kpis.Select(k => new SectionRow([k.Kpi, k.Objective, Labels.Percent(k.ActualPercent), $"{Labels.Count(k.Numerator)} of {Labels.Count(k.Denominator)}", k.Verdict], k.Verdict))],
            TextColumns: 2),
        new("tiers", "Customers by tier",
            "Tiers as the annual re-selection set them on 1 January from last year's spend, with how many it moved up into each tier and down into it; and how many customers' trust score is too low for a refund without review.",
            ["Tier", "Customers", "Moved up", "Moved down", "Refund needs review"],
            [.. r.Tiers.Select(t => new SectionRow([t.Tier, Labels.Count(t.Customers), Labels.Count(t.MovedUp), Labels.Count(t.MovedDown), Labels.Count(t.RefundNeedsReview)]))]),
        new("compliance", "Compliance per promise",
            $"Each promise of the agreement by metric, priority and tier; the verdict compares its compliance with the SLA-compliance objective ({r.Kpis.FirstOrDefault(k => k.Kpi == Labels.Kpi(ServiceQuality.Domain.Agreements.Kpi.SlaCompliance))?.Objective ?? "none"}). Time taken is the 90th percentile of the time counted against the promise.",
            ["Metric", "Priority", "Tier", "Promise, calendar", "Met", "Missed", "Running", "Cancelled", "Compliance", "Time taken (p90)", "Verdict"],
            [.. r.Compliance.Select(c => new SectionRow(
                [c.Metric, c.Priority, c.Tier, Labels.Promise(c.Target, c.Calendar), Labels.Count(c.Met), Labels.Count(c.Missed), Labels.Count(c.Running), Labels.Count(c.Cancelled),
                    Labels.Percent(c.CompliancePercent), Labels.Hours(c.P90Hours), c.Verdict], c.Verdict))],
            TextColumns: 4),
        new("agreements", "Cases by agreement version",
            "Each case records, when it opens, the agreements the catalogue selects for it at that instant: the customer SLA version in force (the first that covers the case), every OLA and the underpinning contract.",
            ["Agreement", "Name", "Kind", "Team", "In force", "Tickets", "Complaints"],
            [.. r.Agreements.Select(a => new SectionRow([a.Agreement, a.Name, a.Kind, a.Team, a.InForce, Labels.Count(a.Tickets), Labels.Count(a.Complaints)]))],
            TextColumns: 5),
        new("compliance-by-kind", "Compliance by agreement kind",
            "Every clock of every agreement the cases recorded, by kind: the customer SLA, each team's OLA (counting only while the team holds the case) and the underpinning contract (counting only while the case is referred to the supplier); the clocks of a team that never held a case, or of a contract for a case never referred, are left out. Running includes clocks paused outside their window.",
            ["Agreement kind", "Versions", "Met", "Missed", "Running", "Cancelled", "Compliance"],
            [.. r.ComplianceByKind.Select(c => new SectionRow([c.Kind, c.Agreements, Labels.Count(c.Met), Labels.Count(c.Missed), Labels.Count(c.Running), Labels.Count(c.Cancelled), Labels.Percent(c.CompliancePercent)]))],
            TextColumns: 2),
        new("backlog", "Open backlog",
            $"{Labels.Count(r.Backlog.Open, "case")} open at the evaluation instant, by their most pressing clock: overdue (a promise already broken and its clock still running), at risk (a warning stage reached), on track, or resolved and only awaiting closure.",
            ["State", "Cases", "Oldest opened"],
            [.. r.Backlog.ByState.Select(b => new SectionRow([b.State, Labels.Count(b.Cases), b.OldestOpenedAt is null ? "–" : Labels.Display(b.OldestOpenedAt)],
                b.State == Backlog.Overdue && b.Cases > 0 ? Labels.NotMet : null))]),
        new("oldest", "Oldest open cases",
            $"The {Report.OldestShown} oldest open cases with a clock running, oldest first, with the agreements the catalogue chose for each when it opened (its customer SLA version, its OLAs and its underpinning contract).",
            ["Case", "Kind", "Opened", "Age (days)", "Tier", "Priority", "Agreements", "State", "Clock", "Due", "Held by"],
            [.. r.Backlog.Oldest.Select(o => new SectionRow([o.Case, o.Kind, Labels.Display(o.OpenedAt), Labels.Count(o.AgeDays), o.Tier, o.Priority, o.AgreementsWords, o.State, o.Clock, o.DueAt is null ? "–" : Labels.Display(o.DueAt), o.HeldBy],
                o.State == Backlog.Overdue ? Labels.NotMet : null))],
            Numeric: [3]),
        new("breaches", "Breaches by who held the case",
            $"{Labels.Count(r.Breaches.Total, "promise")} broken, each counted against the member of staff assigned to the case at the instant it broke" +
            (r.Breaches.OtherHolders > 0 ? $"; {Labels.Count(r.Breaches.OtherHolders)} others held {Labels.Count(r.Breaches.OtherBreaches)} more." : "."),
            ["Held by", "Team", "Tickets", "Complaints", "Total"],
            [.. r.Breaches.ByHolder.Select(h => new SectionRow([h.Holder, h.Team, Labels.Count(h.Tickets), Labels.Count(h.Complaints), Labels.Count(h.Total)]))],
            TextColumns: 2),
        new("escalations-recorded", "Escalations recorded", "Escalations the policy decided and the centre recorded on tickets and complaints during the period, by level and reason.",
            ["Level", "Reason", "Escalations"], [.. r.EscalationsRecorded.Select(e => new SectionRow([Labels.Count(e.Level), e.Reason, Labels.Count(e.Cases)]))], TextColumns: 2),
        new("escalations-due", "Escalations due", "Cases whose escalation is due at the evaluation instant: the policy's decision from the level each has reached.",
            ["Level", "Reason", "Cases"], [.. r.EscalationsDue.Select(e => new SectionRow([Labels.Count(e.Level), e.Reason, Labels.Count(e.Cases)]))], TextColumns: 2),
        new("callbacks", "Callbacks and visits",
            $"Required by the callback policy or owed by a tier's entitlements; {Labels.Count(r.Callbacks.WaivedComplaintCallbacks, "complaint callback")} waived with a recorded reason.",
            ["Kind", "Required", "Done", "Reached", "Missed", "Cancelled", "Not yet due"],
            [.. r.Callbacks.ByKind.Select(v => new SectionRow([v.Kind, Labels.Count(v.Required), Labels.Count(v.Done), Labels.Count(v.Reached), Labels.Count(v.Missed), Labels.Count(v.Cancelled), Labels.Count(v.StillPlanned)]))]),
        new("satisfaction", "Satisfaction per dimension", "Ratings given on completed callbacks and visits.",
            ["Dimension", "Ratings", "Satisfied or better", "Very satisfied", "Dissatisfied or worse"],
            [.. r.Callbacks.Satisfaction.Select(d => new SectionRow([d.Dimension, Labels.Count(d.Ratings), Labels.Percent(d.SatisfiedPercent), Labels.Percent(d.VerySatisfiedPercent), Labels.Count(d.Dissatisfied)]))]),
        new("staff", "Staff standings", StaffNote(r.Staff),
            ["Rank", "Staff", "Team", "Score", "Card", "Stars", "Complaint-free", "Bottom share"],
            [.. r.Staff.Standings.Select(s => new SectionRow(
                [(s.Tied ? "=" : string.Empty) + Labels.Count(s.Rank), s.Staff, s.Team, Labels.Score(s.Score), s.Card, Labels.Stars(s.Stars, r.Staff.Stars.Count - 1), Labels.YesNo(s.ComplaintFree), s.BottomFlagged ? "flagged" : "–"],
                s.Card == "none" ? null : s.Card))],
            Numeric: [0, 3]),
        new("credits", "Service credits owed to key accounts",
            $"{Labels.Count(r.Credits.Owed)} of {Labels.Count(r.Credits.KeyAccounts, "key account")} owed {Labels.Money(r.Credits.Total, r.Credits.Currency)} in total. {r.Credits.Policy}; the fee is {r.Credits.Fee}.",
            ["Outcome", "Share of fee", "Accounts", "Credit"],
            [.. r.Credits.ByReason.Select(c => new SectionRow([c.Reason, Labels.Percent(c.SharePercent), Labels.Count(c.Accounts), Labels.Money(c.Amount, r.Credits.Currency)]))]),
        new("credits-largest", "Largest service credits", $"The {Report.CreditsShown} largest credits owed, largest first.",
            ["Customer", "Met", "Missed", "Compliance", "Monthly fee", "Share", "Credit", "Outcome"],
            [.. r.Credits.Largest.Select(c => new SectionRow([c.Customer, Labels.Count(c.Met), Labels.Count(c.Missed), Labels.Percent(c.CompliancePercent), Labels.Money(c.Fee, r.Credits.Currency),
                Labels.Percent(c.SharePercent), Labels.Money(c.Amount, r.Credits.Currency), c.Reason]))],
            Numeric: [1, 2, 3, 4, 5, 6]),
    ];

    private static string StaffNote(StaffStandings s)
    {
        var stars = string.Join(", ", s.Stars.Where(c => c.Staff > 0).Select(c => $"{(c.Stars == 0 ? "no stars" : Labels.Stars(c.Stars, s.Stars.Count - 1))} {Labels.Count(c.Staff)}"));
        return $"{Labels.Count(s.Staff)} staff, best first; '=' marks a rank shared by equal scores. {Labels.Count(s.RedCards, "red card")}, {Labels.Count(s.YellowCards, "yellow card")}; " +
            $"stars: {stars}; {Labels.Count(s.ComplaintFree, "complaint-free title")}. Rules: {s.Rules}.";
    }
}
