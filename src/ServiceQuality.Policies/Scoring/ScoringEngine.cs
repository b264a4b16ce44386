using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Policies.Scoring;

/// <summary>
/// Turns facts into scorecards: each fact goes to the rules of its kind, entries are summed per subject and section
/// (decimal arithmetic: an overflow throws, it never wraps), and each subject gets a <see cref="Scorecard"/> for the
/// period. Immutable and thread-safe.
/// </summary>
public sealed class ScoringEngine
{
    private readonly ScorecardDefinition _definition;
    private readonly IScoringRule[][] _rulesByKind;
    private readonly Dictionary<string, int> _sectionIndex;

    /// <summary>Creates the engine.</summary>
    /// <param name="definition">How scorecards are computed.</param>
    /// <param name="rules">The scoring rules; the sections they score must be sections of the definition.</param>
    public ScoringEngine(ScorecardDefinition definition, IEnumerable<IScoringRule> rules)
    {
        Guard.Against.Null(definition);
        Guard.Against.Null(rules);
        _definition = definition;
        _sectionIndex = definition.Sections.Select((s, i) => (s.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var list = rules.ToList();
        _rulesByKind = Enum.GetValues<FactKind>().Select(kind => list.Where(r => r.Kind == kind).ToArray()).ToArray();
    }

    /// <summary>The scorecards of every subject with at least one fact in <paramref name="period"/>.</summary>
    /// <param name="facts">The facts; those outside the period are ignored.</param>
    /// <param name="period">The period.</param>
    /// <returns>One scorecard per subject, ordered by subject.</returns>
    /// <exception cref="ArgumentException">A rule gave an entry for a section the definition lacks.</exception>
    public IReadOnlyList<Scorecard> Score(ReadOnlySpan<ScoreFact> facts, Interval period)
    {
        var accumulators = new Dictionary<ScoreSubject, Accumulator>();
        var sections = _definition.Sections.Count;
        foreach (ref readonly var fact in facts)
        {
            if (!period.Contains(fact.At))
            {
                continue;
            }

            if (!accumulators.TryGetValue(fact.Subject, out var accumulator))
            {
                accumulators[fact.Subject] = accumulator = new Accumulator(sections);
            }

            accumulator.Facts++;
            if (fact.Kind == FactKind.ComplaintSubstantiated)
            {
                accumulator.SubstantiatedComplaints++;
            }

            foreach (var rule in _rulesByKind[(int)fact.Kind])
            {
                if (!rule.TryScore(fact, out var entry))
                {
                    continue;
                }

                Guard.Against.InvalidArgument(
                    !_sectionIndex.TryGetValue(entry.Section, out var section), nameof(facts),
                    $"The rule '{rule.Description}' scores section '{entry.Section}', which the scorecard does not have.");

                accumulator.Points[section] = checked(accumulator.Points[section] + entry.Points);
                accumulator.Entries[section]++;
                if (entry.AutomaticFail)
                {
                    (accumulator.FailReasons ??= []).Add(entry.ReasonCode);
                }
            }
        }

        return accumulators
            .OrderBy(p => p.Key.Kind).ThenBy(p => p.Key.Id, StringComparer.Ordinal)
            .Select(p => Card(p.Key, p.Value, period))
            .ToArray();
    }

    /// <summary>The scorecards for facts given as a list.</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="period">The period.</param>
    /// <returns>One scorecard per subject, ordered by subject.</returns>
    public IReadOnlyList<Scorecard> Score(IEnumerable<ScoreFact> facts, Interval period)
    {
        Guard.Against.Null(facts);
        return Score(facts.ToArray().AsSpan(), period);
    }

    private Scorecard Card(ScoreSubject subject, Accumulator accumulator, Interval period)
    {
        var definition = _definition;
        var applicableWeight = 0m;
        for (var i = 0; i < definition.Sections.Count; i++)
        {
            applicableWeight += accumulator.Entries[i] > 0 ? definition.Sections[i].WeightPercent : 0m;
        }

        var sections = new SectionScore[definition.Sections.Count];
        var total = 0m;
        for (var i = 0; i < sections.Length; i++)
        {
            var section = definition.Sections[i];
            if (accumulator.Entries[i] == 0)
            {
                sections[i] = new SectionScore(section.Name, null, 0m, 0);
                continue;
            }

            var score = Math.Clamp(definition.BaseScore + accumulator.Points[i], 0m, 100m);
            var weight = section.WeightPercent * 100m / applicableWeight;
            sections[i] = new SectionScore(section.Name, score, weight, accumulator.Entries[i]);
            total += score * weight / 100m;
        }

        var failed = accumulator.FailReasons is { Count: > 0 };
        total = failed ? 0m : applicableWeight == 0 ? definition.BaseScore : Math.Clamp(total, 0m, 100m);
        return new Scorecard(subject, period, total, sections, failed, accumulator.FailReasons ?? [], accumulator.SubstantiatedComplaints);
    }

    private sealed class Accumulator(int sections)
    {
        public readonly decimal[] Points = new decimal[sections];
        public readonly long[] Entries = new long[sections];
        public long Facts;
        public long SubstantiatedComplaints;
        public List<string>? FailReasons;
    }
}
