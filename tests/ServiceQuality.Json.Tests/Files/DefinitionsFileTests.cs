using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Testing;

namespace ServiceQuality.Json.Tests.Files;

public sealed class DefinitionsFileTests
{
    private static readonly string Example = RepositoryFiles.SampleData("definitions.json");

    [Fact]
    public void Load_TheShippedExample_GivesTheReferenceCalendarAndThe2025Agreement()
    {
        var definitions = DefinitionsFile.Load(Example);

        var calendar = definitions.Calendars["china-2025"];
        var reference = ReferenceCalendars.ChinaServiceCentre2025;
        var from = Instant.FromUtc(2025, 1, 1, 0, 0);
        Assert.Equal(reference.BusinessTimeBetween(from, from + Duration.FromDays(365)), calendar.BusinessTimeBetween(from, from + Duration.FromDays(365)));

        var agreement = definitions.Catalog.Find(new AgreementReference(new AgreementId("PM-2025"), 1))!;
        Assert.Equal((1, "china-2025"), (agreement.Version, agreement.CalendarName));
        Assert.Equal(Duration.FromHours(8), agreement.TargetFor(Metric.Resolution, Priority.P3, ServiceTier.Key)!.Target);
        Assert.Equal(Duration.FromDays(3), agreement.TargetFor(Metric.ComplaintResolution, Priority.P2, ServiceTier.Gold)!.Target);
        Assert.True(agreement.IsPausedBy(HoldReason.WaitingForThirdParty, Metric.Resolution));
        Assert.Equal(6, agreement.Objectives.Count);
    }

    [Fact]
    public void Load_TheShippedExample_GivesACatalogueThatChoosesByTierDateTeamAndReferral()
    {
        var catalog = DefinitionsFile.Load(Example).Catalog;
        var (before, after) = (Instant.FromUtc(2025, 1, 14, 15, 59), Instant.FromUtc(2025, 1, 14, 16, 0));
        var gold = CaseProfile.ForTicket(ServiceTier.Gold, new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P3);
        var key = CaseProfile.ForTicket(ServiceTier.Key, new CustomerId("C-2"), TicketKind.RepairRequest, Channel.Hotline, Priority.P3);

        static string Chosen(IEnumerable<AgreementVersion> agreements) => string.Join(" ", agreements.Select(a => a.Reference));

        Assert.Equal("PM-2025 v1 OLA-reception v1 OLA-repairs v1 OLA-facilities v1 OLA-billing v1 UC-LIFTS v1", Chosen(catalog.Select(gold, before)));
        Assert.StartsWith("PM-2025 v2 OLA-reception v1", Chosen(catalog.Select(gold, after)), StringComparison.Ordinal);
        Assert.StartsWith("PM-2025-KEY v1 OLA-reception v1", Chosen(catalog.Select(key, after)), StringComparison.Ordinal);
        Assert.Equal(Duration.FromHours(12), catalog.Select(gold, after)[0].TargetFor(Metric.Resolution, Priority.P3, ServiceTier.Gold)!.Target);
        Assert.Equal(Duration.FromHours(16), catalog.Select(gold, before)[0].TargetFor(Metric.Resolution, Priority.P3, ServiceTier.Gold)!.Target);
        Assert.Equal(new DepartmentId("repairs"), catalog.VersionInForce(new AgreementId("OLA-repairs"), after)!.Team);
        Assert.Equal(AgreementKind.UnderpinningContract, catalog.Versions[^1].Kind);
        Assert.Equal("PM-2025-KEY", catalog.Versions[0].Id.Value);
    }

    [Fact]
    public void Load_TheReferenceCalendarsDefinitionsFile_GivesTheHandWrittenCalendar()
    {
        var calendar = DefinitionsFile.Load(ReferenceCalendars.ChinaServiceCentre2025Definitions).Calendars["china-2025"];
        var (from, to) = (Instant.FromUtc(2024, 12, 1, 0, 0), Instant.FromUtc(2026, 2, 1, 0, 0));

        Assert.Equal(ReferenceCalendars.ChinaServiceCentre2025.OpenIntervals(from, to), calendar.OpenIntervals(from, to));
        Assert.Equal(RepositoryFiles.SampleData("china-2025-calendar.json"), ReferenceCalendars.ChinaServiceCentre2025Definitions);
    }

    [Fact]
    public void Load_ABadFile_ReportsEveryProblemWithItsJsonPathAndReturnsNothing()
    {
        const string bad = """
            {
              "calendars": [ { "id": "x", "zone": "Mars/Olympus", "weekly": [ { "days": ["Funday"], "from": "9am", "to": "17:00" } ] } ],
              "agreements": [ {
                "id": "A", "name": "a", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z", "calendar": "nowhere", "colour": "red",
                "targets": [ { "metric": "Resolution", "duration": "PT0S", "basis": "BusinessTime" }, { "metric": "Speed", "duration": "1 hour", "basis": "BusinessTime" } ]
              } ],
              "policies": {}
            }
            """;

        var exception = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(bad));

        Assert.Equal(
            [
                "$.agreements[0].calendar",
                "$.agreements[0].colour",
                "$.agreements[0].targets[0].duration",
                "$.agreements[0].targets[1].duration",
                "$.agreements[0].targets[1].metric",
                "$.calendars[0].weekly[0].days[0]",
                "$.calendars[0].weekly[0].from",
                "$.calendars[0].zone",
                "$.policies",
            ],
            exception.Problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_ALossReportRequirement_IsTheAgreementsAndBadOnesAreReportedAtTheirPaths()
    {
        const string Template = """
            { "agreements": [ { "id": "A", "name": "a", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z",
              "targets": [ { "metric": "Resolution", "duration": "PT8H", "basis": "CalendarTime" } ], "lossReport": LOSS } ] }
            """;
        static string With(string loss) => Template.Replace("LOSS", loss, StringComparison.Ordinal);

        var loaded = DefinitionsFile.Load(With("""{ "above": { "amount": 10000, "currency": "CNY" }, "level": 3 }"""));
        var problems = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(With("""{ "above": { "amount": -1, "currency": "CNY" }, "level": 1001, "when": "today" }"""))).Problems;
        var asTarget = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(With("null").Replace("\"Resolution\"", "\"LossReport\"", StringComparison.Ordinal))).Problems;

        Assert.Equal(new LossReporting(Money.Yuan(10000m), 3), loaded.Agreements["A"].LossReporting);
        Assert.Equal(CalendarSource.Agreement, loaded.Agreements["A"].CalendarSource);
        Assert.Equal(
            ["$.agreements[0].lossReport.above.amount", "$.agreements[0].lossReport.level", "$.agreements[0].lossReport.when"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.Contains(asTarget, p => p.Path == "$.agreements[0].targets[0].metric");
    }

    [Fact]
    public void Load_PausesForAHostsOwnHoldReason_AreKept_AndDuplicatesOrTooManyAreReportedAtTheirPaths()
    {
        const string Template = """
            { "agreements": [ { "id": "A", "name": "a", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z",
              "targets": [ { "metric": "Resolution", "duration": "PT8H", "basis": "CalendarTime" } ], "pauses": [PAUSES] } ] }
            """;
        static string With(IEnumerable<string> reasons) =>
            Template.Replace("PAUSES", string.Join(",", reasons.Select(r => $$"""{ "reason": "{{r}}", "metrics": ["Resolution"] }""")), StringComparison.Ordinal);

        var loaded = DefinitionsFile.Load(With(["awaiting-parts", "WaitingForCustomer"])).Agreements["A"];
        var duplicate = Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(With(["awaiting-parts", "awaiting-parts"]))).Problems);
        var many = Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(With(Enumerable.Range(0, 65).Select(i => $"r{i}")))).Problems);
        var blank = Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(With([" "]))).Problems);

        Assert.True(loaded.IsPausedBy(new HoldReason("awaiting-parts"), Metric.Resolution));
        Assert.False(loaded.IsPausedBy(new HoldReason("awaiting-Parts"), Metric.Resolution));
        Assert.Equal(("$.agreements[0].pauses[1].reason", nameof(ProblemCode.Conflict)), (duplicate.Path, duplicate.Code));
        Assert.Equal(("$.agreements[0].pauses", nameof(RuleCode.PauseRulesMustNumberAtMost64)), (many.Path, many.Code));
        Assert.Equal("$.agreements[0].pauses[0].reason", blank.Path);
    }

    [Fact]
    public void Load_ACalendarFromTheCase_IsTheAgreementsSource_AndAnUnknownScopeIsReportedAtItsPath()
    {
        const string Template = """
            { "agreements": [ { "id": "A", "name": "a", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z", SOURCE
              "targets": [ { "metric": "Resolution", "duration": "PT8H", "basis": "CalendarTime" } ] } ] }
            """;
        static string With(string source) => Template.Replace("SOURCE", source, StringComparison.Ordinal);

        var both = DefinitionsFile.Load(With("\"calendarFrom\": \"Customer\", \"zoneFrom\": \"Case\",")).Agreements["A"];
        var zoneOnly = DefinitionsFile.Load(With("\"zoneFrom\": \"Customer\",")).Agreements["A"];
        var bad = Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(With("\"calendarFrom\": \"Site\","))).Problems);

        Assert.Equal(new CalendarSource(CalendarScope.Customer, CalendarScope.Case), both.CalendarSource);
        Assert.Equal(new CalendarSource(CalendarScope.Agreement, CalendarScope.Customer), zoneOnly.CalendarSource);
        Assert.Equal(("$.agreements[0].calendarFrom", nameof(ProblemCode.UnknownName)), (bad.Path, bad.Code));
    }

    [Fact]
    public void Load_ARuleTheAggregateRefuses_IsReportedAtItsPath()
    {
        const string zero = """
            { "agreements": [ { "id": "A", "name": "a", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z",
              "targets": [ { "metric": "Resolution", "duration": "PT0S", "basis": "CalendarTime" } ] } ] }
            """;

        var problem = Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(zero)).Problems);

        Assert.Equal("$.agreements[0].targets[0].duration", problem.Path);
        Assert.Equal(nameof(RuleCode.TargetDurationMustBePositive), problem.Code);
    }

    [Fact]
    public void Load_ValuesWrittenWithEscapes_AreReadAsTheTextTheyDenote()
    {
        // What System.Text.Json's default encoder writes: "+" as \u002B; names of enums escaped just as well.
        const string escaped = """
            { "agreements": [ { "id": "A", "name": "a", "kind": "Service\u004Cevel", "effectiveFrom": "2025-01-01T00:00:00\u002B08:00",
              "targets": [ { "metric": "Resolution", "duration": "PT4\u0048", "basis": "CalendarTime" } ] } ] }
            """;

        var agreement = DefinitionsFile.Load(escaped).Agreements["A"];

        Assert.Equal((AgreementKind.ServiceLevel, Duration.FromHours(4)), (agreement.Kind, agreement.TargetFor(Metric.Resolution, Priority.P1, ServiceTier.Gold)!.Target));
        Assert.Equal(Instant.FromUtc(2024, 12, 31, 16, 0), agreement.EffectiveFrom);
    }

    [Fact]
    public void Load_MalformedJson_ShowsTheParsersQuotesAsQuotesAndNoControlCharacter()
    {
        var after = Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load("{ \"calendars\": [] } 1")).Problems);
        var control = Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load("{ \"calendars\": [] } \u0001")).Problems);

        Assert.Equal(ProblemCode.MalformedJson, after.Code);
        Assert.Contains("'1'", after.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", after.Message, StringComparison.Ordinal);
        Assert.Contains("'0x01'", control.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(control.Message, char.IsControl);
    }

    [Fact]
    public void Load_MalformedJson_IsOneProblem() =>
        Assert.Equal(("$", ProblemCode.MalformedJson), Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load("{ \"calendars\": [ ")).Problems) is var p ? (p.Path, p.Code) : default);

    [Fact]
    public void Load_AVersionAboveOne_RevisesUpToIt()
    {
        const string v3 = """
            { "agreements": [ { "id": "A", "version": 3, "name": "a", "kind": "OperationalLevel", "effectiveFrom": "2025-01-01T00:00:00Z",
              "targets": [ { "metric": "Resolution", "duration": "PT4H", "basis": "CalendarTime" } ] } ] }
            """;

        var agreement = DefinitionsFile.Load(v3).Agreements["A"];

        Assert.Equal((3, AgreementKind.OperationalLevel), (agreement.Version, agreement.Kind));
    }

    [Fact]
    public void Load_TheShippedBadExample_ReportsEachProblemOnceAndTellsAnInvalidCalendarFromAMissingOne()
    {
        var bad = RepositoryFiles.SampleData("bad-definitions.json");

        var problems = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(bad)).Problems;

        Assert.Equal(
            [
                "$.calendars[0].zone",
                "$.agreements[0].calendar",
                "$.agreements[0].targets[0].duration",
                "$.escalation.rules[0].level",
                "$.scoring.sections",
                "$.scoring.rules[0].section",
                "$.callbacks.ticketSamplePercent",
            ],
            problems.Select(p => p.Path));
        Assert.Contains("'desk' is invalid", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Applicability_LimitsTheCasesTheAgreementCovers()
    {
        const string file = """
            { "agreements": [ { "id": "KEY", "name": "key accounts", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z",
              "applicability": { "tiers": ["key", "vip"], "channels": ["Hotline", "Online"], "categories": ["Delay"] },
              "targets": [ { "metric": "Resolution", "duration": "PT4H", "basis": "CalendarTime" } ] } ] }
            """;

        var covers = DefinitionsFile.Load(file).Agreements["KEY"].Applicability;

        Assert.True(covers.CoversTicket(ServiceTier.Vip, TicketKind.RepairRequest, Channel.Online, Priority.P2));
        Assert.False(covers.CoversTicket(ServiceTier.Gold, TicketKind.RepairRequest, Channel.Online, Priority.P2));
        Assert.False(covers.CoversTicket(ServiceTier.Key, TicketKind.RepairRequest, Channel.WalkIn, Priority.P2));
        Assert.False(covers.CoversComplaint(ServiceTier.Key, Domain.Complaints.ComplaintCategory.Privacy, Channel.Hotline));
    }

    [Fact]
    public void Load_ABadApplicability_ReportsEachValueAtItsPath()
    {
        const string file = """
            { "agreements": [ { "id": "A", "name": "a", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z",
              "applicability": { "tiers": ["key", "diamond"], "priorities": ["P9"], "regions": ["north"] },
              "targets": [ { "metric": "Resolution", "duration": "PT4H", "basis": "CalendarTime" } ] } ] }
            """;

        var problems = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(file)).Problems;

        Assert.Equal(
            ["$.agreements[0].applicability.priorities[0]", "$.agreements[0].applicability.regions", "$.agreements[0].applicability.tiers[1]"],
            problems.Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_TargetsWithDeadlinesAndStartRules_BuildTheCells()
    {
        const string File = """
            { "agreements": [ { "id": "A", "name": "a", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z",
              "targets": [
                { "metric": "FirstResponse", "deadline": { "businessDays": 0, "cutOff": "16:00", "afterCutOff": { "businessDays": 0, "at": "12:00" } } },
                { "metric": "Resolution", "deadline": { "businessDays": 3, "at": "start" }, "start": "WhenApplies" },
                { "metric": "Resolution", "priority": "P1", "duration": "PT4H", "basis": "BusinessTime", "start": "Retroactive" },
                { "metric": "OnSiteArrival", "deadline": { "businessDays": 1, "at": "24:00", "cutOff": "24:00" } } ] } ] }
            """;

        var targets = DefinitionsFile.Load(File).Agreements["A"].Targets;

        Assert.Equal(
            [
                new ServiceTarget(Metric.FirstResponse, null, null, BusinessDayDeadline.EndOfBusinessDay(0).WithCutOff(new LocalTime(16, 0), BusinessDayDeadline.OnBusinessDayAt(0, new LocalTime(12, 0))), TargetStart.Opening),
                new ServiceTarget(Metric.Resolution, null, null, BusinessDayDeadline.WithinBusinessDays(3), TargetStart.WhenApplies),
                new ServiceTarget(Metric.Resolution, Priority.P1, null, Duration.FromHours(4), TimeBasis.BusinessTime) { Start = TargetStart.Retroactive },
                new ServiceTarget(Metric.OnSiteArrival, null, null, BusinessDayDeadline.OnBusinessDayAt(1, LocalTime.Midnight), TargetStart.Opening),
            ],
            targets);
    }

    [Fact]
    public void Load_BadDeadlines_ReportEveryProblemAtItsPath()
    {
        const string File = """
            { "agreements": [ { "id": "A", "name": "a", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z",
              "targets": [
                { "metric": "FirstResponse", "deadline": { "businessDays": -1 } },
                { "metric": "Resolution", "deadline": { "businessDays": 10001, "at": "25:00" } },
                { "metric": "OnSiteArrival", "deadline": { "businessDays": 1, "at": "start", "cutOff": "16:00" } },
                { "metric": "NextResponse", "duration": "PT1H", "deadline": { "businessDays": 1, "cutOff": "7 pm", "afterCutOff": { "businessDays": 0, "at": "start" } } },
                { "metric": "ComplaintResolution", "deadline": { "businessDays": 1, "afterCutOff": { "businessDays": 0 } }, "start": "Sometime" } ] } ] }
            """;

        var problems = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(File)).Problems;

        Assert.Equal(
            [
                ("$.agreements[0].targets[0].deadline.businessDays", ProblemCode.OutOfRange),
                ("$.agreements[0].targets[1].deadline.at", ProblemCode.InvalidFormat),
                ("$.agreements[0].targets[1].deadline.businessDays", ProblemCode.OutOfRange),
                ("$.agreements[0].targets[2].deadline.at", ProblemCode.Conflict),
                ("$.agreements[0].targets[3].deadline.afterCutOff.at", ProblemCode.Conflict),
                ("$.agreements[0].targets[3].deadline.afterCutOff.businessDays", ProblemCode.OutOfRange),
                ("$.agreements[0].targets[3].deadline.cutOff", ProblemCode.InvalidFormat),
                ("$.agreements[0].targets[3].duration", ProblemCode.Conflict),
                ("$.agreements[0].targets[4].deadline.afterCutOff", ProblemCode.Conflict),
                ("$.agreements[0].targets[4].start", ProblemCode.UnknownName),
            ],
            problems.Select(p => (p.Path, p.Code)).Order());
    }
}

