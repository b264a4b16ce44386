using System.Text.Json;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;

namespace ServiceQuality.Policies.Definitions;

/// <summary>
/// Loads calendars, agreements and policies from a JSON definitions file (see <c>docs/formats.md</c>). Loading validates
/// everything and reports every problem at once with its JSON path (<c>$.agreements[2].targets[0].duration: …</c>);
/// unknown properties are errors; nothing partial is returned.
/// </summary>
public static partial class DefinitionsFile
{
    /// <summary>Loads definitions from JSON text.</summary>
    /// <param name="json">The file's text.</param>
    /// <returns>The definitions.</returns>
    /// <exception cref="InvalidDefinitionException">Listing every problem with its JSON path.</exception>
    public static LoadedDefinitions Load(string json)
    {
        Guard.Against.Null(json);
        var problems = new List<DefinitionProblem>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDefinitionException("definitions file", [new DefinitionProblem($"$ (line {e.LineNumber + 1})", "malformed JSON: " + e.Message)]);
        }

        using (document)
        {
            var root = new Node(document.RootElement, "$", problems);
            root.Only("calendars", "agreements", "tiers", "escalation", "scoring", "credits", "callbacks");
            var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
            var calendarNodes = root.Array("calendars", required: false).ToList();
            var declared = calendarNodes.Select(node => node.Peek("id")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var node in calendarNodes)
            {
                if (Calendar(node) is { } defined && !calendars.TryAdd(defined.Id, defined.Calendar))
                {
                    node.Problem("id", $"calendar '{defined.Id}' is defined twice");
                }
            }

            var agreements = new Dictionary<string, ServiceLevelAgreement>(StringComparer.Ordinal);
            foreach (var node in root.Array("agreements", required: false))
            {
                if (Agreement(node, calendars, declared) is { } agreement && !agreements.TryAdd(agreement.Id.Value, agreement))
                {
                    node.Problem("id", $"agreement '{agreement.Id}' is defined twice");
                }
            }

            var policies = Policies(root, calendars, declared);
            if (problems.Count > 0)
            {
                throw new InvalidDefinitionException("definitions file", problems);
            }

            return new LoadedDefinitions(calendars, agreements, policies);
        }
    }

    private static (string Id, BusinessCalendar Calendar)? Calendar(Node node)
    {
        var start = node.TotalProblems;
        node.Only("id", "zone", "weekly", "holidays", "workingDays");
        var id = node.Text("id");
        var zoneId = node.Text("zone");
        var zone = zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
        if (zoneId is not null && zone is null)
        {
            node.Problem("zone", $"'{zoneId}' is not an IANA time zone");
        }

        var builder = zone is null ? null : BusinessCalendar.CreateBuilder(zone);
        foreach (var hours in node.Array("weekly", required: true))
        {
            hours.Only("days", "from", "to");
            var (from, to) = (hours.Time("from"), hours.Time("to"));
            foreach (var day in hours.Array("days", required: true))
            {
                if (day.Enum<IsoDayOfWeek>(null) is { } d && d != IsoDayOfWeek.None && from is { } f && to is { } t)
                {
                    builder?.AddOpenHours(d, f, t);
                }
            }
        }

        foreach (var holiday in node.Array("holidays", required: false))
        {
            if (holiday.Date(null) is { } date)
            {
                builder?.AddHoliday(date);
            }
        }

        foreach (var working in node.Array("workingDays", required: false))
        {
            working.Only("date", "hours");
            var date = working.Date("date");
            foreach (var hours in working.Array("hours", required: true))
            {
                hours.Only("from", "to");
                if (date is { } d && hours.Time("from") is { } f && hours.Time("to") is { } t)
                {
                    builder?.AddWorkingDay(d, f, t);
                }
            }
        }

        if (builder is null || id is null || node.TotalProblems > start)
        {
            return null;
        }

        try
        {
            return (id, builder.Build());
        }
        catch (InvalidDefinitionException e)
        {
            foreach (var problem in e.Problems)
            {
                node.Problem(null, $"{problem.Path}: {problem.Message}");
            }

            return null;
        }
    }

    private static ServiceLevelAgreement? Agreement(Node node, Dictionary<string, BusinessCalendar> calendars, HashSet<string> declared)
    {
        var start = node.TotalProblems;
        node.Only("id", "version", "name", "kind", "effectiveFrom", "calendar", "applicability", "targets", "pauses", "stages", "reopen", "objectives");
        var (id, name) = (node.Text("id"), node.Text("name"));
        var kind = node.Enum<AgreementKind>("kind");
        var version = node.Int("version", 1);
        var effectiveFrom = node.Instant("effectiveFrom");
        var calendar = node.Text("calendar", required: false);
        CalendarReference(node, "calendar", calendar, calendars, declared);

        if (version < 1)
        {
            node.Problem("version", "must be 1 or more");
        }

        var at = effectiveFrom ?? default;
        var steps = new List<Action<ServiceLevelAgreement>>();
        foreach (var target in node.Array("targets", required: true))
        {
            target.Only("metric", "priority", "tier", "duration", "basis");
            var (metric, priority, tier, duration, basis) = (target.Enum<Metric>("metric"), target.Enum<Priority>("priority", required: false), target.Tier("tier"), target.Duration("duration"), target.Enum<TimeBasis>("basis"));
            if (metric is { } m && duration is { } d && basis is { } b)
            {
                steps.Add(a => RunStep(target, "duration", () => a.AddTarget(m, priority, tier, d, b, at)));
            }
        }

        foreach (var pause in node.Array("pauses", required: false))
        {
            pause.Only("reason", "metrics");
            var reason = pause.Enum<HoldReason>("reason");
            var metrics = pause.Array("metrics", required: true).Select(m => m.Enum<Metric>(null)).OfType<Metric>().ToList();
            if (reason is { } r)
            {
                steps.Add(a => a.PauseOn(r, metrics, at));
            }
        }

        var stages = node.Array("stages", required: false).Select(s => s.Decimal(null)).OfType<decimal>().ToList();
        if (stages.Count > 0)
        {
            steps.Add(a => RunStep(node, "stages", () => a.SetWarningStages(stages, at)));
        }

        if (node.Child("applicability") is { } covers)
        {
            covers.Only("tiers", "kinds", "channels", "priorities", "categories");
            var applicability = new Applicability(
                [.. covers.Array("tiers", required: false).Select(t => t.Tier(null, required: true)).OfType<ServiceTier>()],
                [.. covers.Array("kinds", required: false).Select(k => k.Enum<TicketKind>(null)).OfType<TicketKind>()],
                [.. covers.Array("channels", required: false).Select(c => c.Enum<Channel>(null)).OfType<Channel>()],
                [.. covers.Array("priorities", required: false).Select(p => p.Enum<Priority>(null)).OfType<Priority>()],
                [.. covers.Array("categories", required: false).Select(c => c.Enum<ComplaintCategory>(null)).OfType<ComplaintCategory>()]);
            steps.Add(a => a.SetApplicability(applicability, at));
        }

        if (node.Enum<ReopenBehaviour>("reopen", required: false) is { } reopen)
        {
            steps.Add(a => a.SetReopenBehaviour(reopen, at));
        }

        foreach (var objective in node.Array("objectives", required: false))
        {
            objective.Only("kpi", "comparison", "threshold");
            var (kpi, comparison, threshold) = (objective.Enum<Kpi>("kpi"), objective.Enum<Comparison>("comparison"), objective.Decimal("threshold"));
            if (kpi is { } k && comparison is { } c && threshold is { } t)
            {
                steps.Add(a => RunStep(objective, "threshold", () => a.AddKpiObjective(k, c, t, at)));
            }
        }

        if (node.TotalProblems > start || id is null || name is null || kind is null || effectiveFrom is null)
        {
            return null;
        }

        var agreement = ServiceLevelAgreement.Draft(new AgreementId(id), name, kind.Value, at);
        agreement.SetCalendar(calendar, at);
        steps.ForEach(step => step(agreement));
        if (node.TotalProblems > start)
        {
            return null;
        }

        for (var v = 1; ; v++)
        {
            if (!RunStep(node, "targets", () => agreement.Publish(at, at)))
            {
                return null;
            }

            if (v == version)
            {
                return agreement;
            }

            agreement = agreement.Revise(at);
        }
    }

    /// <summary>Runs a constructor that validates, turning its <see cref="ArgumentException"/> into a problem.</summary>
    private static T? Build<T>(Node node, string? property, Func<T> build)
        where T : class
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            // The first line without the parameter note: "Invalid ladder: …" rather than "… (Parameter 'steps')\nActual value …".
            var message = e.Message.Split('\n')[0].TrimEnd();
            var note = e.ParamName is null ? -1 : message.LastIndexOf($" (Parameter '{e.ParamName}')", StringComparison.Ordinal);
            node.Problem(property, note < 0 ? message : message[..note]);
            return null;
        }
    }

    private static void Build(Node node, string? property, Action build) => Build<object>(node, property, () =>
    {
        build();
        return new object();
    });

    /// <summary>Runs a step on the agreement, turning a broken rule into a problem at <paramref name="property"/>.</summary>
    private static bool RunStep(Node node, string property, Action step)
    {
        try
        {
            step();
            return true;
        }
        catch (DomainRuleViolationException e)
        {
            node.Problem(property, e.Message);
            return false;
        }
    }

    private static readonly LocalTimePattern ShortTime = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>A JSON element with its path, collecting problems instead of throwing.</summary>
    private sealed class Node(JsonElement element, string path, List<DefinitionProblem> problems)
    {
        /// <summary>How many problems the whole file has so far (this node's and its children's included).</summary>
        public int TotalProblems => problems.Count;

        public void Problem(string? property, string message)
        {
            problems.Add(new DefinitionProblem(property is null ? path : $"{path}.{property}", message));
        }

        public void Only(params string[] allowed)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Problem(null, "an object is expected");
                return;
            }

            foreach (var property in element.EnumerateObject().Where(p => !allowed.Contains(p.Name, StringComparer.Ordinal)))
            {
                Problem(property.Name, "unknown property");
            }
        }

        /// <summary>A string property's value, or null, without reporting anything.</summary>
        public string? Peek(string name) => TryGet(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        public Node? Child(string name) => TryGet(name, out var value) ? new Node(value, $"{path}.{name}", problems) : null;

        public bool Bool(string name)
        {
            if (!TryGet(name, out var value))
            {
                return false;
            }

            if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return value.GetBoolean();
            }

            Problem(name, "true or false is expected");
            return false;
        }

        public int IntRequired(string name)
        {
            if (!TryGet(name, out _))
            {
                Problem(name, "is required");
                return 1;
            }

            return Int(name, 1);
        }

        public decimal DecimalOr(string name, decimal otherwise) => TryGet(name, out _) ? Decimal(name) ?? otherwise : otherwise;

        public Money? MoneyValue(string name, bool required)
        {
            if (!TryGet(name, out var value))
            {
                if (required)
                {
                    Problem(name, "is required");
                }

                return null;
            }

            if (value.ValueKind == JsonValueKind.Object)
            {
                Child(name)!.Only("amount", "currency");
            }

            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("amount", out var amount) || !amount.TryGetDecimal(out var number)
                || !value.TryGetProperty("currency", out var currency) || currency.ValueKind != JsonValueKind.String)
            {
                Problem(name, "{ \"amount\": 10000, \"currency\": \"CNY\" } is expected");
                return null;
            }

            try
            {
                return new Money(number, currency.GetString()!);
            }
            catch (ArgumentException e)
            {
                Problem(name, e.Message);
                return null;
            }
        }

        public IEnumerable<Node> Array(string name, bool required)
        {
            if (!TryGet(name, out var value))
            {
                if (required)
                {
                    Problem(name, "is required");
                }

                return [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                Problem(name, "an array is expected");
                return [];
            }

            return [.. value.EnumerateArray().Select((item, i) => new Node(item, $"{path}.{name}[{i}]", problems))];
        }

        public string? Text(string? name, bool required = true)
        {
            if (!Value(name, required, out var value))
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
            {
                Problem(name, "a non-empty string is expected");
                return null;
            }

            return value.GetString();
        }

        public int Int(string name, int otherwise)
        {
            if (!TryGet(name, out var value))
            {
                return otherwise;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            Problem(name, "a whole number is expected");
            return otherwise;
        }

        public decimal? Decimal(string? name)
        {
            if (!Value(name, true, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                return number;
            }

            Problem(name, "a number is expected");
            return null;
        }

        public TEnum? Enum<TEnum>(string? name, bool required = true)
            where TEnum : struct, Enum
        {
            var text = Text(name, required);
            if (text is null)
            {
                return null;
            }

            if (System.Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _))
            {
                return value;
            }

            Problem(name, $"'{text}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");
            return null;
        }

        public ServiceTier? Tier(string? name, bool required = false) =>
            Text(name, required) is not { } code ? null
            : ServiceTier.TryGetWellKnown(code, out var tier) ? tier
            : Fail<ServiceTier?>(name, $"'{code}' is not one of {string.Join(", ", ServiceTier.WellKnown.Select(t => t.Code))}");

        public LocalTime? Time(string name) =>
            Text(name) is { } text
                ? ShortTime.Parse(text) is { Success: true } t ? t.Value
                : LocalTimePattern.ExtendedIso.Parse(text) is { Success: true } full ? full.Value
                : Fail<LocalTime?>(name, $"'{text}' is not a local time such as 09:00")
                : null;

        public LocalDate? Date(string? name) =>
            Text(name) is { } text ? LocalDatePattern.Iso.Parse(text) is { Success: true } d ? d.Value : Fail<LocalDate?>(name, $"'{text}' is not a date such as 2025-01-01") : null;

        public Instant? Instant(string name) =>
            Text(name) is { } text ? IsoInstant.TryParse(text, out var i) ? i : Fail<Instant?>(name, $"'{text}' is not an instant such as 2025-01-01T00:00:00Z or 2025-01-01T00:00:00+08:00") : null;

        public Duration? Duration(string name)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }

            var parsed = PeriodPattern.NormalizingIso.Parse(text);
            if (!parsed.Success || parsed.Value.Years != 0 || parsed.Value.Months != 0)
            {
                return Fail<Duration?>(name, $"'{text}' is not an ISO-8601 duration in days, hours, minutes or seconds, such as PT1H30M");
            }

            return parsed.Value.ToDuration();
        }

        private T Fail<T>(string? name, string message)
        {
            Problem(name, message);
            return default!;
        }

        private bool Value(string? name, bool required, out JsonElement value)
        {
            if (name is null)
            {
                value = element;
                return true;
            }

            if (TryGet(name, out value))
            {
                return true;
            }

            if (required)
            {
                Problem(name, "is required");
            }

            return false;
        }

        private bool TryGet(string name, out JsonElement value)
        {
            value = default;
            return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;
        }
    }
}
