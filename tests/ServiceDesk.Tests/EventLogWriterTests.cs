using System.Text;
using System.Text.Json;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Json;

namespace ServiceDesk.Tests;

/// <summary>
/// The writer against the event-log replay for every event type, including those the simulation never raises: what is
/// written and replayed has the same history as the original.
/// </summary>
public sealed class EventLogWriterTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 1, 13, 1, 0);
    private static readonly JsonSerializerOptions Json = new JsonSerializerOptions().ConfigureForServiceQuality();

    [Fact]
    public void WriteCases_WhenReplayed_GivesEqualHistoriesForEveryEventType()
    {
        var agreement = ServiceCentre.Agreement();
        var (customers, tickets, complaints, visits) = EveryEventType(agreement);

        var replayed = Replay(Write(w => w.WriteCases(customers, tickets, complaints, visits)), agreement);

        Assert.Equal(Histories(customers, tickets, complaints, visits), Histories(replayed.Customers.Values, replayed.Tickets.Values, replayed.Complaints.Values, replayed.Visits.Values));
    }

    [Fact]
    public void WriteCases_WhenEventsShareAnInstant_WritesCreationEventsFirst()
    {
        var agreement = ServiceCentre.Agreement();
        var (customers, tickets, complaints, visits) = EveryEventType(agreement);

        // The primary complaint is given after the duplicate that is merged into it at its own receipt instant.
        var lines = Write(w => w.WriteCases(customers, tickets, complaints.AsEnumerable().Reverse(), visits)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(Array.FindIndex(lines, l => l.Contains("\"ComplaintReceived\",\"complaint\":\"K-2\"", StringComparison.Ordinal))
            < Array.FindIndex(lines, l => l.Contains("\"ComplaintMerged\"", StringComparison.Ordinal)));
        var instants = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("at").GetString()).ToList();
        Assert.Equal(instants.Order(StringComparer.Ordinal), instants);
        Assert.DoesNotContain(lines, l => l.Contains("DuplicateMerged", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_WhenTextIsNotAscii_EscapesItAndReplaysIt()
    {
        var customer = Customer.Register(new CustomerId("C-1"), "张伟\u2028", new ContactDetails("13812345678", null, "北京市"), ServiceTier.Gold, new LocalDate(2020, 1, 1), T0);

        var log = Write(w => w.Write(customer.History[0]));

        Assert.True(log.All(c => c < 0x7F), log);
        Assert.Equal("张伟\u2028", Replay(log, ServiceCentre.Agreement()).Customers.Values.Single().DisplayName);
    }

    [Fact]
    public void Dispose_WhenTheDestinationIsLeftOpen_FlushesWholeLinesOnly()
    {
        var stream = new MemoryStream();
        var customer = Customer.Register(new CustomerId("C-1"), "Zhang Wei", ContactDetails.None, ServiceTier.Gold, new LocalDate(2020, 1, 1), T0);
        using (var writer = new EventLogWriter(stream, leaveOpen: true))
        {
            writer.Write(customer.History[0]);
            Assert.Equal(1, writer.EventsWritten);
        }

        Assert.EndsWith("}\n", Encoding.UTF8.GetString(stream.ToArray()), StringComparison.Ordinal);
        Assert.True(stream.CanWrite);
    }

    private static string Write(Action<EventLogWriter> write)
    {
        var stream = new MemoryStream();
        using (var writer = new EventLogWriter(stream, leaveOpen: true))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static ReplayedCases Replay(string log, AgreementVersion agreement) =>
        EventLogReplay.Replay(new StringReader(log), "written.jsonl", new Dictionary<string, AgreementVersion> { [agreement.Id.Value] = agreement }, new Dictionary<string, ServiceQuality.Domain.Calendars.BusinessCalendar>(), null);

    /// <summary>Each history as the Json package serialises it, which compares visit ratings by content.</summary>
    private static List<string> Histories(IEnumerable<Customer> customers, IEnumerable<Ticket> tickets, IEnumerable<Complaint> complaints, IEnumerable<VisitRecord> visits) =>
    [
        .. customers.Select(c => JsonSerializer.Serialize(c.History, Json)),
        .. tickets.Select(t => JsonSerializer.Serialize(t.History, Json)),
        .. complaints.Select(c => JsonSerializer.Serialize(c.History, Json)),
        .. visits.Select(v => JsonSerializer.Serialize(v.History, Json)),
    ];

    private static (List<Customer>, List<Ticket>, List<Complaint>, List<VisitRecord>) EveryEventType(AgreementVersion agreement)
    {
        Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);
        var customer = Customer.Register(new CustomerId("C-1"), "Zhang Wei", new ContactDetails("13812345678", "zhang@example.com", "Block 1"), ServiceTier.Ordinary, new LocalDate(2020, 5, 1), At(0));
        customer.ChangeTier(ServiceTier.Gold, new LocalDate(2025, 1, 1), "annual review", At(1));
        customer.RecordSpend(2024, Money.Yuan(12_345.50m), At(2));
        customer.ChangeCreditGrade(CreditGrade.B, At(3));
        customer.UpdateTrustScore(42, "late payments", At(4));
        customer.AssignAccountManager(new StaffId("li"), At(5));
        customer.AssignAccountManager(null, At(6));
        customer.SetCareFlags(CareFlags.HardshipHousehold | CareFlags.RedList, At(7));
        customer.SetCareFlags(CareFlags.None, At(8));
        customer.ChangeContactDetails(new ContactDetails(null, "wei@example.com", null), At(9));

        var ticket = Ticket.Open(new TicketId("T-1"), customer.Id, TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("wang"), ServiceTier.Key, At(10), agreement.Reference, requiresOnSiteVisit: true);
        ticket.Assign(new StaffId("li"), new DepartmentId("repairs"), At(11));
        ticket.RecordResponse(new StaffId("li"), isPublic: false, At(12));
        ticket.StartWork(At(13));
        ticket.RecordOnSiteArrival(new StaffId("li"), At(14));
        ticket.Transfer(new StaffId("zhao"), null, At(15));
        ticket.ChangePriority(Priority.P1, At(16));
        ticket.Hold(HoldReason.WaitingForCustomer, At(17));
        ticket.Resume(At(18));
        ticket.ReferToThirdParty("lift vendor", At(19));
        ticket.RecordThirdPartyReturn("repaired", At(20));
        ticket.Resolve(new StaffId("zhao"), At(21));
        ticket.Reopen("the fault came back", At(22));
        ticket.Resolve(new StaffId("zhao"), At(23));
        ticket.Close(At(24));
        var cancelled = Ticket.Open(new TicketId("T-2"), customer.Id, TicketKind.Inquiry, Channel.Online, Priority.P4, new StaffId("wang"), ServiceTier.Gold, At(25), null, requiresOnSiteVisit: false);
        cancelled.Cancel("duplicate report", At(26));

        var primary = Complaint.Receive(new ComplaintId("K-1"), customer.Id, Channel.Hotline, ComplaintCategory.Delay, Severity.Major, At(30),
            claimedLoss: Money.Yuan(800m), againstStaff: new StaffId("li"), againstDepartment: new DepartmentId("repairs"), relatedTicket: ticket.Id, callbackRequired: true);
        var duplicate = Complaint.Receive(new ComplaintId("K-2"), customer.Id, Channel.Online, ComplaintCategory.Delay, Severity.Minor, At(31));
        primary.Merge(duplicate, At(31));
        primary.Register(At(32));
        primary.ChangeSeverity(Severity.Critical, At(33));
        primary.AssignInvestigation(new DepartmentId("quality"), new StaffId("zhou"), At(3 * 24 * 60), At(34));
        primary.Escalate(1, "lead@desk", "severity", At(35));
        primary.Respond("We apologise.", "Repair and follow-up.", At(36));
        primary.Resolve(At(37));
        primary.RecordVerdict(VerdictOutcome.PartlySubstantiated, "late visit", new StaffId("zhou"), At(38));
        primary.RecordCompensation(Money.Yuan(200m), At(39));
        primary.RecordCallback(satisfied: true, At(40));
        primary.Close(At(41));
        var waived = Complaint.Receive(new ComplaintId("K-3"), customer.Id, Channel.WalkIn, ComplaintCategory.ServiceAttitude, Severity.Minor, At(42));
        waived.Register(At(43));
        waived.WaiveCallback("customer declined", At(44));
        waived.Withdraw("settled", At(45));

        var visit = VisitRecord.Plan(new VisitId("V-1"), customer.Id, VisitSubject.ForTicket(ticket.Id), VisitKind.PhoneCallback, At(24 * 60), 3, At(50));
        visit.RecordAttempt(AttemptOutcome.NoAnswer, At(51));
        visit.RecordAttempt(AttemptOutcome.Reached, At(52));
        visit.Complete(SatisfactionRating.Satisfied, new Dictionary<string, SatisfactionRating> { ["repair"] = SatisfactionRating.VerySatisfied, ["reception"] = SatisfactionRating.Neutral },
            "quick \"fix\"", new StaffId("wang"), At(53));
        var missed = VisitRecord.Plan(new VisitId("V-2"), customer.Id, VisitSubject.ForComplaint(primary.Id), VisitKind.PhoneCallback, At(60), 1, At(54));
        missed.MarkMissed(At(60));
        var cancelledVisit = VisitRecord.Plan(
            new VisitId("V-3"), customer.Id, VisitSubject.None, VisitKind.PhoneCallback, At(90), 3, Duration.FromMinutes(90) + Duration.FromMilliseconds(500), At(55));
        cancelledVisit.RecordAttempt(AttemptOutcome.WrongNumber, At(56));
        cancelledVisit.RecordAttempt(AttemptOutcome.Refused, At(150));
        cancelledVisit.Cancel("moved away", At(151));

        return ([customer], [ticket, cancelled], [primary, duplicate, waived], [visit, missed, cancelledVisit]);
    }
}
