using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Policies.Assessment;

namespace ServiceDesk.Web.Dashboard;

/// <summary>What the dashboard shows, computed from the board at one instant, in the centre's time zone.</summary>
internal sealed record Dashboard(
    ZonedDateTime Now,
    IReadOnlyList<string> Stages,
    IReadOnlyList<string> DueBands,
    IReadOnlyDictionary<(string Stage, string Due), int> Backlog,
    int OpenCases,
    IReadOnlyList<Dashboard.Breach> BreachesToday,
    IReadOnlyDictionary<AgreementKind, int> InternalBreachesToday,
    IReadOnlyList<Dashboard.EscalationRow> Escalations,
    int EscalationsToday,
    int EscalationsThisMonth,
    IReadOnlyList<Dashboard.Compliance> Month)
{
    public static readonly string[] StageNames = ["Overdue", "Past 90% of the time", "Past 75% of the time", "Past 50% of the time", "On track", "On hold", "No clock running"];

    public static readonly string[] DueBandNames = ["already late", "within the hour", "later today", "tomorrow", "after tomorrow"];

    /// <summary>The band of cases whose most urgent clock has no deadline now: paused on hold before it ran out, or none running (resolved and waiting to close, waiting for a callback).</summary>
    public const string NoDueTime = "no due time";

    public static Dashboard Of(Desk desk, Instant at)
    {
        var zone = desk.Definitions.Zone;
        var now = at.InZone(zone);
        var today = now.Date.AtStartOfDayInZone(zone).ToInstant();
        var tomorrow = now.Date.PlusDays(1).AtStartOfDayInZone(zone).ToInstant();
        var afterTomorrow = now.Date.PlusDays(2).AtStartOfDayInZone(zone).ToInstant();
        var monthStart = now.Date.With(DateAdjusters.StartOfMonth).AtStartOfDayInZone(zone).ToInstant();

        var backlog = new Dictionary<(string, string), int>();
        var breaches = new List<Breach>();
        var internalBreaches = new Dictionary<AgreementKind, int>();
        var escalations = new List<EscalationRow>();
        var met = new Dictionary<Metric, int>();
        var missed = new Dictionary<Metric, int>();
        var open = 0;

        // The promises counted are the customer SLA's; the OLAs' and contracts' clocks (also in the assessment) are the
        // centre's internal targets, counted apart so the same metric is not counted twice.
        void Count(string caseId, string? owner, bool isOpen, AgreementReference? sla, CaseAssessment assessment, EscalationTrack track)
        {
            var customerStatuses = new List<SlaStatus>(assessment.Sla.Statuses.Count);
            foreach (var s in assessment.Sla.Statuses)
            {
                if (sla is { } main && s.Agreement != main)
                {
                    if (s.BreachedAt is { } missedAt && missedAt >= today && missedAt <= at)
                    {
                        var kind = desk.Definitions.Find(s.Agreement)?.Kind ?? AgreementKind.OperationalLevel;
                        internalBreaches[kind] = internalBreaches.GetValueOrDefault(kind) + 1;
                    }

                    continue;
                }

                customerStatuses.Add(s);
                if (s.BreachedAt is { } breached && breached >= today && breached <= at)
                {
                    breaches.Add(new Breach(caseId, Promises.Of(s.Metric), breached.InZone(zone), owner));
                }

                if (s.State == SlaState.Met && s.StoppedAt is { } stopped && stopped >= monthStart && stopped <= at)
                {
                    met[s.Metric] = met.GetValueOrDefault(s.Metric) + 1;
                }
                else if (s.State == SlaState.Missed && s.BreachedAt is { } late && late >= monthStart && late <= at)
                {
                    missed[s.Metric] = missed.GetValueOrDefault(s.Metric) + 1;
                }
            }

            foreach (var e in track.Escalations.Where(e => e.EscalatedAt >= monthStart && e.EscalatedAt <= at))
            {
                escalations.Add(new EscalationRow(caseId, e.Level, desk.LevelName(e.Level), e.Reason, e.EscalatedAt.InZone(zone)));
            }

            if (isOpen)
            {
                open++;
                var (stage, due) = Place(customerStatuses, at, tomorrow, afterTomorrow);
                backlog[(stage, due)] = backlog.GetValueOrDefault((stage, due)) + 1;
            }
        }

        foreach (var ticket in desk.Board.Tickets())
        {
            Count(ticket.Id.Value, ticket.Assignee?.Value ?? ticket.FirstContactOwner.Value, !ticket.IsFinal, ticket.Agreement, desk.Assess(ticket, at), ticket.Escalation);
        }

        foreach (var complaint in desk.Board.Complaints())
        {
            Count(complaint.Id.Value, complaint.Investigation?.Person.Value, !complaint.IsFinal, complaint.Agreement, desk.Assess(complaint, at), complaint.Escalation);
        }

        var month = Enum.GetValues<Metric>()
            .Where(m => met.ContainsKey(m) || missed.ContainsKey(m))
            .Select(m => new Compliance(Promises.Of(m), met.GetValueOrDefault(m), missed.GetValueOrDefault(m)))
            .ToList();
        return new Dashboard(
            now, StageNames, [.. DueBandNames, NoDueTime], backlog, open,
            [.. breaches.OrderByDescending(b => b.At.ToInstant()).ThenBy(b => b.CaseId, StringComparer.Ordinal)],
            internalBreaches,
            [.. escalations.OrderByDescending(e => e.At.ToInstant()).ThenBy(e => e.CaseId, StringComparer.Ordinal)],
            escalations.Count(e => e.At.ToInstant() >= today), escalations.Count, month);
    }

    /// <summary>A case's place in the backlog: its most urgent running clock's warning stage and when that clock is due.</summary>
    private static (string Stage, string Due) Place(IReadOnlyList<SlaStatus> statuses, Instant now, Instant tomorrow, Instant afterTomorrow)
    {
        var running = statuses.Where(s => s.StoppedAt is null && s.State is SlaState.Running or SlaState.Paused or SlaState.Missed).ToList();
        if (running.Count == 0)
        {
            return (StageNames[6], NoDueTime);
        }

        var worst = running.OrderByDescending(s => s.State == SlaState.Missed).ThenBy(s => s.DueAt ?? Instant.MaxValue).First();
        var stage = worst.State switch
        {
            SlaState.Missed => StageNames[0],
            SlaState.Paused => StageNames[5],
            _ => worst.ElapsedPercent >= 90 ? StageNames[1] : worst.ElapsedPercent >= 75 ? StageNames[2] : worst.ElapsedPercent >= 50 ? StageNames[3] : StageNames[4],
        };
        // A clock paused after its promise ran out has no deadline any more (DueAt is null while paused), but it is late:
        // its band is the breach's. A paused clock before its deadline has no due time until it runs again.
        var due = (worst.State, worst.DueAt) switch
        {
            (SlaState.Missed, _) => DueBandNames[0],
            (_, null) when worst.IsDueBeyondSupportedRange => DueBandNames[4],
            (_, null) => NoDueTime,
            (_, { } d) when d <= now => DueBandNames[0],
            (_, { } d) when d <= now + Duration.FromHours(1) => DueBandNames[1],
            (_, { } d) when d < tomorrow => DueBandNames[2],
            (_, { } d) when d < afterTomorrow => DueBandNames[3],
            _ => DueBandNames[4],
        };
        return (stage, due);
    }

    internal sealed record Breach(string CaseId, string Promise, ZonedDateTime At, string? Owner);

    internal sealed record EscalationRow(string CaseId, int Level, string Target, string Reason, ZonedDateTime At);

    internal sealed record Compliance(string Promise, int Met, int Missed)
    {
        public double Percent => Met + Missed == 0 ? 100 : Met * 100.0 / (Met + Missed);
    }
}
