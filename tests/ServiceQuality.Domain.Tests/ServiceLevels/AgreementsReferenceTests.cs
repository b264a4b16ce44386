using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceQuality.Domain.Tests.ServiceLevels;

/// <summary>
/// The clocks of an SLA, an OLA per team and an underpinning contract on one ticket against the minute-by-minute reference,
/// on random calendars and histories that move the case between people of three teams and back, refer it to a third party
/// and return it several times, hold, resume, resolve and reopen it, evaluated inside and after the history.
/// </summary>
public sealed class AgreementsReferenceTests
{
    private static readonly Duration Horizon = Duration.FromDays(120);
    private static readonly Metric[] Metrics = [Metric.FirstResponse, Metric.NextResponse, Metric.Resolution, Metric.OnSiteArrival];
    private static readonly DepartmentId Desk = new("desk");
    private static readonly DepartmentId Field = new("field");
    private static readonly DepartmentId Lab = new("lab");

    /// <summary>Two people in each of three teams, and one without a team.</summary>
    private static readonly (StaffId Who, DepartmentId? Team)[] People =
    [
        (new("desk-1"), Desk), (new("desk-2"), Desk), (new("field-1"), Field), (new("field-2"), Field), (new("lab-1"), Lab), (new("lab-2"), Lab), (new("temp"), null),
    ];

    /// <summary>A <see cref="Move.Person"/> that hands the case to the assignee's teammate.</summary>
    private const int Colleague = 7;

    /// <summary>The stock reasons (a customer's or third party's wait without a referral), a host's own reason, and one no rule names.</summary>
    private static readonly HoldReason[] HoldReasons = [HoldReason.WaitingForCustomer, HoldReason.WaitingForThirdParty, new("awaiting-parts"), new("等待业主答复")];

    private enum Command { Assign, Transfer, Start, Public, Internal, Hold, Resume, Refer, Return, Arrive, Priority, Resolve, Reopen, Close, Cancel }

    /// <summary>
    /// How often each command is chosen among those the ticket accepts: moves between people and referrals often, so that
    /// a case changes hands and goes out and back several times; close and cancel (which end the history) rarely.
    /// </summary>
    private static readonly (Command Command, int Weight)[] Weights =
    [
        (Command.Assign, 20), (Command.Transfer, 20), (Command.Start, 15), (Command.Public, 8), (Command.Internal, 3), (Command.Hold, 8), (Command.Resume, 15),
        (Command.Refer, 30), (Command.Return, 25), (Command.Arrive, 4), (Command.Priority, 4), (Command.Resolve, 6), (Command.Reopen, 15), (Command.Close, 1), (Command.Cancel, 1),
    ];

    /// <summary>One step: the command (weighted among those accepted), minutes since the last step, who gets the case (or <see cref="Colleague"/>), and a hold reason or priority.</summary>
    public sealed record Move(int Command, int Gap, int Person, int Choice)
    {
        public override string ToString() => $"{Command}+{Gap}/{Person}/{Choice}";
    }

    /// <summary>
    /// The SLA reference tests' calendar and terms (their steps and instant cleared: unused here), this test's moves, and where to evaluate: at
    /// <see cref="NowPermille"/> ‰ of the history when <see cref="Inside"/>, else <see cref="NowAfter"/> minutes after its last event.
    /// </summary>
    public sealed record AgreementCase(SlaClockReferenceTests.SlaCase Terms, Move[] Moves, bool Inside, int NowPermille, int NowAfter)
    {
        public override string ToString() =>
            $"{Terms} | {(Inside ? $"now at {NowPermille}‰" : $"now +{NowAfter}")} | {string.Join("; ", Moves.Select(m => m.ToString()))}";
    }

    internal static Gen<AgreementCase> Cases =>
        from terms in SlaClockReferenceTests.Cases
        from moves in Gen.Frequency((1, Gen.Choose(0, 8)), (4, Gen.Choose(9, 40))).SelectMany(n => Gen.ArrayOf(
            from command in Gen.Choose(0, 9999)
            from gap in Gen.Frequency((4, Gen.Choose(1, 120)), (1, Gen.Choose(121, 1500)))
            from person in Gen.Choose(0, Colleague)
            from choice in Gen.Choose(0, 3)
            select new Move(command, gap, person, choice), n))
        from inside in Gen.Frequency((1, Gen.Constant(true)), (2, Gen.Constant(false)))
        from permille in Gen.Choose(0, 1000)
        from after in Gen.Frequency((1, Gen.Constant(0)), (4, Gen.Choose(1, 3000)))
        select new AgreementCase(terms with { Steps = [], NowOffset = 0 }, moves, inside, permille, after);

    /// <summary>The SLA of the random case, and copies of its terms as OLAs of the desk and the field teams, an OLA without a team, and an underpinning contract.</summary>
    private static ServiceLevelAgreement[] Agreements(SlaClockReferenceTests.SlaCase c)
    {
        var sla = SlaClockReferenceTests.AgreementFor(c);
        var start = sla.EffectiveFrom!.Value;
        ServiceLevelAgreement Copy(string id, AgreementKind kind, DepartmentId? team)
        {
            var copy = ServiceLevelAgreement.Draft(new AgreementId(id), id, kind, start);
            copy.SetCalendar("cal", start);
            foreach (var target in sla.Targets)
            {
                copy.AddTarget(target, start);
            }

            foreach (var pause in sla.PauseRules)
            {
                copy.PauseOn(pause.Reason, pause.Metrics, start);
            }

            copy.SetWarningStages(sla.WarningStages, start);
            copy.SetReopenBehaviour(sla.Reopen, start);
            if (team is not null)
            {
                copy.SetTeam(team, start);
            }

            copy.Publish(start, start);
            return copy;
        }

        return
        [
            sla, Copy("OLA-desk", AgreementKind.OperationalLevel, Desk), Copy("OLA-field", AgreementKind.OperationalLevel, Field),
            Copy("OLA-all", AgreementKind.OperationalLevel, null), Copy("UC", AgreementKind.UnderpinningContract, null),
        ];
    }

    private static bool Accepts(Ticket ticket, Command command) => command switch
    {
        Command.Assign => ticket.CanAssign(),
        Command.Transfer => ticket.CanTransfer(),
        Command.Start => ticket.CanStartWork(),
        Command.Public or Command.Internal => ticket.CanRecordResponse(),
        Command.Hold => ticket.CanHold(),
        Command.Resume => ticket.CanResume(),
        Command.Refer => ticket.CanReferToThirdParty(),
        Command.Return => ticket.CanRecordThirdPartyReturn(),
        Command.Arrive => ticket.CanRecordOnSiteArrival(),
        Command.Priority => ticket.CanChangePriority(),
        Command.Resolve => ticket.CanResolve(),
        Command.Reopen => ticket.CanReopen(),
        Command.Close => ticket.CanClose(),
        Command.Cancel => ticket.CanCancel(),
        _ => false,
    };

    /// <summary>Who gets the case: the person the move names, or the assignee's teammate; never the assignee (a transfer must change hands).</summary>
    private static (StaffId Who, DepartmentId? Team) Recipient(Ticket ticket, int person)
    {
        var current = Array.FindIndex(People, p => p.Who == ticket.Assignee);
        var index = person == Colleague && current >= 0
            ? Array.FindIndex(People, p => p.Team is not null && p.Team == People[current].Team && p.Who != People[current].Who)
            : person % People.Length;
        index = index < 0 ? (current + 1) % People.Length : index;
        return People[index == current ? (index + 1) % People.Length : index];
    }

    /// <summary>Runs each move on a real ticket, choosing among the commands it accepts by weight, so histories are valid and varied.</summary>
    private static Ticket TicketFor(AgreementCase c, ServiceLevelAgreement[] agreements)
    {
        var ticket = Ticket.Open(
            new TicketId("T"), new CustomerId("C"), TicketKind.RepairRequest, Channel.Hotline, Priority.P3, People[0].Who, ServiceTier.Gold, c.Terms.Start,
            agreements[0].Reference, c.Terms.OnSite, otherAgreements: agreements.Skip(1).Select(a => a.Reference));
        var now = c.Terms.Start;
        foreach (var move in c.Moves)
        {
            now += Duration.FromMinutes(move.Gap);
            var allowed = Weights.Where(w => Accepts(ticket, w.Command)).ToList();
            if (allowed.Count == 0)
            {
                break; // closed or cancelled: the history is over
            }

            var roll = move.Command % allowed.Sum(w => w.Weight);
            var command = allowed.SkipWhile(w => (roll -= w.Weight) >= 0).First().Command;
            var (who, team) = Recipient(ticket, move.Person);
            switch (command)
            {
                case Command.Assign: ticket.Assign(who, team, now); break;
                case Command.Transfer: ticket.Transfer(who, team, now); break;
                case Command.Start: ticket.StartWork(now); break;
                case Command.Public: ticket.RecordResponse(who, true, now); break;
                case Command.Internal: ticket.RecordResponse(who, false, now); break;
                case Command.Hold: ticket.Hold(HoldReasons[move.Choice], now); break;
                case Command.Resume: ticket.Resume(now); break;
                case Command.Refer: ticket.ReferToThirdParty("vendor", now); break;
                case Command.Return: ticket.RecordThirdPartyReturn("done", now); break;
                case Command.Arrive: ticket.RecordOnSiteArrival(who, now); break;
                case Command.Priority when ticket.Priority != (Priority)(move.Choice + 1): ticket.ChangePriority((Priority)(move.Choice + 1), now); break;
                case Command.Resolve: ticket.Resolve(who, now); break;
                case Command.Reopen: ticket.Reopen("again", now); break;
                case Command.Close: ticket.Close(now); break;
                case Command.Cancel: ticket.Cancel("dup", now); break;
            }
        }

        return ticket;
    }

    /// <summary>The instant evaluated: a whole minute inside the history (from its opening to its last event), or at or after its last event.</summary>
    private static Instant NowFor(AgreementCase c, Ticket ticket) => c.Inside
        ? c.Terms.Start + Duration.FromMinutes((long)(ticket.LastEventAt - c.Terms.Start).TotalMinutes * c.NowPermille / 1000)
        : ticket.LastEventAt + Duration.FromMinutes(c.NowAfter);

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property EveryAgreementOnTheCase_OnRandomHistories_AgreesWithTheMinuteByMinuteReference() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var calendar = c.Terms.Calendar.Build();
            var agreements = Agreements(c.Terms);
            var ticket = TicketFor(c, agreements);
            var now = NowFor(c, ticket);

            var evaluation = SlaClock.EvaluateTicket(ticket.History, agreements, CalendarLookup.Of("cal", calendar), now);

            // The twenty reference clocks walk the same minutes: the calendar is asked once a minute (0 unknown, 1 closed, 2 open).
            var asked = new byte[(int)(now + Horizon - c.Terms.Start).TotalMinutes + 1];
            bool IsOpen(Instant t)
            {
                var (minute, rest) = Math.DivRem((t - c.Terms.Start).ToInt64Nanoseconds(), Duration.FromMinutes(1).ToInt64Nanoseconds());
                if (rest != 0 || minute < 0 || minute >= asked.Length)
                {
                    return calendar.IsOpen(t);
                }

                asked[minute] = asked[minute] != 0 ? asked[minute] : calendar.IsOpen(t) ? (byte)2 : (byte)1;
                return asked[minute] == 2;
            }

            var expectedCount = 0;
            foreach (var agreement in agreements)
            {
                foreach (var metric in Metrics)
                {
                    var expected = ReferenceClock.Evaluate(ticket.History, agreement, IsOpen, metric, now, horizonMinutes: (int)Horizon.TotalMinutes);
                    if (expected is null)
                    {
                        Assert.DoesNotContain(evaluation.Statuses, s => s.Metric == metric && s.Agreement == agreement.Reference);
                        continue;
                    }

                    expectedCount++;
                    expected.AssertMatches(Assert.Single(evaluation.Statuses, s => s.Metric == metric && s.Agreement == agreement.Reference), now, Horizon);
                }
            }

            Assert.Equal(expectedCount, evaluation.Statuses.Count);

            // Laws: every started clock's breakdown sums exactly to its elapsed time, and the cycles kept account for every missed cycle.
            foreach (var status in evaluation.Statuses.Where(s => s.State != SlaState.NotApplicable && s.Metric != Metric.LossReport))
            {
                var breakdown = Assert.Single(evaluation.Breakdowns, b => b.Agreement == status.Agreement && b.Metric == status.Metric);
                Assert.Equal(status.Elapsed, breakdown.Shares.Aggregate(Duration.Zero, (sum, share) => sum + share.Elapsed));
                Assert.Equal(status.BreachedAt is not null, breakdown.AtBreach is not null);
            }

            foreach (var status in evaluation.Statuses)
            {
                var cycles = evaluation.CompletedCycles.Where(k => k.Agreement == status.Agreement && k.Metric == status.Metric).ToList();
                Assert.Equal(status.MissedCycles, cycles.Count(k => k.State == SlaState.Missed) + (status.State == SlaState.Missed ? 1 : 0));
                Assert.All(cycles, k => Assert.True(k.Cycle < status.Cycle && k.StartedAt <= k.StoppedAt, $"{k} before {status}"));
            }

            // The SLA alone evaluates as it did before OLAs and contracts existed.
            var alone = SlaClock.EvaluateTicket(ticket.History, agreements[0], CalendarLookup.Of("cal", calendar), now);
            Assert.Equal(alone.Statuses, evaluation.Statuses.Where(s => s.Agreement == agreements[0].Reference));
        });

    /// <summary>What one generated history exercises, up to the instant evaluated.</summary>
    private sealed record Coverage(
        int Transfers, bool TeammateTransfer, bool BackToEarlierTeam, int Referrals, int Returns, bool ReferralOpenAtNow, bool HoldBetweenMoves, int Reopens, bool NowInside);

    private static Coverage CoverageOf(AgreementCase c)
    {
        var ticket = TicketFor(c, Agreements(c.Terms));
        var now = NowFor(c, ticket);
        var events = ticket.History.Where(e => e.OccurredAt <= now).ToList();
        var teams = new List<DepartmentId?>();
        var teammate = false;
        foreach (var e in events)
        {
            DepartmentId? team = e switch { TicketAssigned a => a.Department, TicketTransferred t => t.Department, _ => null };
            if (e is TicketAssigned or TicketTransferred)
            {
                teammate |= teams.Count > 0 && team is not null && teams[^1] == team;
                teams.Add(team);
            }
        }

        // Back to a team with an OLA after another team held the case.
        var back = teams.Select((team, i) => (team == Desk || team == Field) && teams.Take(i).Any(earlier => earlier == team) && teams[i - 1] != team).Any(x => x);
        var kinds = events.Select(e => e.GetType()).ToList();
        var referrals = kinds.Count(k => k == typeof(ReferredToThirdParty));
        var returns = kinds.Count(k => k == typeof(ThirdPartyReturned));

        // A hold or resume with a transfer or a return before it and a referral or a transfer after it: the three interleaved.
        var interleaved = Enumerable.Range(0, kinds.Count).Any(i =>
            (kinds[i] == typeof(TicketOnHold) || kinds[i] == typeof(TicketResumed))
            && kinds.Take(i).Any(k => k == typeof(TicketTransferred) || k == typeof(ThirdPartyReturned))
            && kinds.Skip(i + 1).Any(k => k == typeof(ReferredToThirdParty) || k == typeof(TicketTransferred)));
        var lastReferral = events.LastOrDefault(e => e is ReferredToThirdParty);
        var open = lastReferral is not null && !events.SkipWhile(e => e != lastReferral).Any(e => e is ThirdPartyReturned or TicketResolved or TicketCancelled);
        return new Coverage(
            kinds.Count(k => k == typeof(TicketTransferred)), teammate, back, referrals, returns, open, interleaved, kinds.Count(k => k == typeof(TicketReopened)), now < ticket.LastEventAt);
    }

    [Fact]
    public void Cases_OnTheFixedSeed_MoveReferAndReopenCasesOftenEnough()
    {
        var coverage = PropertyRuns.Sample(Cases, 1000).Select(CoverageOf).ToList();
        void AtLeast(double share, Func<Coverage, bool> covered, string what)
        {
            var count = coverage.Count(covered);
            Assert.True(count >= share * coverage.Count, $"{what}: {count} of {coverage.Count} histories, expected at least {share:P0}");
        }

        AtLeast(0.45, k => k.Transfers >= 2, "two transfers or more");
        AtLeast(0.30, k => k.Transfers >= 4, "four transfers or more");
        AtLeast(0.30, k => k.BackToEarlierTeam, "a return to an earlier team with an OLA");
        AtLeast(0.30, k => k.TeammateTransfer, "a transfer to a teammate");
        AtLeast(0.30, k => k.Referrals >= 2, "two referrals or more");
        AtLeast(0.20, k => k.Returns >= 2, "two returns or more");
        AtLeast(0.12, k => k.ReferralOpenAtNow, "a referral open at the instant evaluated");
        AtLeast(0.18, k => k.HoldBetweenMoves, "a hold or resume between transfers and referrals");
        AtLeast(0.25, k => k.Reopens >= 1, "a reopening");
        AtLeast(0.25, k => k.NowInside, "an instant inside the history");
        AtLeast(0.55, k => !k.NowInside, "an instant at or after the last event");
    }
}
