using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Domain.Tests.Agreements;

/// <summary>
/// The catalogue chooses the agreements of a case by itself: the version in force at the case's start (never a draft, a
/// future or a retired version), the first covering SLA, every covering OLA and the first covering underpinning contract.
/// </summary>
public sealed class AgreementCatalogTests
{
    private static readonly Instant Jan = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly Instant Jul = Instant.FromUtc(2025, 7, 1, 0, 0);

    private static ServiceLevelAgreement Published(string id, AgreementKind kind, Instant effectiveFrom, Applicability? covers = null, int hours = 8)
    {
        var draft = ServiceLevelAgreement.Draft(new AgreementId(id), id, kind, Jan - Duration.FromDays(30));
        draft.AddTarget(Metric.Resolution, null, null, Duration.FromHours(hours), TimeBasis.BusinessTime, Jan - Duration.FromDays(30));
        if (covers is not null)
        {
            draft.SetApplicability(covers, Jan - Duration.FromDays(30));
        }

        draft.Publish(effectiveFrom, Jan - Duration.FromDays(30));
        return draft;
    }

    private static ServiceLevelAgreement Revised(ServiceLevelAgreement version, Instant effectiveFrom, int hours)
    {
        var next = version.Revise(Jan - Duration.FromDays(20));
        next.AddTarget(Metric.Resolution, Priority.P1, ServiceTier.WellKnown[next.Version % 5], Duration.FromHours(hours), TimeBasis.BusinessTime, Jan - Duration.FromDays(20));
        next.Publish(effectiveFrom, Jan - Duration.FromDays(20));
        return next;
    }

    private static Applicability Tiers(params ServiceTier[] tiers) => Applicability.Any with { Tiers = tiers };

    [Fact]
    public void AVersionPublishedMidYear_AppliesOnlyToCasesStartedAfterIt()
    {
        var v1 = Published("PM", AgreementKind.ServiceLevel, Jan);
        var v2 = Revised(v1, Jul, 2);
        var catalog = new AgreementCatalog([v1, v2]);

        Assert.Equal(1, catalog.ForTicket(ServiceTier.Gold, TicketKind.FaultReport, Channel.Hotline, Priority.P1, Jul - Duration.Epsilon).Single().Version);
        Assert.Equal(2, catalog.ForTicket(ServiceTier.Gold, TicketKind.FaultReport, Channel.Hotline, Priority.P1, Jul).Single().Version);
        Assert.Empty(catalog.ForTicket(ServiceTier.Gold, TicketKind.FaultReport, Channel.Hotline, Priority.P1, Jan - Duration.Epsilon)); // nothing in force yet
    }

    [Fact]
    public void TheFirstCoveringSla_EveryCoveringOla_AndTheFirstUnderpinningContract_ApplyInThatOrder()
    {
        var keySla = Published("KEY", AgreementKind.ServiceLevel, Jan, Tiers(ServiceTier.Key));
        var anySla = Published("ANY", AgreementKind.ServiceLevel, Jan);
        var desk = Published("OLA-DESK", AgreementKind.OperationalLevel, Jan);
        var field = Published("OLA-FIELD", AgreementKind.OperationalLevel, Jan, Applicability.Any with { Kinds = [TicketKind.RepairRequest] });
        var vendor = Published("UC-LIFT", AgreementKind.UnderpinningContract, Jan);
        var vendor2 = Published("UC-OTHER", AgreementKind.UnderpinningContract, Jan);
        var catalog = new AgreementCatalog([vendor, keySla, desk, anySla, field, vendor2]);

        var key = catalog.ForTicket(ServiceTier.Key, TicketKind.RepairRequest, Channel.Hotline, Priority.P2, Jul);
        var gold = catalog.ForTicket(ServiceTier.Gold, TicketKind.Inquiry, Channel.Hotline, Priority.P2, Jul);
        var complaint = catalog.ForComplaint(ServiceTier.Gold, ComplaintCategory.Delay, Channel.Letter, Jul);

        Assert.Equal(["KEY", "OLA-DESK", "OLA-FIELD", "UC-LIFT"], key.Select(a => a.Id.Value));
        Assert.Equal(["ANY", "OLA-DESK", "UC-LIFT"], gold.Select(a => a.Id.Value));
        Assert.Equal(["ANY", "OLA-DESK", "OLA-FIELD", "UC-LIFT"], complaint.Select(a => a.Id.Value)); // ticket kinds do not restrict complaints
    }

    [Fact]
    public void ARetiredVersion_AppliesOnlyToCasesStartedBeforeItsRetirement()
    {
        var version = Published("OLD", AgreementKind.ServiceLevel, Jan);
        version.Retire(Jul);
        var catalog = new AgreementCatalog([version]);

        Assert.Same(version.Published, catalog.VersionInForce(new AgreementId("OLD"), Jul - Duration.Epsilon));
        Assert.Null(catalog.VersionInForce(new AgreementId("OLD"), Jul));
        Assert.Equal(Jul, version.RetiredAt);
    }

    [Fact]
    public void DraftsAndDuplicateVersions_AreRefused()
    {
        var draft = ServiceLevelAgreement.Draft(new AgreementId("D"), "d", AgreementKind.ServiceLevel, Jan);
        var published = Published("P", AgreementKind.ServiceLevel, Jan);

        Assert.Equal("versions", Assert.Throws<ArgumentException>(() => new AgreementCatalog([draft])).ParamName);
        Assert.Equal("versions", Assert.Throws<ArgumentException>(() => new AgreementCatalog([published, published])).ParamName);
        Assert.Throws<ArgumentNullException>(() => new AgreementCatalog([(AgreementVersion)null!]));
    }

    /// <summary>The law: the version chosen is the one in force at the case's start — the latest effective at or before it.</summary>
    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property TheVersionChosen_IsTheLatestEffectiveAtTheStart()
    {
        var cases = from offsets in Gen.ArrayOf(Gen.Choose(0, 365), 1).SelectMany(first => Gen.ArrayOf(Gen.Choose(0, 365), 3).Select(more => first.Concat(more).ToArray()))
                    from start in Gen.Choose(-10, 400)
                    select (Offsets: offsets, Start: Jan + Duration.FromDays(start));
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var versions = new List<ServiceLevelAgreement> { Published("PM", AgreementKind.ServiceLevel, Jan + Duration.FromDays(c.Offsets[0])) };
            for (var i = 1; i < c.Offsets.Length; i++)
            {
                versions.Add(Revised(versions[^1], Jan + Duration.FromDays(c.Offsets[i]), i + 1));
            }

            var expected = versions.Where(v => v.EffectiveFrom <= c.Start).OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Version).LastOrDefault();
            var chosen = new AgreementCatalog(versions).ForTicket(ServiceTier.Gold, TicketKind.Inquiry, Channel.Online, Priority.P3, c.Start);
            return Equals(chosen.SingleOrDefault(), expected?.Published);
        });
    }

    /// <summary>
    /// The law as the clock applies it: whatever the evaluation instant — before or after later versions take effect — a
    /// case is measured by the version in force at its start.
    /// </summary>
    [Property(MaxTest = 300, Replay = PropertyRuns.Replay)]
    public Property TheVersionMeasured_IsTheOneInForceAtTheStart_WhateverTheEvaluationInstant()
    {
        var cases = from offsets in Gen.ArrayOf(Gen.Choose(1, 365), 3)
                    from start in Gen.Choose(0, 400 * 24)
                    from later in Gen.Choose(0, 500 * 24)
                    select (Offsets: offsets, Start: Jan + Duration.FromHours(start), Now: Jan + Duration.FromHours(start) + Duration.FromHours(later));
        var calendars = CalendarLookup.Of("unused", ServiceQuality.Domain.Calendars.BusinessCalendar.AlwaysOpen);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var versions = new List<ServiceLevelAgreement> { Published("PM", AgreementKind.ServiceLevel, Jan) };
            foreach (var offset in c.Offsets)
            {
                versions.Add(Revised(versions[^1], Jan + Duration.FromDays(offset), versions.Count + 1));
            }

            var catalog = new AgreementCatalog(versions);
            var chosen = Assert.Single(catalog.ForTicket(ServiceTier.Gold, TicketKind.Inquiry, Channel.Online, Priority.P3, c.Start));
            var ticket = Ticket.Open(
                new TicketId("T-1"), new CustomerId("C-1"), TicketKind.Inquiry, Channel.Online, Priority.P3, new StaffId("agent"), ServiceTier.Gold, c.Start, chosen.Reference);
            var statuses = SlaClock.EvaluateTicket(ticket.History, catalog.Recorded(ticket), calendars, c.Now).Statuses;
            var inForceNow = catalog.VersionInForce(chosen.Id, c.Now)!;

            return (statuses.Count > 0 && statuses.All(s => s.Agreement == chosen.Reference) && chosen.IsInForceAt(c.Start))
                .Label($"chosen {chosen.Reference} at the start, {inForceNow.Reference} in force at the evaluation; measured under {string.Join(", ", statuses.Select(s => s.Agreement))}")
                .Classify(inForceNow.Reference != chosen.Reference, "a later version in force at the evaluation");
        });
    }

    [Fact]
    public void ForTicketAndForComplaint_NeverChooseAVersionWithConditionsTheyAreNotTold_SelectDoes()
    {
        var acme = Published("ACME", AgreementKind.ServiceLevel, Jan, Applicability.Any with { Customers = [new CustomerId("acme")] });
        var estate = Published("ESTATE", AgreementKind.ServiceLevel, Jan, Applicability.Any with { Sites = ["estate-a"] });
        var general = Published("PM", AgreementKind.ServiceLevel, Jan);
        var catalog = new AgreementCatalog([acme, estate, general]);

        Assert.Equal([general.Published], catalog.ForTicket(ServiceTier.Gold, TicketKind.FaultReport, Channel.Hotline, Priority.P1, Jul));
        Assert.Equal([general.Published], catalog.ForComplaint(ServiceTier.Gold, ComplaintCategory.Delay, Channel.Hotline, Jul));
        Assert.Equal([acme.Published], catalog.Select(CaseProfile.ForTicket(ServiceTier.Gold, new CustomerId("acme"), TicketKind.FaultReport, Channel.Hotline, Priority.P1), Jul));
        Assert.Equal([general.Published], catalog.Select(CaseProfile.ForTicket(ServiceTier.Gold, new CustomerId("other"), TicketKind.FaultReport, Channel.Hotline, Priority.P1), Jul));
    }

    [Fact]
    public void AVersionWithAnEnd_NoLongerAppliesFromItsEnd_AndNoEarlierVersionComesBack()
    {
        var v1 = Published("SEASON", AgreementKind.OperationalLevel, Jan);
        var v2 = v1.Revise(Jan - Duration.FromDays(20));
        v2.Publish(Jul, Jul + Duration.FromDays(62), Jan - Duration.FromDays(20)); // July and August only
        var catalog = new AgreementCatalog([v1, v2]);

        Assert.Equal(2, catalog.ForTicket(ServiceTier.Gold, TicketKind.FaultReport, Channel.Hotline, Priority.P1, Jul + Duration.FromDays(61)).Single().Version);
        Assert.Empty(catalog.ForTicket(ServiceTier.Gold, TicketKind.FaultReport, Channel.Hotline, Priority.P1, Jul + Duration.FromDays(62)));
        Assert.False(v2.IsInForceAt(Jul + Duration.FromDays(62)));
        Assert.Throws<ArgumentException>(() => Published("X", AgreementKind.ServiceLevel, Jan).Revise(Jan).Publish(Jul, Jul, Jan));
    }

    [Fact]
    public void ConditionsOnCustomersSeveritySiteAndTeam_ChooseTheFirstMatchingSla()
    {
        var keyAccount = Published("ACME", AgreementKind.ServiceLevel, Jan, Applicability.Any with { Customers = [new CustomerId("acme")] });
        var estate = Published("ESTATE", AgreementKind.ServiceLevel, Jan, Applicability.Any with { Sites = ["garden-estate"] });
        var critical = Published("CRITICAL", AgreementKind.ServiceLevel, Jan, Applicability.Any with { Severities = [Severity.Critical] });
        var fieldOla = Published("FIELD", AgreementKind.OperationalLevel, Jan, Applicability.Any with { Teams = [new DepartmentId("field")] });
        var standard = Published("STANDARD", AgreementKind.ServiceLevel, Jan);
        var catalog = new AgreementCatalog([keyAccount, estate, critical, fieldOla, standard]);
        var ticket = CaseProfile.ForTicket(ServiceTier.Gold, new CustomerId("someone"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2);
        var complaint = CaseProfile.ForComplaint(ServiceTier.Gold, new CustomerId("someone"), ComplaintCategory.ServiceAttitude, Channel.Letter, Severity.Critical);

        string[] Chosen(CaseProfile profile) => [.. catalog.Select(profile, Jul).Select(a => a.Id.Value)];

        Assert.Equal(["STANDARD"], Chosen(ticket));
        var acmeAtTheEstate = CaseProfile.ForTicket(ServiceTier.Gold, new CustomerId("acme"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2) with { Site = "garden-estate" };
        Assert.Equal(["ACME"], Chosen(acmeAtTheEstate)); // both match: the first listed wins
        Assert.Equal(["ESTATE"], Chosen(ticket with { Site = "garden-estate" }));
        Assert.Equal(["STANDARD", "FIELD"], Chosen(ticket with { Team = new DepartmentId("field") }));
        Assert.Equal(["CRITICAL"], Chosen(complaint));
        Assert.Equal(["STANDARD"], Chosen(ticket with { Site = "GARDEN-ESTATE" })); // sites compare ordinally
    }

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property ACase_KeepsTheVersionsItOpenedUnder_WhenLaterVersionsArePublished() =>
        Prop.ForAll(Gen.Choose(0, 364).Select(d => Jan + Duration.FromDays(d)).ToArbitrary(), Gen.Choose(-200, 200).ToArbitrary(), (start, shift) =>
        {
            var v1 = Published("PM", AgreementKind.ServiceLevel, Jan, hours: 8);
            var before = new AgreementCatalog([v1]);
            var chosen = before.ForTicket(ServiceTier.Gold, TicketKind.FaultReport, Channel.Hotline, Priority.P1, start).Single();
            var ticket = Ticket.Open(
                new TicketId("T"), new CustomerId("C"), TicketKind.FaultReport, Channel.Hotline, Priority.P1, new StaffId("s"), ServiceTier.Gold, start, chosen.Reference);
            ticket.Assign(new StaffId("s"), null, start + Duration.FromHours(1));
            ticket.StartWork(start + Duration.FromHours(2));
            ticket.Resolve(new StaffId("s"), start + Duration.FromHours(5));
            var opened = (ServiceQuality.Domain.Tickets.Events.TicketOpened)ticket.History[0];

            // A later version, effective before or after the case's start, with a shorter target.
            var v2 = Revised(v1, start + Duration.FromDays(shift), 1);
            var after = new AgreementCatalog([v1, v2]);
            var calendars = ServiceQuality.Domain.ServiceLevels.CalendarLookup.Of("any", ServiceQuality.Domain.Calendars.BusinessCalendar.AlwaysOpen);
            var now = start + Duration.FromDays(2);

            var statusesBefore = ServiceQuality.Domain.ServiceLevels.SlaClock.EvaluateTicket(ticket.History, before.Recorded(opened), calendars, now).Statuses;
            var statusesAfter = ServiceQuality.Domain.ServiceLevels.SlaClock.EvaluateTicket(ticket.History, after.Recorded(opened), calendars, now).Statuses;
            Assert.Equal(statusesBefore, statusesAfter);

            // And the version in force at the start is the one chosen, whatever instant the catalogue is asked at later.
            // (the later effective of the two that took effect by then; on a tie, the higher version).
            var v2From = start + Duration.FromDays(shift);
            Assert.Equal(v2From <= start && v2From >= Jan ? 2 : 1, after.VersionInForce(new AgreementId("PM"), start)!.Version);
        });
}
