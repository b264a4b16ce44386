using System.Globalization;
using System.Text;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Json.Tests.Files;

/// <summary>
/// The hand-written bad files of <c>Corpus/</c>, one per family of bad input the JSON issue names, each refused with the
/// problem code and JSON path (and, for event logs, the line) listed in <c>Corpus/corpus.txt</c>; and the two families
/// that used to hang or exhaust memory.
/// </summary>
public sealed class CorpusTests
{
    public static TheoryData<string, string, string, int> Corpus()
    {
        var data = new TheoryData<string, string, string, int>();
        foreach (var line in RepositoryFiles.ReadAllLines("tests", "ServiceQuality.Json.Tests", "Corpus", "corpus.txt").Where(l => l.Length > 0 && l[0] != '#'))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            data.Add(parts[0], parts[1], parts[2], parts[3] == "-" ? 0 : int.Parse(parts[3], CultureInfo.InvariantCulture));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void ABadFile_IsRefusedWithItsCodeAndPath(string file, string code, string path, int line)
    {
        var bytes = RepositoryFiles.ReadAllBytes("tests", "ServiceQuality.Json.Tests", "Corpus", file);

        if (file.EndsWith(".jsonl", StringComparison.Ordinal))
        {
            using var stream = new MemoryStream(bytes);
            var failure = Assert.Throws<EventLogException>(() => EventLogReplay.Replay(stream, file, new Dictionary<string, Domain.Agreements.AgreementVersion>(), new Dictionary<string, BusinessCalendar>(), null));
            Assert.Equal((code, path, line), (failure.Code, failure.Path, failure.Line));
        }
        else
        {
            var failure = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(bytes));
            Assert.Contains(failure.Problems, p => p.Code == code && p.Path == path);
        }
    }

    [Fact]
    public void AVersionAtTheTopOfTheRange_IsTakenAsAValue()
    {
        const string file = """
            { "agreements": [ { "id": "A", "version": 2147483647, "name": "a", "kind": "ServiceLevel", "effectiveFrom": "2025-01-01T00:00:00Z",
              "targets": [ { "metric": "Resolution", "duration": "PT4H", "basis": "CalendarTime" } ] } ] }
            """;

        Assert.Equal(int.MaxValue, DefinitionsFile.Load(file).Agreements["A"].Version);
    }

    [Fact]
    public void TensOfThousandsOfOverlappingHours_GiveTheFirstHundredProblemsAndACount()
    {
        var hours = string.Join(",\n", Enumerable.Repeat("""{ "days": ["Monday", "Tuesday", "Wednesday"], "from": "09:00", "to": "17:00" }""", 3_000));
        var file = $$"""{ "calendars": [ { "id": "desk", "zone": "Asia/Shanghai", "weekly": [ {{hours}} ] } ] }""";
        Assert.True(Encoding.UTF8.GetByteCount(file) > 85_000);

        var failure = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load(file));

        // 8,997 overlaps, and first, one problem for holding more than BusinessCalendarBuilder.MaxWeeklyIntervals intervals.
        Assert.Equal(InvalidDefinitionException.MaxProblems, failure.Problems.Count);
        Assert.Equal((3 * 3_000) - 3 + 1 - InvalidDefinitionException.MaxProblems, failure.OmittedProblems);
        Assert.Equal(("$.calendars[0].weekly", ProblemCode.OutOfRange), (failure.Problems[0].Path, failure.Problems[0].Code));
        Assert.All(failure.Problems.Skip(1), p => Assert.Equal(("$.calendars[0].weekly", ProblemCode.Conflict), (p.Path, p.Code)));
        Assert.EndsWith($"{failure.OmittedProblems:N0} more problems not listed.", failure.Lines().Last(), StringComparison.Ordinal);
    }

    [Fact]
    public void ALoneSurrogateInTheText_IsRefusedBeforeItIsEncoded()
    {
        var failure = Assert.Throws<InvalidDefinitionException>(() => DefinitionsFile.Load("{ \"calendars\": [ { \"id\": \"\ud800\" } ] }"));

        Assert.Equal(("$", ProblemCode.InvalidText), (Assert.Single(failure.Problems).Path, failure.Problems[0].Code));
    }
}
