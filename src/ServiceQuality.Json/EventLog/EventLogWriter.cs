using System.Buffers;
using System.Text.Json;
using Ardalis.GuardClauses;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;
using ServiceQuality.Json.Converters;

namespace ServiceQuality.Json;

/// <summary>
/// Writes domain events of customers, tickets, complaints and visit records as an event log: JSON Lines, one event an
/// object with <c>at</c> (an ISO-8601 instant in UTC), <c>type</c>, the case id and the event's fields, in the format the
/// repository's <c>docs/formats.md</c> documents ("Event logs") and its event-log replay reads.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="WriteCases"/> writes whole aggregates in an order a replay accepts; the <c>Write</c> overloads write single
/// events in the order given, leaving the order to the caller. Text is written as UTF-8 with every character outside
/// printable ASCII escaped (<c>\u5F20</c>), so a line never holds a raw control character or line break.
/// </para>
/// <para>
/// What a replay derives is not repeated: a transfer's previous assignee, a priority change's previous priority and the
/// primary complaint's side of a merge (<see cref="DuplicateMerged"/>, which replaying the duplicate's
/// <see cref="ComplaintMerged"/> raises again) are not written. A ticket's agreement is written as its id; a replay
/// uses the version of that agreement it is given.
/// </para>
/// <para>
/// Lines are buffered and reach the destination stream when about 32 KB have gathered, on <see cref="Flush"/> and on
/// <see cref="Dispose"/>. Not thread-safe: one writer serves one thread at a time.
/// </para>
/// </remarks>
public sealed class EventLogWriter : IDisposable
{
    private const int FlushThreshold = 32 * 1024;

    private static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText CustomerField = JsonEncodedText.Encode("customer");
    private static readonly JsonEncodedText TicketField = JsonEncodedText.Encode("ticket");
    private static readonly JsonEncodedText ComplaintField = JsonEncodedText.Encode("complaint");
    private static readonly JsonEncodedText VisitField = JsonEncodedText.Encode("visit");
    private static readonly JsonEncodedText Staff = JsonEncodedText.Encode("staff");
    private static readonly JsonEncodedText Department = JsonEncodedText.Encode("department");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Tier = JsonEncodedText.Encode("tier");
    private static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText Priority = JsonEncodedText.Encode("priority");
    private static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText Phone = JsonEncodedText.Encode("phone");
    private static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");
    private static readonly JsonEncodedText Address = JsonEncodedText.Encode("address");
    private static readonly JsonEncodedText Since = JsonEncodedText.Encode("since");
    private static readonly JsonEncodedText EffectiveFrom = JsonEncodedText.Encode("effectiveFrom");
    private static readonly JsonEncodedText Deadline = JsonEncodedText.Encode("deadline");
    private static readonly JsonEncodedText Due = JsonEncodedText.Encode("due");
    private static readonly Where Event = new("event-log event");

    private readonly Stream _destination;
    private readonly bool _leaveOpen;
    private readonly ArrayBufferWriter<byte> _buffer = new(FlushThreshold * 2);

    // Each line is written on its own, so a line whose event cannot be written never reaches _buffer.
    private readonly ArrayBufferWriter<byte> _line = new(1024);
    private readonly Utf8JsonWriter _json;

    /// <summary>The strict values' writers write through this to <see cref="_json"/>.</summary>
    private readonly JsonOut _out;
    private bool _disposed;

    /// <summary>Creates a writer that writes UTF-8 lines to <paramref name="destination"/>.</summary>
    /// <param name="destination">A writable stream; the log is written from its current position.</param>
    /// <param name="leaveOpen">Whether <see cref="Dispose"/> leaves <paramref name="destination"/> open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> cannot be written.</exception>
    public EventLogWriter(Stream destination, bool leaveOpen = false)
    {
        Guard.Against.Null(destination);
        Guard.Against.InvalidInput(destination, nameof(destination), static d => d.CanWrite, "The stream cannot be written.");
        _destination = destination;
        _leaveOpen = leaveOpen;
        _json = new Utf8JsonWriter(_line);
        _out = new JsonOut(_json);
    }

    /// <summary>How many lines (events) this writer has written so far.</summary>
    public long EventsWritten { get; private set; }

    /// <summary>
    /// Writes the whole history of the given cases as one log that a replay accepts: every event ordered by its instant;
    /// among events of the same instant the creation events (<c>CustomerRegistered</c>, <c>TicketOpened</c>,
    /// <c>ComplaintReceived</c>, <c>VisitPlanned</c>) first, so that every case exists before an event names it; otherwise
    /// in the order given — customers, tickets, complaints, visit records, each history oldest first.
    /// </summary>
    /// <param name="customers">The customers; every customer a ticket, complaint or visit names should be among them.</param>
    /// <param name="tickets">The tickets.</param>
    /// <param name="complaints">The complaints; the primary of a merge should be among them.</param>
    /// <param name="visits">The callbacks and visits.</param>
    /// <exception cref="ArgumentNullException">An argument is null or holds null.</exception>
    /// <exception cref="JsonException">An event holds a value the format cannot carry (an undeclared enum value, money without a currency, text with a lone surrogate).</exception>
    /// <exception cref="IOException">The destination stream cannot be written.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void WriteCases(IEnumerable<Customer> customers, IEnumerable<Ticket> tickets, IEnumerable<Complaint> complaints, IEnumerable<VisitRecord> visits)
    {
        Guard.Against.Null(customers);
        Guard.Against.Null(tickets);
        Guard.Against.Null(complaints);
        Guard.Against.Null(visits);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var events = new List<IDomainEvent>();
        var creations = new List<bool>();
        void Add<TEvent>(IReadOnlyList<TEvent> history)
            where TEvent : IDomainEvent
        {
            for (var i = 0; i < history.Count; i++)
            {
                events.Add(history[i]);
                creations.Add(i == 0);
            }
        }

        foreach (var customer in customers)
        {
            Add(Guard.Against.Null(customer, nameof(customers)).History);
        }

        foreach (var ticket in tickets)
        {
            Add(Guard.Against.Null(ticket, nameof(tickets)).History);
        }

        foreach (var complaint in complaints)
        {
            Add(Guard.Against.Null(complaint, nameof(complaints)).History);
        }

        foreach (var visit in visits)
        {
            Add(Guard.Against.Null(visit, nameof(visits)).History);
        }

        // Sorting indices with the index as the last key keeps equal events in the order given (a stable sort).
        var order = new int[events.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) =>
        {
            var byInstant = events[a].OccurredAt.CompareTo(events[b].OccurredAt);
            return byInstant != 0 ? byInstant : creations[a] != creations[b] ? (creations[a] ? -1 : 1) : a.CompareTo(b);
        });
        foreach (var index in order)
        {
            switch (events[index])
            {
                case CustomerEvent e:
                    Write(e);
                    break;
                case TicketEvent e:
                    Write(e);
                    break;
                case ComplaintEvent e:
                    Write(e);
                    break;
                case VisitEvent e:
                    Write(e);
                    break;
            }
        }
    }

    /// <summary>Writes one customer event as one line.</summary>
    /// <param name="event">The event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="event"/> is of a type this writer does not know.</exception>
    /// <exception cref="JsonException">The event holds a value the format cannot carry.</exception>
    /// <exception cref="IOException">The destination stream cannot be written.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(CustomerEvent @event)
    {
        Guard.Against.Null(@event);
        var id = @event.CustomerId.Value;
        switch (@event)
        {
            case CustomerRegistered e:
                Start(e, "CustomerRegistered", CustomerField, id);
                Text("name", e.DisplayName);
                _json.WriteString(Tier, e.Tier.Code);
                JsonValues.WriteDate(_out, Since, e.CustomerSince, Event);
                Contact(e.Contact);
                break;
            case TierChanged e:
                Start(e, "TierChanged", CustomerField, id);
                _json.WriteString(Tier, e.Tier.Code);
                JsonValues.WriteDate(_out, EffectiveFrom, e.EffectiveFrom, Event);
                Text(Reason, e.Reason);
                break;
            case SpendRecorded e:
                Start(e, "SpendRecorded", CustomerField, id);
                _json.WriteNumber("year", e.Year);
                Money(Amount, e.Amount);
                break;
            case CreditGradeChanged e:
                Start(e, "CreditGradeChanged", CustomerField, id);
                _json.WriteString("grade", EnumCodec<CreditGrade>.Name(e.Grade, Event));
                break;
            case TrustScoreUpdated e:
                Start(e, "TrustScoreUpdated", CustomerField, id);
                _json.WriteNumber("score", e.Score);
                Text(Reason, e.Reason);
                break;
            case AccountManagerAssigned e:
                Start(e, "AccountManagerAssigned", CustomerField, id);
                Optional("manager", e.Manager?.Value);
                break;
            case CareFlagsChanged e:
                Start(e, "CareFlagsChanged", CustomerField, id);
                _json.WritePropertyName("flags");
                EnumCodec<CareFlags>.WriteFlags(_out, e.Flags, Event);
                break;
            case ContactDetailsChanged e:
                Start(e, "ContactDetailsChanged", CustomerField, id);
                Contact(e.Contact);
                break;
            default:
                throw Unknown(@event);
        }

        End();
    }

    /// <summary>Writes one ticket event as one line.</summary>
    /// <param name="event">The event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="event"/> is of a type this writer does not know.</exception>
    /// <exception cref="JsonException">The event holds a value the format cannot carry.</exception>
    /// <exception cref="IOException">The destination stream cannot be written.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(TicketEvent @event)
    {
        Guard.Against.Null(@event);
        var id = @event.TicketId.Value;
        switch (@event)
        {
            case TicketOpened e:
                Start(e, "TicketOpened", TicketField, id);
                _json.WriteString(CustomerField, e.Customer.Value);
                _json.WriteString(Kind, EnumCodec<TicketKind>.Name(e.Kind, Event));
                _json.WriteString(Channel, EnumCodec<Channel>.Name(e.Channel, Event));
                _json.WriteString(Priority, EnumCodec<Priority>.Name(e.Priority, Event));
                _json.WriteString(Staff, e.FirstContactOwner.Value);
                _json.WriteString(Tier, e.CustomerTier.Code);
                Agreements(e.Agreement, e.OtherAgreements);
                _json.WriteBoolean("onSite", e.RequiresOnSiteVisit);
                if (e.ClaimedLoss is { } claimed)
                {
                    Money("claimedLoss", claimed);
                }

                break;
            case TicketAssigned e:
                Start(e, "TicketAssigned", TicketField, id);
                _json.WriteString(Staff, e.Assignee.Value);
                Optional(Department, e.Department?.Value);
                break;
            case TicketTransferred e:
                Start(e, "TicketTransferred", TicketField, id);
                _json.WriteString(Staff, e.To.Value);
                Optional(Department, e.Department?.Value);
                break;
            case TicketWorkStarted e:
                Start(e, "TicketWorkStarted", TicketField, id);
                break;
            case ResponseRecorded e:
                Start(e, "ResponseRecorded", TicketField, id);
                _json.WriteString(Staff, e.By.Value);
                _json.WriteBoolean("public", e.IsPublic);
                break;
            case TicketOnHold e:
                Start(e, "TicketOnHold", TicketField, id);
                _json.WriteString(Reason, e.Reason.Code);
                break;
            case TicketResumed e:
                Start(e, "TicketResumed", TicketField, id);
                break;
            case ReferredToThirdParty e:
                Start(e, "ReferredToThirdParty", TicketField, id);
                Text("party", e.Party);
                break;
            case ThirdPartyReturned e:
                Start(e, "ThirdPartyReturned", TicketField, id);
                Text("result", e.Result);
                break;
            case OnSiteArrived e:
                Start(e, "OnSiteArrived", TicketField, id);
                _json.WriteString(Staff, e.By.Value);
                break;
            case PriorityChanged e:
                Start(e, "PriorityChanged", TicketField, id);
                _json.WriteString(Priority, EnumCodec<Priority>.Name(e.To, Event));
                break;
            case TicketResolved e:
                Start(e, "TicketResolved", TicketField, id);
                _json.WriteString(Staff, e.By.Value);
                break;
            case TicketReopened e:
                Start(e, "TicketReopened", TicketField, id);
                Text(Reason, e.Reason);
                break;
            case TicketClosed e:
                Start(e, "TicketClosed", TicketField, id);
                break;
            case TicketCancelled e:
                Start(e, "TicketCancelled", TicketField, id);
                Text(Reason, e.Reason);
                break;
            case TicketEscalated e:
                Start(e, "TicketEscalated", TicketField, id);
                _json.WriteNumber("level", e.Level);
                Text("target", e.Target);
                Text(Reason, e.Reason);
                break;
            case TicketAgreementsReselected e:
                Start(e, "TicketAgreementsReselected", TicketField, id);
                _json.WriteString(Tier, e.CustomerTier.Code);
                Agreements(e.Agreement, e.OtherAgreements);
                Text(Reason, e.Reason);
                break;
            default:
                throw Unknown(@event);
        }

        End();
    }

    /// <summary>
    /// Writes one complaint event as one line; a <see cref="DuplicateMerged"/> writes nothing (replaying the duplicate's
    /// <see cref="ComplaintMerged"/> raises it again on the primary).
    /// </summary>
    /// <param name="event">The event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="event"/> is of a type this writer does not know.</exception>
    /// <exception cref="JsonException">The event holds a value the format cannot carry.</exception>
    /// <exception cref="IOException">The destination stream cannot be written.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(ComplaintEvent @event)
    {
        Guard.Against.Null(@event);
        var id = @event.ComplaintId.Value;
        switch (@event)
        {
            case ComplaintReceived e:
                Start(e, "ComplaintReceived", ComplaintField, id);
                _json.WriteString(CustomerField, e.Customer.Value);
                _json.WriteString(Channel, EnumCodec<Channel>.Name(e.Channel, Event));
                _json.WriteString("category", EnumCodec<ComplaintCategory>.Name(e.Category, Event));
                _json.WriteString(Severity, EnumCodec<Severity>.Name(e.Severity, Event));
                if (e.ClaimedLoss is { } loss)
                {
                    Money("claimedLoss", loss);
                }

                Optional("againstStaff", e.AgainstStaff?.Value);
                Optional("againstDepartment", e.AgainstDepartment?.Value);
                Optional(TicketField, e.RelatedTicket?.Value);
                _json.WriteBoolean("callbackRequired", e.CallbackRequired);
                Agreements(e.Agreement, e.OtherAgreements);
                Optional(Tier, e.CustomerTier?.Code);
                break;
            case ComplaintRegistered e:
                Start(e, "ComplaintRegistered", ComplaintField, id);
                break;
            case InvestigationAssigned e:
                Start(e, "InvestigationAssigned", ComplaintField, id);
                _json.WriteString(Department, e.Department.Value);
                _json.WriteString(Staff, e.Person.Value);
                JsonValues.WriteInstant(_out, Deadline, e.Deadline);
                break;
            case ComplaintResponded e:
                Start(e, "ComplaintResponded", ComplaintField, id);
                Text("reply", e.Reply);
                Text("remedy", e.Remedy);
                break;
            case ComplaintResolved e:
                Start(e, "ComplaintResolved", ComplaintField, id);
                break;
            case VerdictRecorded e:
                Start(e, "VerdictRecorded", ComplaintField, id);
                _json.WriteString("outcome", EnumCodec<VerdictOutcome>.Name(e.Outcome, Event));
                Text(Reason, e.Reason);
                _json.WriteString(Staff, e.DecidedBy.Value);
                break;
            case CallbackRecorded e:
                Start(e, "CallbackRecorded", ComplaintField, id);
                _json.WriteBoolean("satisfied", e.Satisfied);
                break;
            case CallbackWaived e:
                Start(e, "CallbackWaived", ComplaintField, id);
                Text(Reason, e.Reason);
                break;
            case ComplaintClosed e:
                Start(e, "ComplaintClosed", ComplaintField, id);
                break;
            case ComplaintWithdrawn e:
                Start(e, "ComplaintWithdrawn", ComplaintField, id);
                Text(Reason, e.Reason);
                break;
            case ComplaintMerged e:
                Start(e, "ComplaintMerged", ComplaintField, id);
                _json.WriteString("primary", e.Primary.Value);
                break;
            case DuplicateMerged:
                return;
            case ComplaintEscalated e:
                Start(e, "ComplaintEscalated", ComplaintField, id);
                _json.WriteNumber("level", e.Level);
                Text("target", e.Target);
                Text(Reason, e.Reason);
                break;
            case CompensationRecorded e:
                Start(e, "CompensationRecorded", ComplaintField, id);
                Money(Amount, e.Amount);
                break;
            case SeverityChanged e:
                Start(e, "SeverityChanged", ComplaintField, id);
                _json.WriteString(Severity, EnumCodec<Severity>.Name(e.Severity, Event));
                break;
            case ComplaintAgreementsReselected e:
                Start(e, "ComplaintAgreementsReselected", ComplaintField, id);
                _json.WriteString(Tier, e.CustomerTier.Code);
                Agreements(e.Agreement, e.OtherAgreements);
                Text(Reason, e.Reason);
                break;
            default:
                throw Unknown(@event);
        }

        End();
    }

    /// <summary>Writes one event of a callback or visit as one line.</summary>
    /// <param name="event">The event.</param>
    /// <exception cref="ArgumentNullException"><paramref name="event"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="event"/> is of a type this writer does not know.</exception>
    /// <exception cref="JsonException">The event holds a value the format cannot carry.</exception>
    /// <exception cref="IOException">The destination stream cannot be written.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Write(VisitEvent @event)
    {
        Guard.Against.Null(@event);
        var id = @event.VisitId.Value;
        switch (@event)
        {
            case VisitPlanned e:
                Start(e, "VisitPlanned", VisitField, id);
                _json.WriteString(CustomerField, e.Customer.Value);
                _json.WriteString(Kind, EnumCodec<VisitKind>.Name(e.Kind, Event));
                JsonValues.WriteInstant(_out, Due, e.Due);
                _json.WriteNumber("maxAttempts", e.MaxAttempts);
                Optional("subjectTicket", e.Subject?.Ticket?.Value);
                Optional("subjectComplaint", e.Subject?.Complaint?.Value);
                if (e.RetryInterval > NodaTime.Duration.Zero)
                {
                    _json.WriteString("retryInterval", IsoDuration(e.RetryInterval));
                }

                break;
            case VisitAttemptRecorded e:
                Start(e, "VisitAttempt", VisitField, id);
                _json.WriteString("outcome", EnumCodec<AttemptOutcome>.Name(e.Outcome, Event));
                break;
            case VisitCompleted e:
                Start(e, "VisitCompleted", VisitField, id);
                _json.WriteNumber("rating", Rating(e.Overall));
                _json.WriteString(Staff, e.PerformedBy.Value);
                if (e.Comment is { } comment)
                {
                    Text("comment", comment);
                }

                if (e.Dimensions is { Count: > 0 } dimensions)
                {
                    _json.WriteStartObject("dimensions");
                    foreach (var (name, rating) in dimensions.OrderBy(d => d.Key, StringComparer.Ordinal))
                    {
                        _json.WriteNumber(JsonValues.Text(name, Event), Rating(rating));
                    }

                    _json.WriteEndObject();
                }

                break;
            case VisitMissed e:
                Start(e, "VisitMissed", VisitField, id);
                break;
            case VisitCancelled e:
                Start(e, "VisitCancelled", VisitField, id);
                Text(Reason, e.Reason);
                break;
            default:
                throw Unknown(@event);
        }

        End();
    }

    /// <summary>Writes the buffered lines to the destination stream and flushes it.</summary>
    /// <exception cref="IOException">The destination stream cannot be written.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Drain();
        _destination.Flush();
    }

    /// <summary>
    /// Writes the buffered lines to the destination stream and, unless the writer was created to leave it open, disposes
    /// the stream. Only whole lines are written: a line whose event could not be written is left out.
    /// </summary>
    /// <exception cref="IOException">The destination stream cannot be written.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            Drain();
            _destination.Flush();
        }
        finally
        {
            _json.Dispose();
            if (!_leaveOpen)
            {
                _destination.Dispose();
            }
        }
    }

    private static int Rating(SatisfactionRating rating) =>
        Enum.IsDefined(rating) ? (int)rating : throw JsonErrors.Unwritable(Event, $"{rating} is not a declared SatisfactionRating.");

    private static ArgumentException Unknown(IDomainEvent @event) =>
        new($"{@event.GetType().Name} is not an event type of the event-log format.", nameof(@event));

    private void Start(IDomainEvent @event, string type, JsonEncodedText idField, string id)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _line.ResetWrittenCount();
        _json.Reset();
        _json.WriteStartObject();
        JsonValues.WriteInstant(_out, At, @event.OccurredAt);
        _json.WriteString(Type, type);
        _json.WriteString(idField, id);
    }

    private void End()
    {
        _json.WriteEndObject();
        _json.Flush();
        _buffer.Write(_line.WrittenSpan);
        _buffer.Write("\n"u8);
        EventsWritten++;
        if (_buffer.WrittenCount >= FlushThreshold)
        {
            Drain();
        }
    }

    private void Drain()
    {
        if (_buffer.WrittenCount > 0)
        {
            _destination.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }

    /// <summary>A positive duration in the ISO-8601 form the reader takes: <c>P1DT2H30M0.5S</c>, zero parts included.</summary>
    private static string IsoDuration(NodaTime.Duration value) => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"P{value.Days}DT{value.Hours}H{value.Minutes}M{value.Seconds}{(value.SubsecondNanoseconds == 0 ? string.Empty : "." + value.SubsecondNanoseconds.ToString("D9", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0'))}S");

    /// <summary>The agreement a case opened under, by id and version, and the others beside it (OLAs, a contract), when it has any.</summary>
    private void Agreements(AgreementReference? agreement, IReadOnlyList<AgreementReference> others)
    {
        if (agreement is { } main)
        {
            _json.WriteString("agreement", main.Id.Value);
            _json.WriteNumber("agreementVersion", main.Version);
        }

        if (others.Count == 0)
        {
            return;
        }

        _json.WriteStartArray("otherAgreements");
        foreach (var other in others)
        {
            _json.WriteStartObject();
            _json.WriteString("id", other.Id.Value);
            _json.WriteNumber("version", other.Version);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
    }

    private void Optional(JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            Text(name, value);
        }
    }

    private void Optional(string name, string? value)
    {
        if (value is not null)
        {
            Text(name, value);
        }
    }

    private void Text(JsonEncodedText name, string value) => _json.WriteString(name, JsonValues.Text(value, Event));

    private void Text(string name, string value) => _json.WriteString(name, JsonValues.Text(value, Event));

    private void Money(JsonEncodedText name, Money value)
    {
        _json.WritePropertyName(name);
        ValueCodecs.WriteMoney(_out, value, Event);
    }

    private void Money(string name, Money value) => Money(JsonEncodedText.Encode(name), value);

    private void Contact(ContactDetails? contact)
    {
        Optional(Phone, contact?.Phone);
        Optional(Email, contact?.Email);
        Optional(Address, contact?.Address);
    }
}
