using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Json;

namespace ServiceDesk.Web;

/// <summary>
/// The centre's definitions, loaded once at start-up from a definitions file: its calendars, its agreements (the first is
/// the default one, for new cases and for cases that name none) and its policy sections.
/// </summary>
internal sealed class DeskDefinitions
{
    private DeskDefinitions(string file, LoadedDefinitions loaded)
    {
        File = file;
        Loaded = loaded;
        Default = loaded.Agreements.Values.FirstOrDefault()
            ?? throw new StartupException($"{file}: the definitions hold no agreement; the desk needs one for its cases.");
        Zone = Default.CalendarName is { } name && loaded.Calendars.TryGetValue(name, out var calendar) ? calendar.Zone : DateTimeZone.Utc;
    }

    public string File { get; }

    public LoadedDefinitions Loaded { get; }

    public IReadOnlyDictionary<string, BusinessCalendar> Calendars => Loaded.Calendars;

    /// <summary>The agreement new cases fall under.</summary>
    public AgreementVersion Default { get; }

    /// <summary>The time zone the desk's days are counted in (its default agreement's calendar).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Loads a definitions file.</summary>
    /// <exception cref="StartupException">The file cannot be read or is not valid; the message locates every problem.</exception>
    public static DeskDefinitions Load(string file)
    {
        byte[] utf8;
        try
        {
            utf8 = System.IO.File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"{file}: cannot read the definitions file: {e.Message}");
        }

        try
        {
            return new DeskDefinitions(file, DefinitionsFile.Load(utf8));
        }
        catch (InvalidDefinitionException e)
        {
            throw new StartupException([.. e.Lines().Select(line => $"{file}: {line}")]);
        }
    }

    /// <summary>
    /// The agreement versions a new case falls under, as the catalogue chooses them at its start: the customer SLA (the
    /// default agreement's version in force then when none covers the case) and the OLAs and underpinning contract beside it.
    /// </summary>
    public (AgreementReference Sla, IReadOnlyList<AgreementReference> Others) Choose(CaseProfile profile, Instant start)
    {
        var chosen = Loaded.Catalog.Select(profile, start);
        var sla = chosen.FirstOrDefault(a => a.Kind == AgreementKind.ServiceLevel) ?? Loaded.Catalog.VersionInForce(Default.Id, start) ?? Default;
        return (sla.Reference, [.. chosen.Where(a => a.Id != sla.Id).Select(a => a.Reference)]);
    }

    /// <summary>The agreement version a case recorded (the catalogue holds every version of the file), or the default one.</summary>
    public AgreementVersion For(AgreementReference? reference) =>
        reference is { } r && Loaded.Catalog.Find(r) is { } agreement ? agreement : Default;

    /// <summary>
    /// Every agreement version a case recorded, its SLA first, when it recorded others beside it and the catalogue still
    /// holds them all; null otherwise (the case is then assessed under its SLA alone).
    /// </summary>
    public IReadOnlyList<AgreementVersion>? AllOf(AgreementReference? sla, IReadOnlyList<AgreementReference> others)
    {
        if (sla is not { } main || others.Count == 0 || Loaded.Catalog.Find(main) is not { } first)
        {
            return null;
        }

        var all = new AgreementVersion[others.Count + 1];
        all[0] = first;
        for (var i = 0; i < others.Count; i++)
        {
            if (Loaded.Catalog.Find(others[i]) is not { } other)
            {
                return null;
            }

            all[i + 1] = other;
        }

        return all;
    }

    /// <summary>The agreement version a status belongs to, when the catalogue holds it.</summary>
    public AgreementVersion? Find(AgreementReference reference) => Loaded.Catalog.Find(reference);
}
