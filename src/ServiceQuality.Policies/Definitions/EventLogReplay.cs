using System.Text.Json;
using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;

namespace ServiceQuality.Policies.Definitions;

/// <summary>
/// Replays an event log — JSON Lines, one event an object with <c>at</c> (an ISO-8601 instant), <c>type</c>, the case id
/// and the event's fields — by driving the real aggregates' commands, so a log that breaks a rule fails exactly as the API
/// would. The first bad line stops the replay with an <see cref="EventLogException"/> reading <c>file:line: message</c>.
/// The formats are documented in <c>docs/formats.md</c>.
/// </summary>
public static class EventLogReplay
{
    /// <summary>Replays a log.</summary>
    /// <param name="reader">The log's text.</param>
    /// <param name="file">The log's name, for messages.</param>
    /// <param name="agreements">The agreement versions tickets name, by id (the latest published version of each is used).</param>
    /// <returns>The aggregates built.</returns>
    /// <exception cref="EventLogException">A line is malformed, of an unknown type, misses a field, refers to an unknown case, or is refused by its aggregate.</exception>
    public static ReplayedCases Replay(TextReader reader, string file, IReadOnlyDictionary<string, ServiceLevelAgreement> agreements)
    {
        Guard.Against.Null(reader);
        Guard.Against.Null(agreements);
        var cases = new ReplayedCases();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(text);
                Apply(new Line(document.RootElement), cases, agreements);
                cases.Events++;
            }
            catch (JsonException e)
            {
                throw new EventLogException(file, number, "malformed JSON: " + e.Message, innerException: e);
            }
            catch (LineException e)
            {
                throw new EventLogException(file, number, e.Message);
            }
            catch (DomainRuleViolationException e)
            {
                throw new EventLogException(file, number, e.Message, e.Rule, e);
            }
            catch (ArgumentException e)
            {
                throw new EventLogException(file, number, e.Message, innerException: e);
            }
        }

        return cases;
    }

    private static void Apply(Line l, ReplayedCases c, IReadOnlyDictionary<string, ServiceLevelAgreement> agreements)
    {
        var at = l.At;
        switch (l.Type)
        {
            case "CustomerRegistered":
                Add(c.CustomerMap, new CustomerId(l.Text("customer")), "customer", Domain.Customers.Customer.Register(
                    new CustomerId(l.Text("customer")), l.Text("name"), new ContactDetails(l.Optional("phone"), l.Optional("email"), l.Optional("address")),
                    l.Tier("tier"), l.Date("since"), at));
                break;
            case "TierChanged":
                FindCustomer(l, c).ChangeTier(l.Tier("tier"), l.Date("effectiveFrom"), l.Text("reason"), at);
                break;
            case "SpendRecorded":
                FindCustomer(l, c).RecordSpend(l.Int("year"), l.Money("amount"), at);
                break;
            case "CreditGradeChanged":
                FindCustomer(l, c).ChangeCreditGrade(l.Enum<CreditGrade>("grade"), at);
                break;
            case "TrustScoreUpdated":
                FindCustomer(l, c).UpdateTrustScore(l.Int("score"), l.Text("reason"), at);
                break;
            case "AccountManagerAssigned":
                FindCustomer(l, c).AssignAccountManager(l.Optional("manager") is { } manager ? new StaffId(manager) : null, at);
                break;
            case "CareFlagsChanged":
                FindCustomer(l, c).SetCareFlags(l.Flags("flags"), at);
                break;
            case "ContactDetailsChanged":
                FindCustomer(l, c).ChangeContactDetails(new ContactDetails(l.Optional("phone"), l.Optional("email"), l.Optional("address")), at);
                break;
            case "TicketOpened":
                var customer = FindCustomer(l, c);
                var agreementId = l.Optional("agreement");
                AgreementReference? agreement = agreementId is null ? null
                    : agreements.TryGetValue(agreementId, out var sla) ? sla.Reference : throw new LineException($"unknown agreement '{agreementId}'");
                Add(c.TicketMap, new TicketId(l.Text("ticket")), "ticket", Domain.Tickets.Ticket.Open(
                    new TicketId(l.Text("ticket")), customer.Id, l.Enum<TicketKind>("kind"), l.Enum<Channel>("channel"), l.Enum<Priority>("priority"),
                    new StaffId(l.Text("staff")), l.Optional("tier") is null ? customer.TierOn(at.InUtc().Date) : l.Tier("tier"), at, agreement, l.Bool("onSite", false)));
                break;
            case "TicketAssigned":
                FindTicket(l, c).Assign(new StaffId(l.Text("staff")), l.Department(), at);
                break;
            case "TicketTransferred":
                FindTicket(l, c).Transfer(new StaffId(l.Text("staff")), l.Department(), at);
                break;
            case "TicketWorkStarted":
                FindTicket(l, c).StartWork(at);
                break;
            case "ResponseRecorded":
                FindTicket(l, c).RecordResponse(new StaffId(l.Text("staff")), l.Bool("public", true), at);
                break;
            case "TicketOnHold":
                FindTicket(l, c).Hold(l.Enum<HoldReason>("reason"), at);
                break;
            case "TicketResumed":
                FindTicket(l, c).Resume(at);
                break;
            case "ReferredToThirdParty":
                FindTicket(l, c).ReferToThirdParty(l.Text("party"), at);
                break;
            case "ThirdPartyReturned":
                FindTicket(l, c).RecordThirdPartyReturn(l.Text("result"), at);
                break;
            case "OnSiteArrived":
                FindTicket(l, c).RecordOnSiteArrival(new StaffId(l.Text("staff")), at);
                break;
            case "PriorityChanged":
                FindTicket(l, c).ChangePriority(l.Enum<Priority>("priority"), at);
                break;
            case "TicketResolved":
                FindTicket(l, c).Resolve(new StaffId(l.Text("staff")), at);
                break;
            case "TicketReopened":
                FindTicket(l, c).Reopen(l.Text("reason"), at);
                break;
            case "TicketClosed":
                FindTicket(l, c).Close(at);
                break;
            case "TicketCancelled":
                FindTicket(l, c).Cancel(l.Text("reason"), at);
                break;
            case "ComplaintReceived":
                Add(c.ComplaintMap, new ComplaintId(l.Text("complaint")), "complaint", Domain.Complaints.Complaint.Receive(
                    new ComplaintId(l.Text("complaint")), FindCustomer(l, c).Id, l.Enum<Channel>("channel"), l.Enum<ComplaintCategory>("category"), l.Enum<Severity>("severity"), at,
                    l.OptionalMoney("claimedLoss"), l.Optional("againstStaff") is { } s ? new StaffId(s) : null,
                    l.Optional("againstDepartment") is { } d ? new DepartmentId(d) : null, l.Optional("ticket") is { } t ? new TicketId(t) : null,
                    l.Bool("callbackRequired", true)));
                break;
            case "ComplaintRegistered":
                FindComplaint(l, c).Register(at);
                break;
            case "InvestigationAssigned":
                FindComplaint(l, c).AssignInvestigation(new DepartmentId(l.Text("department")), new StaffId(l.Text("staff")), l.Instant("deadline"), at);
                break;
            case "ComplaintResponded":
                FindComplaint(l, c).Respond(l.Text("reply"), l.Text("remedy"), at);
                break;
            case "ComplaintResolved":
                FindComplaint(l, c).Resolve(at);
                break;
            case "VerdictRecorded":
                FindComplaint(l, c).RecordVerdict(l.Enum<VerdictOutcome>("outcome"), l.Text("reason"), new StaffId(l.Text("staff")), at);
                break;
            case "CallbackRecorded":
                FindComplaint(l, c).RecordCallback(l.Bool("satisfied", true), at);
                break;
            case "CallbackWaived":
                FindComplaint(l, c).WaiveCallback(l.Text("reason"), at);
                break;
            case "ComplaintClosed":
                FindComplaint(l, c).Close(at);
                break;
            case "ComplaintWithdrawn":
                FindComplaint(l, c).Withdraw(l.Text("reason"), at);
                break;
            case "ComplaintMerged":
                Find(c.ComplaintMap, new ComplaintId(l.Text("primary")), "complaint").Merge(FindComplaint(l, c), at);
                break;
            case "ComplaintEscalated":
                FindComplaint(l, c).Escalate(l.Int("level"), l.Text("target"), l.Text("reason"), at);
                break;
            case "CompensationRecorded":
                FindComplaint(l, c).RecordCompensation(l.Money("amount"), at);
                break;
            case "SeverityChanged":
                FindComplaint(l, c).ChangeSeverity(l.Enum<Severity>("severity"), at);
                break;
            case "VisitPlanned":
                var subject = l.Optional("subjectTicket") is { } ticket ? VisitSubject.ForTicket(new TicketId(ticket))
                    : l.Optional("subjectComplaint") is { } complaint ? VisitSubject.ForComplaint(new ComplaintId(complaint)) : VisitSubject.None;
                Add(c.VisitMap, new VisitId(l.Text("visit")), "visit", VisitRecord.Plan(
                    new VisitId(l.Text("visit")), FindCustomer(l, c).Id, subject, l.Enum<VisitKind>("kind"), l.Instant("due"), l.Int("maxAttempts"), at));
                break;
            case "VisitAttempt":
                FindVisit(l, c).RecordAttempt(l.Enum<AttemptOutcome>("outcome"), at);
                break;
            case "VisitCompleted":
                FindVisit(l, c).Complete((SatisfactionRating)l.Int("rating"), l.Ratings("dimensions"), l.Optional("comment"), new StaffId(l.Text("staff")), at);
                break;
            case "VisitMissed":
                FindVisit(l, c).MarkMissed(at);
                break;
            case "VisitCancelled":
                FindVisit(l, c).Cancel(l.Text("reason"), at);
                break;
            default:
                throw new LineException($"unknown event type '{l.Type}'");
        }
    }

    private static Customer FindCustomer(Line l, ReplayedCases c) => Find(c.CustomerMap, new CustomerId(l.Text("customer")), "customer");

    private static Ticket FindTicket(Line l, ReplayedCases c) => Find(c.TicketMap, new TicketId(l.Text("ticket")), "ticket");

    private static Complaint FindComplaint(Line l, ReplayedCases c) => Find(c.ComplaintMap, new ComplaintId(l.Text("complaint")), "complaint");

    private static VisitRecord FindVisit(Line l, ReplayedCases c) => Find(c.VisitMap, new VisitId(l.Text("visit")), "visit");

    private static T Find<TKey, T>(Dictionary<TKey, T> map, TKey id, string what)
        where TKey : notnull =>
        map.TryGetValue(id, out var found) ? found : throw new LineException($"unknown {what} '{id}'");

    private static void Add<TKey, T>(Dictionary<TKey, T> map, TKey id, string what, T value)
        where TKey : notnull
    {
        if (!map.TryAdd(id, value))
        {
            throw new LineException($"{what} '{id}' already exists");
        }
    }

    private static readonly string TierCodes = string.Join(", ", ServiceTier.WellKnown.Select(t => t.Code));

    /// <summary>A problem with one line's content.</summary>
    private sealed class LineException(string message) : Exception(message);

    /// <summary>Typed access to a line's fields, with messages that name the missing or bad field.</summary>
    private readonly struct Line(JsonElement root)
    {
        public string Type => Text("type");

        public Instant At => Instant("at");

        public string Text(string name) =>
            Optional(name) ?? throw new LineException($"missing field '{name}'");

        public string? Optional(string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : throw new LineException($"field '{name}' must be a string")
                : null;

        public Instant Instant(string name) =>
            IsoInstant.TryParse(Text(name), out var parsed) ? parsed : throw new LineException($"field '{name}' is not an ISO-8601 instant such as 2025-01-13T01:00:00Z or 2025-01-13T09:00:00+08:00");

        public LocalDate Date(string name) =>
            LocalDatePattern.Iso.Parse(Text(name)) is { Success: true } parsed ? parsed.Value : throw new LineException($"field '{name}' is not an ISO-8601 date such as 2025-01-01");

        public TEnum Enum<TEnum>(string name)
            where TEnum : struct, Enum =>
            System.Enum.TryParse<TEnum>(Text(name), ignoreCase: false, out var value) && System.Enum.IsDefined(value)
                ? value
                : throw new LineException($"field '{name}' must be one of {string.Join(", ", System.Enum.GetNames<TEnum>())}");

        public ServiceTier Tier(string name) =>
            ServiceTier.TryGetWellKnown(Text(name), out var tier) ? tier : throw new LineException($"field '{name}' must be one of {TierCodes}");

        public int Int(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
                ? number
                : throw new LineException($"missing or non-integer field '{name}'");

        public bool Bool(string name, bool otherwise) =>
            !root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null ? otherwise
            : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
            : throw new LineException($"field '{name}' must be true or false");

        public Money Money(string name) => OptionalMoney(name) ?? throw new LineException($"missing field '{name}'");

        public Money? OptionalMoney(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Number
                || !value.TryGetProperty("currency", out var currency) || currency.ValueKind != JsonValueKind.String)
            {
                throw new LineException($"field '{name}' must be {{\"amount\": 10000, \"currency\": \"CNY\"}}");
            }

            return new Money(amount.GetDecimal(), currency.GetString()!);
        }

        public CareFlags Flags(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new LineException($"missing field '{name}' (an array of flag names)");
            }

            // Only the single flags' own names: no numbers, no comma lists.
            var names = System.Enum.GetNames<CareFlags>().Where(n => n != nameof(CareFlags.None)).ToArray();
            var flags = CareFlags.None;
            foreach (var item in value.EnumerateArray())
            {
                var flag = item.ValueKind == JsonValueKind.String ? Array.Find(names, n => n == item.GetString()) : null;
                flags |= flag is null ? throw new LineException($"field '{name}' must hold only {string.Join(", ", names)}") : System.Enum.Parse<CareFlags>(flag);
            }

            return flags;
        }

        public Dictionary<string, SatisfactionRating>? Ratings(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            var ratings = value.ValueKind == JsonValueKind.Object ? new Dictionary<string, SatisfactionRating>(StringComparer.Ordinal)
                : throw new LineException($"field '{name}' must be an object of ratings 1-5, such as {{\"repair\": 5}}");
            foreach (var rating in value.EnumerateObject())
            {
                ratings[rating.Name] = rating.Value.ValueKind == JsonValueKind.Number && rating.Value.TryGetInt32(out var number) && number is >= 1 and <= 5
                    ? (SatisfactionRating)number
                    : throw new LineException($"field '{name}' must be an object of ratings 1-5, such as {{\"repair\": 5}}");
            }

            return ratings;
        }

        public DepartmentId? Department() => Optional("department") is { } d ? new DepartmentId(d) : null;
    }
}
