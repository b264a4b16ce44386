using System.Text.Json.Nodes;

namespace ServiceDesk.Tests;

public sealed class ReportContentTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public void TextReport_SpeaksTheManagersWordsNotCodeNames()
    {
        var run = SampleRun.Of("--smoke");

        Assert.True(run.Status == 0, run.Stderr);
        foreach (var word in new[] { "First response", "Key account", "within 30 min", "at least 95 %", "+08:00", "both days included", "Open backlog", "Service credits", "Staff standings" })
        {
            Assert.Contains(word, run.Stdout, StringComparison.Ordinal);
        }

        foreach (var code in new[] { "FirstResponse", "customer.key", "time.150", "AtLeast", "NotMet", "Z,", "per second" })
        {
            Assert.DoesNotContain(code, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void EveryFormat_HasTheSameSections(string format)
    {
        var text = SampleRun.Of("--smoke", "--format", format).Stdout;
        var html = RunHtml();

        foreach (var title in new[] { "Headline KPIs", "Compliance per promise", "Cases by agreement version", "Compliance by agreement kind", "Open backlog", "Oldest open cases", "Breaches by who held the case", "Escalations recorded", "Escalations due",
            "Callbacks and visits", "Satisfaction per dimension", "Staff standings", "Service credits owed to key accounts" })
        {
            Assert.Contains(title, text, StringComparison.Ordinal);
            Assert.Contains($"<caption>{title}", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void JsonReport_CountsTheCataloguesChoice_EachVersionFromItsDate_AndEachKindsClocks(bool withDefinitions)
    {
        string[] definitions = withDefinitions ? ["--definitions", SampleRun.Repository("samples/ServiceDesk/data/definitions.json")] : [];
        var run = SampleRun.Of(["--smoke", "--format", "json", "--cases", .. definitions]);
        Assert.True(run.Status == 0, run.Stderr);
        var report = JsonNode.Parse(run.Stdout)!;

        var versions = report["agreements"]!.AsArray().ToDictionary(a => a!["agreement"]!.GetValue<string>(), a => a!);
        int Cases(string agreement) => versions[agreement]["tickets"]!.GetValue<int>() + versions[agreement]["complaints"]!.GetValue<int>();
        var total = report["totals"]!["tickets"]!.GetValue<int>() + report["totals"]!["complaints"]!.GetValue<int>();
        var slas = versions.Values.Where(v => v["kind"]!.GetValue<string>() == "Customer SLA").Sum(v => v["tickets"]!.GetValue<int>() + v["complaints"]!.GetValue<int>());

        // Every case has exactly one customer SLA; both versions of PM-2025 took cases (the second from 15 January);
        // every OLA and the contract attach to every case.
        Assert.Equal(total, slas);
        Assert.True(Cases("PM-2025 v1") > 0 && Cases("PM-2025 v2") > 0, run.Stdout);
        Assert.All(new[] { "OLA-reception v1", "OLA-repairs v1", "OLA-facilities v1", "OLA-billing v1", "UC-LIFTS v1" }, a => Assert.Equal(total, Cases(a)));

        var kinds = report["complianceByKind"]!.AsArray().Select(k => k!["kind"]!.GetValue<string>()).ToList();
        Assert.Equal(["Customer SLA", "OLA: billing", "OLA: facilities", "OLA: reception", "OLA: repairs", "Underpinning contract"], kinds);
        var sla = report["complianceByKind"]![0]!;
        var slaMet = sla["met"]!.GetValue<long>();
        var slaMissed = sla["missed"]!.GetValue<long>();
        Assert.Equal(report["totals"]!["breaches"]!.GetValue<long>(), slaMissed);
        Assert.Contains(report["kpis"]!.AsArray(), k => k!["kpi"]!.GetValue<string>() == "SLA compliance" && k["numerator"]!.GetValue<long>() == slaMet);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CasesJson_WhenCasesAreAsked_NamesEachCasesAgreements_V2OnlyForCasesOpenedFromItsDate(bool withDefinitions)
    {
        string[] definitions = withDefinitions ? ["--definitions", SampleRun.Repository("samples/ServiceDesk/data/definitions.json")] : [];
        var run = SampleRun.Of(["--smoke", "--format", "json", "--cases", .. definitions]);
        Assert.True(run.Status == 0, run.Stderr);
        var report = JsonNode.Parse(run.Stdout)!;
        var kinds = report["agreements"]!.AsArray().ToDictionary(a => a!["agreement"]!.GetValue<string>(), a => a!["kind"]!.GetValue<string>());
        var tiers = report["tiers"]!.AsArray().Select(t => t!["tier"]!.GetValue<string>()).ToHashSet();
        var v2From = ServiceCentre.Version2From.InZone(ServiceCentre.Zone).ToDateTimeOffset();
        var (before, after) = (0, 0);

        foreach (var row in report["cases"]!.AsArray())
        {
            var id = row!["id"]!.GetValue<string>();
            var agreements = row["agreements"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
            Assert.Contains(row["tier"]!.GetValue<string>(), tiers);

            // One customer SLA, named first, then every OLA and the contract: the catalogue's choice as the case recorded it.
            Assert.True(agreements.Count > 1 && kinds[agreements[0]] == "Customer SLA" && agreements.Skip(1).All(a => kinds[a] != "Customer SLA"), $"{id}: {string.Join(", ", agreements)}");
            Assert.All(new[] { "OLA-reception v1", "OLA-repairs v1", "OLA-facilities v1", "OLA-billing v1", "UC-LIFTS v1" }, a => Assert.Contains(a, agreements));

            // Every clock names an agreement of the case and that agreement's kind; the customer SLA's clocks are all there.
            var statuses = row["statuses"]!.AsArray();
            Assert.All(statuses, s =>
            {
                Assert.Contains(s!["agreement"]!.GetValue<string>(), agreements);
                Assert.Equal(kinds[s["agreement"]!.GetValue<string>()], s["agreementKind"]!.GetValue<string>());
            });
            Assert.Contains(statuses, s => s!["agreement"]!.GetValue<string>() == agreements[0]);

            // The two versions of PM-2025 split at the second's date.
            if (agreements[0].StartsWith("PM-2025 ", StringComparison.Ordinal))
            {
                var opened = DateTimeOffset.Parse(row["openedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(agreements[0] == (opened >= v2From ? "PM-2025 v2" : "PM-2025 v1"), $"{id} opened {opened:O} under {agreements[0]}");
                (before, after) = opened >= v2From ? (before, after + 1) : (before + 1, after);
            }
        }

        Assert.True(before > 0 && after > 0, $"{before} cases under v1, {after} under v2");
        Assert.Contains(report["cases"]!.AsArray(), r => r!["statuses"]!.AsArray().Any(s => s!["agreementKind"]!.GetValue<string>() == "OLA"));
        Assert.Contains(report["cases"]!.AsArray(), r => r!["statuses"]!.AsArray().Any(s => s!["agreementKind"]!.GetValue<string>() == "Underpinning contract"));
        Assert.All(report["backlog"]!["oldest"]!.AsArray(), o => Assert.Equal(
            report["cases"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == o!["case"]!.GetValue<string>())!["agreements"]!.ToJsonString(), o!["agreements"]!.ToJsonString()));
    }

    [Fact]
    public void Html_IsSelfContainedAndAccessible()
    {
        var html = RunHtml();

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        var charts = html.Split("<svg ").Skip(1).ToList();
        Assert.True(charts.Count >= 4, $"{charts.Count} charts");
        Assert.All(charts, chart =>
        {
            Assert.Contains("role=\"img\"", chart, StringComparison.Ordinal);
            Assert.Contains("aria-labelledby=", chart, StringComparison.Ordinal);
            Assert.Contains("<title id=", chart, StringComparison.Ordinal);
        });
        Assert.Contains("stroke-dasharray", html, StringComparison.Ordinal); // objectives drawn on the charts
        Assert.Contains("✗ Not met", html, StringComparison.Ordinal); // the verdict in words, not colour alone
        Assert.Contains("<th scope=\"col\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_IsASummaryUnlessCasesAreAsked()
    {
        Assert.Equal(0, SampleRun.Of("--smoke", "--format", "json", "--out", _scratch["summary.json"]).Status);
        Assert.Equal(0, SampleRun.Of("--smoke", "--format", "json", "--cases", "--out", _scratch["cases.json"]).Status);

        var summary = JsonNode.Parse(File.ReadAllText(_scratch["summary.json"]))!.AsObject();
        var detailed = JsonNode.Parse(File.ReadAllText(_scratch["cases.json"]))!.AsObject();
        Assert.False(summary.ContainsKey("cases"));
        Assert.Equal(detailed["totals"]!["tickets"]!.GetValue<int>() + detailed["totals"]!["complaints"]!.GetValue<int>(), detailed["cases"]!.AsArray().Count);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", summary["period"]!["from"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$", summary["period"]!["evaluatedAt"]!.GetValue<string>());
        foreach (var row in summary["compliance"]!.AsArray())
        {
            var percent = row!["compliancePercent"]?.GetValue<decimal>();
            Assert.Equal(percent is { } p ? Math.Round(p, 1) : null, percent);
        }
    }

    [Fact]
    public void Cases_WithoutJson_IsRefused()
    {
        SampleRun.Of("--smoke", "--cases").AssertRefused("--cases");
    }

    [Fact]
    public void StaffStandings_ShowEqualScoresAsSharedRanks()
    {
        var json = JsonNode.Parse(Json("--smoke"))!;
        var rows = json["staff"]!["standings"]!.AsArray().Select(r => (Rank: r!["rank"]!.GetValue<int>(), Score: r["score"]!.GetValue<decimal>(), Tied: r["tied"]!.GetValue<bool>())).ToList();

        Assert.Equal(json["staff"]!["staff"]!.GetValue<int>(), rows.Count);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.True(rows[i - 1].Score >= rows[i].Score);
            Assert.Equal(rows[i - 1].Score == rows[i].Score, rows[i - 1].Rank == rows[i].Rank);
        }

        Assert.All(rows, r => Assert.Equal(rows.Count(o => o.Rank == r.Rank) > 1, r.Tied));
    }

    [Fact]
    public void Backlog_AtAnEarlierInstant_HoldsOnlyTheCasesOpenThen()
    {
        var json = JsonNode.Parse(Json("--smoke", "--at", "2025-01-14T12:00:00+08:00"))!;
        var evaluatedAt = DateTimeOffset.Parse(json["period"]!["evaluatedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var states = json["backlog"]!["byState"]!.AsArray();

        Assert.All(states, s => Assert.True(s!["oldestOpenedAt"] is null || DateTimeOffset.Parse(s["oldestOpenedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) <= evaluatedAt));
        Assert.True(states.Single(s => s!["state"]!.GetValue<string>() == "On track")!["cases"]!.GetValue<int>() > 0, "mid-run some cases must still be on track");
        Assert.True(json["backlog"]!["open"]!.GetValue<int>() < json["totals"]!["tickets"]!.GetValue<int>());
    }

    private string RunHtml()
    {
        var path = _scratch[Guid.NewGuid().ToString("N") + ".html"];
        var run = SampleRun.Of("--smoke", "--html", path);
        Assert.True(run.Status == 0, run.Stderr);
        return File.ReadAllText(path);
    }

    private string Json(params string[] args)
    {
        var path = _scratch[Guid.NewGuid().ToString("N") + ".json"];
        var run = SampleRun.Of([.. args, "--format", "json", "--out", path]);
        Assert.True(run.Status == 0, run.Stderr);
        return File.ReadAllText(path);
    }
}
