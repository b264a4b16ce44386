using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;

namespace ServiceDesk;

/// <summary>
/// Gives replayed cases back the agreement versions they opened under. An event log names a case's agreement by id only,
/// and the replay gives it the version the sample hands it (the highest), and none of the OLAs and contracts beside it;
/// here each case gets, of the agreement its log names, the version in force at its start, and the catalogue's choice of
/// the agreements of the other kinds, as the simulation recorded them when the case opened. Cases the log gives no
/// agreement keep none.
/// </summary>
internal static class RecordedAgreements
{
    public static Ticket Restore(Ticket ticket, AgreementCatalog catalog)
    {
        var opened = (TicketOpened)ticket.History[0];
        var profile = CaseProfile.ForTicket(opened.CustomerTier, opened.Customer, opened.Kind, opened.Channel, opened.Priority);
        var (main, others) = Choose(opened.Agreement, catalog, catalog.Select(profile, opened.OccurredAt), opened.OccurredAt);
        return main == opened.Agreement && others.SequenceEqual(opened.OtherAgreements)
            ? ticket
            : Ticket.FromHistory([opened with { Agreement = main, OtherAgreements = others }, .. ticket.History.Skip(1)]);
    }

    public static Complaint Restore(Complaint complaint, AgreementCatalog catalog)
    {
        var received = (ComplaintReceived)complaint.History[0];
        if (received.CustomerTier is not { } tier)
        {
            return complaint;
        }

        var profile = CaseProfile.ForComplaint(tier, received.Customer, received.Category, received.Channel, received.Severity);
        var (main, others) = Choose(received.Agreement, catalog, catalog.Select(profile, received.OccurredAt), received.OccurredAt);
        return main == received.Agreement && others.SequenceEqual(received.OtherAgreements)
            ? complaint
            : Complaint.FromHistory([received with { Agreement = main, OtherAgreements = others }, .. complaint.History.Skip(1)]);
    }

    /// <summary>The named agreement at its version in force (or as named when none is), and the chosen agreements of the other kinds.</summary>
    private static (AgreementReference? Main, AgreementReference[] Others) Choose(
        AgreementReference? named, AgreementCatalog catalog, IReadOnlyList<ServiceLevelAgreement> chosen, NodaTime.Instant start)
    {
        if (named is not { } reference)
        {
            return (null, []);
        }

        var version = catalog.VersionInForce(reference.Id, start) ?? catalog.Find(reference) ?? throw new SampleException($"the agreements do not hold {reference}, which a case names.");
        return (version.Reference, [.. chosen.Where(a => a.Id != version.Id && (a.Kind == AgreementKind.OperationalLevel || a.Kind != version.Kind)).Select(a => a.Reference)]);
    }
}
