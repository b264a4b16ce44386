using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>
/// The agreement fields of issue 13 in a definitions file: several versions of one agreement (each in force from its own
/// instant, optionally until another), the selection <c>conditions</c>, and the <c>team</c> of an OLA; every refusal
/// asserted by its code and path.
/// </summary>
public sealed class AgreementVersionsFileTests
{
    private const string Targets = """ "targets": [ { "metric": "Resolution", "duration": "PT8H", "basis": "CalendarTime" } ] """;

    private static string File(params string[] agreements) => $$"""{ "agreements": [ {{string.Join(",\n", agreements)}} ] }""";

    private static string Agreement(string id, string fields, string kind = "ServiceLevel", string from = "2025-01-01T00:00:00Z") =>
        $$"""{ "id": "{{id}}", "name": "{{id}}", "kind": "{{kind}}", "effectiveFrom": "{{from}}", {{fields}}{{(fields.Length > 0 ? "," : "")}} {{Targets}} }""";

    private static DefinitionProblem Single(string file) => Assert.Single(Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(file)).Problems);

    [Fact]
    public void Load_TwoVersionsOfOneAgreement_GivesACatalogueInFileOrderThatPicksTheVersionInForce()
    {
        var file = File(
            Agreement("SLA", "\"version\": 2", from: "2025-01-16T00:00:00Z"),
            Agreement("SLA", "\"version\": 1"),
            Agreement("OLA", "\"team\": \"field\"", "OperationalLevel"));

        var loaded = DefinitionsFile.Load(file);

        Assert.Equal(["SLA v2", "SLA v1", "OLA v1"], loaded.Catalog.Versions.Select(v => $"{v.Id} v{v.Version}"));
        Assert.Equal(2, loaded.Agreements["SLA"].Version);
        Assert.Equal(["OLA", "SLA"], loaded.Agreements.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, loaded.Catalog.VersionInForce(new AgreementId("SLA"), Instant.FromUtc(2025, 1, 15, 23, 59))!.Version);
        Assert.Equal(2, loaded.Catalog.VersionInForce(new AgreementId("SLA"), Instant.FromUtc(2025, 1, 16, 0, 0))!.Version);
        Assert.All(loaded.Catalog.Versions, v => Assert.True(v.IsInForceAt(v.EffectiveFrom)));
    }

    [Fact]
    public void Load_AVersionGivenTwice_IsADuplicateIdAtItsVersion_OrAtItsIdWhenTheVersionIsLeftOut()
    {
        var numbered = Single(File(Agreement("SLA", "\"version\": 2"), Agreement("SLA", "\"version\": 2", from: "2025-02-01T00:00:00Z")));
        var unnumbered = Single(File(Agreement("SLA", string.Empty), Agreement("SLA", string.Empty, from: "2025-02-01T00:00:00Z")));

        Assert.Equal(("$.agreements[1].version", ProblemCode.DuplicateId), (numbered.Path, numbered.Code));
        Assert.Equal(("$.agreements[1].id", ProblemCode.DuplicateId), (unnumbered.Path, unnumbered.Code));
    }

    [Fact]
    public void Load_AnEffectiveUntil_EndsTheVersion_AndOneNotAfterTheStartIsAConflictAtItsPath()
    {
        var loaded = DefinitionsFile.Load(File(Agreement("SEASON", "\"effectiveUntil\": \"2025-03-01T00:00:00+08:00\"")));
        var season = loaded.Agreements["SEASON"];
        var equal = Single(File(Agreement("A", "\"effectiveUntil\": \"2025-01-01T08:00:00+08:00\"")));
        var before = Single(File(Agreement("A", string.Empty), Agreement("B", "\"effectiveUntil\": \"2024-12-31T00:00:00Z\"")));
        var malformed = Single(File(Agreement("A", "\"effectiveUntil\": \"March\"")));

        Assert.Equal(Instant.FromUtc(2025, 2, 28, 16, 0), season.EffectiveUntil);
        Assert.True(season.IsInForceAt(Instant.FromUtc(2025, 2, 28, 15, 59)));
        Assert.Null(loaded.Catalog.VersionInForce(season.Id, Instant.FromUtc(2025, 2, 28, 16, 0)));
        Assert.Equal(("$.agreements[0].effectiveUntil", ProblemCode.Conflict), (equal.Path, equal.Code));
        Assert.Equal(("$.agreements[1].effectiveUntil", ProblemCode.Conflict), (before.Path, before.Code));
        Assert.Equal("$.agreements[0].effectiveUntil", malformed.Path);
        Assert.Null(DefinitionsFile.Load(File(Agreement("A", string.Empty))).Agreements["A"].EffectiveUntil);
    }

    [Theory]
    [InlineData("ServiceLevel")]
    [InlineData("UnderpinningContract")]
    public void Load_ATeamOnAnAgreementThatIsNotAnOla_IsRefusedWithTheRuleAtItsPath(string kind)
    {
        var problem = Single(File(Agreement("A", "\"team\": \"field\"", kind)));

        Assert.Equal(("$.agreements[0].team", nameof(RuleCode.OnlyOperationalAgreementsHaveATeam)), (problem.Path, problem.Code));
    }

    [Fact]
    public void Load_AnOlasTeam_IsItsTeam_AndABlankOrMistypedTeamIsReportedAtItsPath()
    {
        var ola = DefinitionsFile.Load(File(Agreement("OLA", "\"team\": \"field\"", "OperationalLevel"))).Agreements["OLA"];
        var blank = Single(File(Agreement("OLA", "\"team\": \" \"", "OperationalLevel")));
        var number = Single(File(Agreement("OLA", "\"team\": 7", "OperationalLevel")));

        Assert.Equal(new DepartmentId("field"), ola.Team);
        Assert.Null(DefinitionsFile.Load(File(Agreement("OLA", string.Empty, "OperationalLevel"))).Agreements["OLA"].Team);
        Assert.Equal(("$.agreements[0].team", ProblemCode.MissingProperty), (blank.Path, blank.Code));
        Assert.Equal(("$.agreements[0].team", ProblemCode.WrongType), (number.Path, number.Code));
    }

    [Fact]
    public void Load_Conditions_AreTheAgreementsApplicability_WithEveryList()
    {
        const string Conditions = """
            "conditions": { "tiers": ["key"], "kinds": ["RepairRequest"], "channels": ["Hotline"], "priorities": ["P1", "P1"], "categories": ["Delay"],
              "customers": ["C-1", "C-2"], "severities": ["Critical"], "sites": ["north", "south"], "teams": ["field"] }
            """;

        var covers = DefinitionsFile.Load(File(Agreement("A", Conditions))).Agreements["A"].Applicability;

        var expected = new Applicability([ServiceTier.Key], [TicketKind.RepairRequest], [Channel.Hotline], [Priority.P1], [ComplaintCategory.Delay])
        {
            Customers = [new CustomerId("C-1"), new CustomerId("C-2")],
            Severities = [Severity.Critical],
            Sites = ["north", "south"],
            Teams = [new DepartmentId("field")],
        };
        Assert.Equal(expected, covers);
    }

    [Fact]
    public void Load_ConditionsOnTheSiteAndTeam_SelectTheAgreementsOfACase()
    {
        var file = File(
            Agreement("KEY", """ "conditions": { "customers": ["C-9"] } """),
            Agreement("NORTH", """ "conditions": { "sites": ["north"] } """),
            Agreement("FIELD", """ "team": "field", "conditions": { "teams": ["field"] } """, "OperationalLevel"),
            Agreement("DESK", """ "team": "desk" """, "OperationalLevel"),
            Agreement("LIFTS", """ "conditions": { "kinds": ["FaultReport"] } """, "UnderpinningContract"));
        var catalog = DefinitionsFile.Load(file).Catalog;
        var start = Instant.FromUtc(2025, 3, 1, 0, 0);
        var profile = CaseProfile.ForTicket(ServiceTier.Ordinary, new CustomerId("C-1"), TicketKind.FaultReport, Channel.Hotline, Priority.P2);

        static string Names(IEnumerable<AgreementVersion> chosen) => string.Join(" ", chosen.Select(a => a.Id.Value));

        Assert.Equal("NORTH DESK LIFTS", Names(catalog.Select(profile with { Site = "north" }, start)));
        Assert.Equal("DESK LIFTS", Names(catalog.Select(profile, start)));
        Assert.Equal("KEY FIELD DESK LIFTS", Names(catalog.Select(CaseProfile.ForTicket(ServiceTier.Ordinary, new CustomerId("C-9"), TicketKind.FaultReport, Channel.Hotline, Priority.P2) with { Site = "north", Team = new DepartmentId("field") }, start)));
    }

    [Fact]
    public void Load_BadConditions_AreReportedAtTheirPaths()
    {
        const string Bad = """
            "conditions": { "customers": [""], "severities": ["Huge"], "sites": [3], "teams": ["field", "x\u0001"], "regions": ["east"] }
            """;

        var problems = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(File(Agreement("A", Bad)))).Problems;

        Assert.Equal(
            [
                ("$.agreements[0].conditions.customers[0]", ProblemCode.MissingProperty),
                ("$.agreements[0].conditions.regions", ProblemCode.UnknownProperty),
                ("$.agreements[0].conditions.severities[0]", ProblemCode.UnknownName),
                ("$.agreements[0].conditions.sites[0]", ProblemCode.WrongType),
                ("$.agreements[0].conditions.teams[1]", ProblemCode.InvalidText),
            ],
            problems.Select(p => (p.Path, p.Code)).Order());
    }

    [Fact]
    public void Load_TheNewListsInTheOlderApplicabilityObject_OrBothObjects_AreRefusedAtTheirPaths()
    {
        var inApplicability = Single(File(Agreement("A", """ "applicability": { "tiers": ["key"], "teams": ["field"] } """)));
        var both = Single(File(Agreement("A", """ "applicability": { "tiers": ["key"] }, "conditions": { "tiers": ["key"] } """)));
        var old = DefinitionsFile.Load(File(Agreement("A", """ "applicability": { "tiers": ["key"], "channels": ["Hotline"] } """))).Agreements["A"].Applicability;

        Assert.Equal(("$.agreements[0].applicability.teams", ProblemCode.UnknownProperty), (inApplicability.Path, inApplicability.Code));
        Assert.Equal(("$.agreements[0].conditions", ProblemCode.Conflict), (both.Path, both.Code));
        Assert.Equal(new Applicability([ServiceTier.Key], [], [Channel.Hotline], [], []), old);
    }
}
