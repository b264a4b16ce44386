using System.Text;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Calendars;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Json.Converters;
using ServiceQuality.Json.Reading;

namespace ServiceQuality.Json;

/// <summary>
/// Replays an event log — JSON Lines, one event an object with <c>at</c> (an ISO-8601 instant), <c>type</c>, the case id
/// and the event's fields (see <c>docs/formats.md</c>) — by driving the real aggregates' commands, so a log that breaks a
/// rule fails exactly as the API would. Lines are read by the same strict reader as definitions files: enumeration values
/// by their documented names only, no property twice, no unknown property, every value within what the library supports,
/// every referenced case known. The first bad line stops the replay with an <see cref="EventLogException"/> reading
/// <c>file:line: $.property: message</c>.
/// </summary>
public static class EventLogReplay
{
    /// <summary>The longest line accepted, in bytes.</summary>
    public const int MaxLineBytes = 1 << 20;

    /// <summary>Replays a log from its UTF-8 bytes (the fast path: nothing is decoded that need not be).</summary>
    /// <param name="utf8">The log; read to its end, not disposed.</param>
    /// <param name="file">The log's name, for messages.</param>
    /// <param name="agreements">The agreement versions tickets and complaints may name, by id.</param>
    /// <param name="calendars">The calendars, by id: local dates (the tier in force when a case opens) are taken in the time zone of the calendar of the agreement the case falls under.</param>
    /// <param name="defaultAgreement">The agreement of cases that name none (for their local dates), or null: then such cases use UTC dates.</param>
    /// <returns>The aggregates built.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="EventLogException">A line is malformed or breaks the format or a rule; the message and the properties locate it.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static ReplayedCases Replay(
        Stream utf8, string file, IReadOnlyDictionary<string, AgreementVersion> agreements, IReadOnlyDictionary<string, BusinessCalendar> calendars, AgreementVersion? defaultAgreement)
    {
        Guard.Against.Null(utf8);
        Guard.Against.Null(file);
        return Read(utf8, file, new Replayer(file, Guard.Against.Null(agreements), null, calendars, defaultAgreement));
    }

    /// <summary>
    /// Replays a log from its UTF-8 bytes, giving each case the agreement versions it opened under from a catalogue: a line
    /// that names its agreement's version (<c>agreementVersion</c>, as <see cref="EventLogWriter"/> writes) gets that version
    /// and the <c>otherAgreements</c> it lists (none when it lists none); a line of an older log that names only the
    /// agreement's id gets the version in force when the case opened and, beside it, the operational-level agreements and
    /// the contract the catalogue selects for the case (<see cref="AgreementCatalog.Select"/>) — what the case would have
    /// recorded had it opened under the catalogue.
    /// </summary>
    /// <param name="utf8">The log; read to its end, not disposed.</param>
    /// <param name="file">The log's name, for messages.</param>
    /// <param name="catalog">The agreement versions cases may name.</param>
    /// <param name="calendars">The calendars, by id: local dates (the tier in force when a case opens) are taken in the time zone of the calendar of the agreement the case falls under.</param>
    /// <param name="defaultAgreement">The agreement of cases that name none (for their local dates), or null: then such cases use UTC dates.</param>
    /// <returns>The aggregates built.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="EventLogException">
    /// A line is malformed or breaks the format or a rule — among them a version the catalogue does not hold, or, in an older
    /// log, an agreement with no version in force when the case opened; the message and the properties locate it.
    /// </exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static ReplayedCases Replay(
        Stream utf8, string file, AgreementCatalog catalog, IReadOnlyDictionary<string, BusinessCalendar> calendars, AgreementVersion? defaultAgreement)
    {
        Guard.Against.Null(utf8);
        Guard.Against.Null(file);
        return Read(utf8, file, new Replayer(file, null, Guard.Against.Null(catalog), calendars, defaultAgreement));
    }

    private static ReplayedCases Read(Stream utf8, string file, Replayer replay)
    {
        var buffer = new byte[64 * 1024];
        var (filled, line, first) = (0, 0, true);
        while (true)
        {
            var read = utf8.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = 0;
            if (first && filled >= 3 && buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
            {
                start = 3;
            }

            first = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    break;
                }

                replay.Line(++line, buffer, start, newline);
                start += newline + 1;
            }

            // Keep the unfinished line at the front of the buffer, growing the buffer for long lines up to the limit.
            filled -= start;
            Buffer.BlockCopy(buffer, start, buffer, 0, filled);
            if (read == 0)
            {
                if (filled > 0)
                {
                    replay.Line(++line, buffer, 0, filled);
                }

                return replay.Cases;
            }

            if (filled == buffer.Length)
            {
                if (buffer.Length >= MaxLineBytes)
                {
                    throw new EventLogException(file, line + 1, new DefinitionProblem("$", ProblemCode.OutOfRange, $"the line is longer than {MaxLineBytes:N0} bytes."));
                }

                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, MaxLineBytes));
            }
        }
    }

    /// <summary>Replays a log from text (each line is encoded to UTF-8 for the same reader; a lone surrogate is refused).</summary>
    /// <param name="reader">The log's text.</param>
    /// <param name="file">The log's name, for messages.</param>
    /// <param name="agreements">The agreement versions tickets and complaints may name, by id.</param>
    /// <param name="calendars">The calendars, by id (for local dates).</param>
    /// <param name="defaultAgreement">The agreement of cases that name none (for their local dates), or null for UTC dates.</param>
    /// <returns>The aggregates built.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="EventLogException">A line is malformed or breaks the format or a rule.</exception>
    public static ReplayedCases Replay(
        TextReader reader, string file, IReadOnlyDictionary<string, AgreementVersion> agreements, IReadOnlyDictionary<string, BusinessCalendar> calendars, AgreementVersion? defaultAgreement)
    {
        Guard.Against.Null(reader);
        Guard.Against.Null(file);
        return Read(reader, file, new Replayer(file, Guard.Against.Null(agreements), null, calendars, defaultAgreement));
    }

    /// <summary>Replays a log from text, giving each case the agreement versions it opened under from a catalogue; see <see cref="Replay(Stream, string, AgreementCatalog, IReadOnlyDictionary{string, BusinessCalendar}, AgreementVersion)"/>.</summary>
    /// <param name="reader">The log's text.</param>
    /// <param name="file">The log's name, for messages.</param>
    /// <param name="catalog">The agreement versions cases may name.</param>
    /// <param name="calendars">The calendars, by id (for local dates).</param>
    /// <param name="defaultAgreement">The agreement of cases that name none (for their local dates), or null for UTC dates.</param>
    /// <returns>The aggregates built.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="EventLogException">A line is malformed or breaks the format or a rule.</exception>
    public static ReplayedCases Replay(
        TextReader reader, string file, AgreementCatalog catalog, IReadOnlyDictionary<string, BusinessCalendar> calendars, AgreementVersion? defaultAgreement)
    {
        Guard.Against.Null(reader);
        Guard.Against.Null(file);
        return Read(reader, file, new Replayer(file, null, Guard.Against.Null(catalog), calendars, defaultAgreement));
    }

    private static ReplayedCases Read(TextReader reader, string file, Replayer replay)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var number = 0;
        var buffer = Array.Empty<byte>();
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Length > MaxLineBytes)
            {
                throw new EventLogException(file, number, new DefinitionProblem("$", ProblemCode.OutOfRange, $"the line is longer than {MaxLineBytes:N0} bytes."));
            }

            var lone = JsonTree.IndexOfLoneSurrogate(text);
            if (lone >= 0)
            {
                throw new EventLogException(file, number, new DefinitionProblem("$", ProblemCode.InvalidText, $"the line holds a lone surrogate at character {lone + 1}."));
            }

            var length = strict.GetByteCount(text);
            if (buffer.Length < length)
            {
                buffer = new byte[Math.Max(length, buffer.Length * 2)];
            }

            strict.GetBytes(text, 0, text.Length, buffer, 0);
            replay.Line(number, buffer, 0, length);
        }

        return replay.Cases;
    }

    /// <summary>The state of one replay: the tree reused line after line, the cases built, the references.</summary>
    private sealed class Replayer(
        string file, IReadOnlyDictionary<string, AgreementVersion>? agreements, AgreementCatalog? catalog, IReadOnlyDictionary<string, BusinessCalendar> calendars,
        AgreementVersion? defaultAgreement)
    {
        private readonly JsonTree _tree = new();
        private readonly ProblemSink _sink = new(stopAtFirst: true);
        private readonly IReadOnlyDictionary<string, BusinessCalendar> _calendars = Guard.Against.Null(calendars);
        private readonly DateTimeZone _defaultZone = ZoneOf(defaultAgreement, calendars);
        private readonly Dictionary<string, DateTimeZone> _zones = new(StringComparer.Ordinal);

        // What texts were read as, by their UTF-8 (see Utf8Cache): event types, agreements, the cases and the ids met.
        private readonly Utf8Cache<(EventType Type, string[] Fields)> _types = new(64);
        private readonly Utf8Cache<AgreementId> _agreementIds = new(16);
        private readonly Utf8Cache<Customer> _customers = new(16384);
        private readonly Utf8Cache<Ticket> _tickets = new(1024);
        private readonly Utf8Cache<Complaint> _complaints = new(1024);
        private readonly Utf8Cache<VisitRecord> _visits = new(256);
        private readonly Utf8Cache<StaffId> _staff = new(256);
        private readonly Utf8Cache<DepartmentId> _departments = new(64);
        private readonly Utf8Cache<HoldReason> _holds = new(16);

        public ReplayedCases Cases { get; } = new();

        public void Line(int number, byte[] buffer, int start, int length)
        {
            if (length > 0 && buffer[start + length - 1] == (byte)'\r')
            {
                length--;
            }

            if (buffer.AsSpan(start, length).Trim(" \t"u8).IsEmpty)
            {
                return;
            }

            try
            {
                if (!_tree.Parse(buffer, start, length, _sink, allowComments: false))
                {
                    return; // the sink has thrown
                }

                Apply(new Node(_tree, 0, _sink));
                Cases.Events++;
            }
            catch (FirstProblemException e)
            {
                throw new EventLogException(file, number, e.Problem);
            }
            catch (DomainRuleViolationException e)
            {
                throw new EventLogException(file, number, new DefinitionProblem("$", e.Rule.ToString(), e.Message), e.Rule, e);
            }
        }

        private void Apply(Node l)
        {
            if (l.Kind != JsonKind.Object)
            {
                l.Problem(ProblemCode.WrongType, $"an event is a JSON object, not {l.Describe()}.");
            }

            var typeNode = l.Get("type");
            if (!typeNode.IsPlainString || !_types.TryGet(typeNode.Utf8, out var shape))
            {
                if (!typeNode.String(required: true))
                {
                    return;
                }

                var typeName = _tree.SharedString(typeNode.Index);
                if (!EventTypes.Fields.TryGetValue(typeName, out shape))
                {
                    typeNode.Problem(ProblemCode.UnknownName, $"unknown event type '{JsonTree.Escape(typeName)}'; the types are listed in docs/formats.md.");
                    return;
                }

                if (typeNode.IsPlainString)
                {
                    _types.Set(typeNode.Utf8, shape);
                }
            }

            l.Object(shape.Fields);
            var at = l.Instant("at")!.Value;
            var c = Cases;
            switch (shape.Type)
            {
                case EventType.CustomerRegistered:
                    var newCustomer = l.Id("customer", Ids.Customer)!.Value;
                    var registered = Customer.Register(
                        newCustomer, l.Text("name")!, new ContactDetails(l.Text("phone", required: false), l.Text("email", required: false), l.Text("address", required: false)),
                        l.Tier("tier")!.Value, l.Date("since")!.Value, at);
                    Add(c.CustomerMap, _customers, newCustomer, l.Get("customer"), "customer", registered);
                    break;
                case EventType.TierChanged:
                    var (tier, effectiveFrom, reason) = (l.Tier("tier")!.Value, l.Date("effectiveFrom")!.Value, l.Text("reason")!);
                    FindCustomer(l).ChangeTier(tier, effectiveFrom, reason, at);
                    break;
                case EventType.SpendRecorded:
                    var (year, amount) = (l.Int("year", 1900, 2199)!.Value, l.Money("amount")!.Value);
                    FindCustomer(l).RecordSpend(year, amount, at);
                    break;
                case EventType.CreditGradeChanged:
                    FindCustomer(l).ChangeCreditGrade(l.Enum<CreditGrade>("grade")!.Value, at);
                    break;
                case EventType.TrustScoreUpdated:
                    var (score, trustReason) = (l.Int("score", 0, 100)!.Value, l.Text("reason")!);
                    FindCustomer(l).UpdateTrustScore(score, trustReason, at);
                    break;
                case EventType.AccountManagerAssigned:
                    FindCustomer(l).AssignAccountManager(l.Id("manager", Ids.Staff, required: false), at);
                    break;
                case EventType.CareFlagsChanged:
                    FindCustomer(l).SetCareFlags(Flags(l), at);
                    break;
                case EventType.ContactDetailsChanged:
                    var contact = new ContactDetails(l.Text("phone", required: false), l.Text("email", required: false), l.Text("address", required: false));
                    FindCustomer(l).ChangeContactDetails(contact, at);
                    break;
                case EventType.TicketOpened:
                    var ticketId = l.Id("ticket", Ids.Ticket)!.Value;
                    var customer = FindCustomer(l);
                    var (kind, channel, priority, staff) = (l.Enum<TicketKind>("kind")!.Value, l.Enum<Channel>("channel")!.Value, l.Enum<Priority>("priority")!.Value, Staff(l, "staff"));
                    var agreement = Agreement(l, at);
                    var onSite = l.Bool("onSite", false);
                    var openedTier = l.Tier("tier", required: false) ?? customer.TierOn(LocalDate(at, agreement));
                    var ticketOthers = ChoosesOthers(l, agreement)
                        ? ChosenBeside(agreement!, CaseProfile.ForTicket(openedTier, customer.Id, kind, channel, priority), at)
                        : ListedAgreements(l, agreement, at);
                    var opened = Ticket.Open(
                        ticketId, customer.Id, kind, channel, priority, staff, openedTier, at, agreement?.Reference, onSite, l.Money("claimedLoss", required: false), ticketOthers);
                    Add(c.TicketMap, _tickets, ticketId, l.Get("ticket"), "ticket", opened);
                    break;
                case EventType.TicketAssigned:
                    FindTicket(l).Assign(Staff(l, "staff"), Cached(_departments, l.Get("department"), Ids.Department, required: false), at);
                    break;
                case EventType.TicketTransferred:
                    FindTicket(l).Transfer(Staff(l, "staff"), Cached(_departments, l.Get("department"), Ids.Department, required: false), at);
                    break;
                case EventType.TicketWorkStarted:
                    FindTicket(l).StartWork(at);
                    break;
                case EventType.ResponseRecorded:
                    FindTicket(l).RecordResponse(Staff(l, "staff"), l.Bool("public", true), at);
                    break;
                case EventType.TicketOnHold:
                    FindTicket(l).Hold(Cached(_holds, l.Get("reason"), Ids.Hold)!.Value, at);
                    break;
                case EventType.TicketResumed:
                    FindTicket(l).Resume(at);
                    break;
                case EventType.ReferredToThirdParty:
                    FindTicket(l).ReferToThirdParty(l.Text("party")!, at);
                    break;
                case EventType.ThirdPartyReturned:
                    FindTicket(l).RecordThirdPartyReturn(l.Text("result")!, at);
                    break;
                case EventType.OnSiteArrived:
                    FindTicket(l).RecordOnSiteArrival(Staff(l, "staff"), at);
                    break;
                case EventType.PriorityChanged:
                    FindTicket(l).ChangePriority(l.Enum<Priority>("priority")!.Value, at);
                    break;
                case EventType.TicketResolved:
                    FindTicket(l).Resolve(Staff(l, "staff"), at);
                    break;
                case EventType.TicketReopened:
                    FindTicket(l).Reopen(l.Text("reason")!, at);
                    break;
                case EventType.TicketClosed:
                    FindTicket(l).Close(at);
                    break;
                case EventType.TicketCancelled:
                    FindTicket(l).Cancel(l.Text("reason")!, at);
                    break;
                case EventType.TicketEscalated:
                    var (ticketLevel, ticketTarget, ticketReason) = (l.Int("level", 1, 1000)!.Value, l.Text("target")!, l.Text("reason")!);
                    FindTicket(l).Escalate(ticketLevel, ticketTarget, ticketReason, at);
                    break;
                case EventType.TicketAgreementsReselected:
                    var recomputed = FindTicket(l);
                    var first = (ServiceQuality.Domain.Tickets.Events.TicketOpened)recomputed.History[0];
                    var again = ChosenAgain(l, first.OccurredAt, tier => CaseProfile.ForTicket(tier, first.Customer, first.Kind, first.Channel, first.Priority));
                    recomputed.ReselectAgreements(again.Tier, again.Agreement?.Reference, again.Others, l.Text("reason")!, at);
                    break;
                case EventType.ComplaintReceived:
                    var complaintId = l.Id("complaint", Ids.Complaint)!.Value;
                    var complainant = FindCustomer(l);
                    var (complaintChannel, category, severity) = (l.Enum<Channel>("channel")!.Value, l.Enum<ComplaintCategory>("category")!.Value, l.Enum<Severity>("severity")!.Value);
                    var claimedLoss = l.Money("claimedLoss", required: false);
                    var againstStaff = l.Id("againstStaff", Ids.Staff, required: false);
                    var againstDepartment = l.Id("againstDepartment", Ids.Department, required: false);
                    var related = l.Has("ticket") ? Find(c.TicketMap, l.Get("ticket"), Ids.Ticket, "ticket").Id : (TicketId?)null;
                    var complaintAgreement = Agreement(l, at);
                    var receivedTier = l.Tier("tier", required: false);
                    var complaintOthers = ChoosesOthers(l, complaintAgreement)
                        ? ChosenBeside(
                            complaintAgreement!,
                            CaseProfile.ForComplaint(receivedTier ?? complainant.TierOn(LocalDate(at, complaintAgreement)), complainant.Id, category, complaintChannel, severity), at)
                        : ListedAgreements(l, complaintAgreement, at);
                    var received = Complaint.Receive(
                        complaintId, complainant.Id, complaintChannel, category, severity, at, claimedLoss, againstStaff, againstDepartment, related, l.Bool("callbackRequired", true),
                        receivedTier, complaintAgreement?.Reference, complaintOthers);
                    Add(c.ComplaintMap, _complaints, complaintId, l.Get("complaint"), "complaint", received);
                    if (complaintAgreement is not null)
                    {
                        c.ComplaintAgreementMap[complaintId] = complaintAgreement.Reference;
                    }

                    break;
                case EventType.ComplaintRegistered:
                    FindComplaint(l).Register(at);
                    break;
                case EventType.InvestigationAssigned:
                    var (department, investigator, deadline) = (l.Id("department", Ids.Department)!.Value, Staff(l, "staff"), l.Instant("deadline")!.Value);
                    FindComplaint(l).AssignInvestigation(department, investigator, deadline, at);
                    break;
                case EventType.ComplaintResponded:
                    var (reply, remedy) = (l.Text("reply")!, l.Text("remedy")!);
                    FindComplaint(l).Respond(reply, remedy, at);
                    break;
                case EventType.ComplaintResolved:
                    FindComplaint(l).Resolve(at);
                    break;
                case EventType.VerdictRecorded:
                    var (outcome, verdictReason, judge) = (l.Enum<VerdictOutcome>("outcome")!.Value, l.Text("reason")!, Staff(l, "staff"));
                    FindComplaint(l).RecordVerdict(outcome, verdictReason, judge, at);
                    break;
                case EventType.CallbackRecorded:
                    FindComplaint(l).RecordCallback(l.Bool("satisfied", true), at);
                    break;
                case EventType.CallbackWaived:
                    FindComplaint(l).WaiveCallback(l.Text("reason")!, at);
                    break;
                case EventType.ComplaintClosed:
                    FindComplaint(l).Close(at);
                    break;
                case EventType.ComplaintWithdrawn:
                    FindComplaint(l).Withdraw(l.Text("reason")!, at);
                    break;
                case EventType.ComplaintMerged:
                    var duplicate = FindComplaint(l);
                    Find(c.ComplaintMap, l.Get("primary"), Ids.Complaint, "complaint").Merge(duplicate, at);
                    break;
                case EventType.ComplaintEscalated:
                    var (level, target, escalationReason) = (l.Int("level", 1, 1000)!.Value, l.Text("target")!, l.Text("reason")!);
                    FindComplaint(l).Escalate(level, target, escalationReason, at);
                    break;
                case EventType.CompensationRecorded:
                    FindComplaint(l).RecordCompensation(l.Money("amount")!.Value, at);
                    break;
                case EventType.SeverityChanged:
                    FindComplaint(l).ChangeSeverity(l.Enum<Severity>("severity")!.Value, at);
                    break;
                case EventType.ComplaintAgreementsReselected:
                    var reconsidered = FindComplaint(l);
                    var receipt = (ServiceQuality.Domain.Complaints.Events.ComplaintReceived)reconsidered.History[0];
                    var chosenAgain = ChosenAgain(l, receipt.OccurredAt, tier => CaseProfile.ForComplaint(tier, receipt.Customer, receipt.Category, receipt.Channel, receipt.Severity));
                    reconsidered.ReselectAgreements(chosenAgain.Tier, chosenAgain.Agreement?.Reference, chosenAgain.Others, l.Text("reason")!, at);
                    if (chosenAgain.Agreement is { } main)
                    {
                        c.ComplaintAgreementMap[reconsidered.Id] = main.Reference;
                    }
                    else
                    {
                        c.ComplaintAgreementMap.Remove(reconsidered.Id);
                    }

                    break;
                case EventType.VisitPlanned:
                    var visitId = l.Id("visit", Ids.Visit)!.Value;
                    var visited = FindCustomer(l);
                    if (l.Has("subjectTicket") && l.Has("subjectComplaint"))
                    {
                        l.Problem("subjectComplaint", ProblemCode.Conflict, "a visit is about a ticket or a complaint, not both.");
                    }

                    var subject = l.Has("subjectTicket") ? VisitSubject.ForTicket(Find(c.TicketMap, l.Get("subjectTicket"), Ids.Ticket, "ticket").Id)
                        : l.Has("subjectComplaint") ? VisitSubject.ForComplaint(Find(c.ComplaintMap, l.Get("subjectComplaint"), Ids.Complaint, "complaint").Id)
                        : VisitSubject.None;
                    var (visitKind, due, attempts) = (l.Enum<VisitKind>("kind")!.Value, l.Instant("due")!.Value, l.Int("maxAttempts", 1, 100)!.Value);
                    var retryInterval = l.Duration("retryInterval", required: false, positive: false) ?? Duration.Zero;
                    Add(c.VisitMap, _visits, visitId, l.Get("visit"), "visit", VisitRecord.Plan(visitId, visited.Id, subject, visitKind, due, attempts, retryInterval, at));
                    break;
                case EventType.VisitAttempt:
                    FindVisit(l).RecordAttempt(l.Enum<AttemptOutcome>("outcome")!.Value, at);
                    break;
                case EventType.VisitCompleted:
                    var (rating, comment, performer) = (l.Int("rating", 1, 5)!.Value, l.Text("comment", required: false), Staff(l, "staff"));
                    FindVisit(l).Complete((SatisfactionRating)rating, Ratings(l), comment, performer, at);
                    break;
                case EventType.VisitMissed:
                    FindVisit(l).MarkMissed(at);
                    break;
                case EventType.VisitCancelled:
                    FindVisit(l).Cancel(l.Text("reason")!, at);
                    break;
            }
        }

        /// <summary>Care flags as an array of the single flags' names (no numbers, no comma lists); <c>[]</c> for none.</summary>
        private static CareFlags Flags(Node l)
        {
            var flags = CareFlags.None;
            var node = l.Get("flags");
            if (node.Present(required: true) && node.Kind != JsonKind.Array)
            {
                node.Problem(ProblemCode.WrongType, $"an array of flag names is expected, not {node.Describe()}.");
            }

            foreach (var item in l.Items("flags", required: true))
            {
                flags |= item.AsEnum<CareFlags>(excluded: [CareFlags.None])!.Value;
            }

            return flags;
        }

        /// <summary>Ratings 1-5 by dimension name: <c>{"repair": 5}</c>; null when absent.</summary>
        private static Dictionary<string, SatisfactionRating>? Ratings(Node l)
        {
            var node = l.Get("dimensions");
            if (!node.Present(required: false))
            {
                return null;
            }

            if (!node.Object([.. node.Properties().Select(p => p.Name)]))
            {
                return null;
            }

            var ratings = new Dictionary<string, SatisfactionRating>(StringComparer.Ordinal);
            foreach (var (name, value) in node.Properties())
            {
                if (string.IsNullOrWhiteSpace(name) || name.Length > GuardExtensions.MaxIdLength || name.Any(char.IsControl))
                {
                    value.Problem(ProblemCode.InvalidText, $"a dimension is named by a non-blank text of at most {GuardExtensions.MaxIdLength} characters without control characters.");
                }

                ratings[name] = (SatisfactionRating)value.AsInt(1, 5)!.Value;
            }

            return ratings;
        }

        /// <summary>
        /// The agreement version a case names: by the dictionary, the version it holds under the id (a line's
        /// <c>agreementVersion</c> must be that one); by the catalogue, the version named, or in an older log the one in
        /// force at <paramref name="at"/>.
        /// </summary>
        private AgreementVersion? Agreement(Node l, Instant at)
        {
            var node = l.Get("agreement");
            var versionNode = l.Get("agreementVersion");
            var number = versionNode.IsMissing ? null : versionNode.AsInt(1, int.MaxValue);
            if (node.IsMissing)
            {
                if (number is not null)
                {
                    versionNode.Problem(ProblemCode.Conflict, "a version is given without the agreement it is of.");
                }

                return null;
            }

            var id = Cached(_agreementIds, node, static v => new AgreementId(v))!.Value;
            if (catalog is null)
            {
                if (!agreements!.TryGetValue(id.Value, out var held))
                {
                    node.Problem(ProblemCode.UnknownReference, $"unknown agreement '{JsonTree.Escape(id.Value)}'.");
                }
                else if (number is { } n && n != held.Version)
                {
                    versionNode.Problem(ProblemCode.UnknownReference, $"the agreements hold version {held.Version} of '{JsonTree.Escape(id.Value)}', not {n}.");
                }
                else if (!held.IsInForceAt(at))
                {
                    node.Problem(ProblemCode.Conflict, NotInForce(held, at));
                }

                return held;
            }

            if (number is { } named)
            {
                var found = catalog.Find(new AgreementReference(id, named));
                if (found is null)
                {
                    versionNode.Problem(ProblemCode.UnknownReference, $"the catalogue holds no version {named} of '{JsonTree.Escape(id.Value)}'.");
                }
                else if (!found.IsInForceAt(at))
                {
                    versionNode.Problem(ProblemCode.Conflict, NotInForce(found, at));
                }

                return found;
            }

            var inForce = catalog.VersionInForce(id, at);
            if (inForce is null)
            {
                node.Problem(ProblemCode.UnknownReference, NoneInForce(catalog, id, at));
            }

            return inForce;
        }

        /// <summary>
        /// Why no version of an agreement is in force. A method of its own: a lambda capturing a local of
        /// <see cref="Agreement"/> made the compiler allocate its closure on every call.
        /// </summary>
        /// <summary>
        /// Why a named version cannot be the case's: it was not in force when the case began (a version applies only to the
        /// cases that begin while it is, and the clock refuses any other).
        /// </summary>
        private static string NotInForce(AgreementVersion version, Instant start) =>
            $"{JsonTree.Escape(version.Reference.ToString())} is in force from {version.EffectiveFrom}{(version.EffectiveUntil is { } until ? $" until {until}" : string.Empty)}, not at {start}, when the case began.";

        private static string NoneInForce(AgreementCatalog catalog, AgreementId id, Instant at) =>
            catalog.Versions.Any(v => v.Id == id)
                ? $"no version of '{JsonTree.Escape(id.Value)}' is in force at {at}, when the case opens."
                : $"unknown agreement '{JsonTree.Escape(id.Value)}'.";

        /// <summary>
        /// The agreements a case records beside its main one: those the line lists (see <see cref="ListedAgreements"/>); in
        /// an older log replayed against a catalogue (no <c>agreementVersion</c>), the catalogue's choice for the case beside
        /// the main agreement (see <see cref="ChosenBeside"/>). Two steps rather than one taking a profile factory: a lambda
        /// capturing the line's values made the compiler allocate its closure for every line applied, of any type.
        /// </summary>
        private bool ChoosesOthers(Node l, AgreementVersion? main) =>
            catalog is not null && main is not null && l.Get("otherAgreements").IsMissing && !l.Has("agreementVersion");

        /// <summary>The catalogue's choice for a case beside its main agreement (every OLA, and the other kinds than the main one's).</summary>
        private AgreementReference[] ChosenBeside(AgreementVersion main, CaseProfile profile, Instant at)
        {
            // A loop rather than a query: it runs for every case an older log opens.
            var chosen = catalog!.Select(profile, at);
            var count = 0;
            for (var i = 0; i < chosen.Count; i++)
            {
                count += Beside(main, chosen[i]) ? 1 : 0;
            }

            if (count == 0)
            {
                return [];
            }

            var references = new AgreementReference[count];
            count = 0;
            for (var i = 0; i < chosen.Count; i++)
            {
                if (Beside(main, chosen[i]))
                {
                    references[count++] = chosen[i].Reference;
                }
            }

            return references;
        }

        private static bool Beside(AgreementVersion main, AgreementVersion other) =>
            other.Id != main.Id && (other.Kind == AgreementKind.OperationalLevel || other.Kind != main.Kind);

        /// <summary>
        /// What a recompute line chooses, as of the case's <paramref name="start"/>: the tier it gives, its agreement (the
        /// version in force at the start when it names none), and the other agreements it lists or, for a line naming
        /// neither them nor a version, the catalogue's choice beside it. Rare lines, so the profile may come from a closure.
        /// </summary>
        private (ServiceTier Tier, AgreementVersion? Agreement, AgreementReference[] Others) ChosenAgain(Node l, Instant start, Func<ServiceTier, CaseProfile> profile)
        {
            var (tier, agreement) = (l.Tier("tier")!.Value, Agreement(l, start));
            var others = ChoosesOthers(l, agreement) ? ChosenBeside(agreement!, profile(tier), start) : ListedAgreements(l, agreement, start);
            return (tier, agreement, others);
        }

        /// <summary>The other agreements the line lists, checked (each known and in force at the case's <paramref name="start"/>); empty when it lists none.</summary>
        private AgreementReference[] ListedAgreements(Node l, AgreementVersion? main, Instant start)
        {
            var listed = l.Get("otherAgreements");
            if (!listed.IsMissing)
            {
                // Without a main agreement too: a case may fall under OLAs or a contract alone, as the aggregates allow and
                // the writer writes.
                var references = new List<AgreementReference>();
                var named = new HashSet<AgreementId>();
                if (main is not null)
                {
                    named.Add(main.Id);
                }

                foreach (var item in l.Items("otherAgreements", required: true))
                {
                    if (!item.Object(["id", "version"]))
                    {
                        continue;
                    }

                    var reference = new AgreementReference(item.Id("id", static v => new AgreementId(v))!.Value, item.Int("version", 1, int.MaxValue)!.Value);
                    var known = catalog is not null
                        ? catalog.Find(reference)
                        : agreements!.TryGetValue(reference.Id.Value, out var held) && held.Version == reference.Version ? held : null;
                    if (known is null)
                    {
                        item.Problem(ProblemCode.UnknownReference, $"the agreements hold no {reference}.");
                    }
                    else if (!known.IsInForceAt(start))
                    {
                        item.Problem(ProblemCode.Conflict, NotInForce(known, start));
                    }
                    else if (!named.Add(reference.Id))
                    {
                        item.Problem(ProblemCode.DuplicateId, $"agreement '{JsonTree.Escape(reference.Id.Value)}' is named twice.");
                    }

                    references.Add(reference);
                }

                return [.. references];
            }

            return [];
        }

        private StaffId Staff(Node l, string property) => Cached(_staff, l.Get(property), Ids.Staff)!.Value;

        /// <summary>An id read as <see cref="Node.AsId"/> reads it, through the cache of its kind.</summary>
        private static TId? Cached<TId>(Utf8Cache<TId> cache, Node node, Func<string, TId> create, bool required = true)
            where TId : struct
        {
            if (node.IsPlainString && cache.TryGet(node.Utf8, out var hit))
            {
                return hit;
            }

            var id = node.AsId(create, required);
            if (id is { } value && node.IsPlainString)
            {
                cache.Set(node.Utf8, value);
            }

            return id;
        }

        /// <summary>The date on the calendar of the case's agreement (or the default agreement), so tiers change at local midnight.</summary>
        private LocalDate LocalDate(Instant at, AgreementVersion? agreement)
        {
            var zone = agreement is null ? _defaultZone : ZoneOf(agreement);
            return at.InZone(zone).Date;
        }

        private DateTimeZone ZoneOf(AgreementVersion agreement)
        {
            if (agreement.CalendarName is not { } name)
            {
                return _defaultZone;
            }

            if (!_zones.TryGetValue(name, out var zone))
            {
                _zones[name] = zone = _calendars.TryGetValue(name, out var calendar) ? calendar.Zone : _defaultZone;
            }

            return zone;
        }

        private static DateTimeZone ZoneOf(AgreementVersion? agreement, IReadOnlyDictionary<string, BusinessCalendar> calendars) =>
            agreement?.CalendarName is { } name && calendars.TryGetValue(name, out var calendar) ? calendar.Zone : DateTimeZone.Utc;

        private Customer FindCustomer(Node l) => Find(_customers, Cases.CustomerMap, l.Get("customer"), Ids.Customer, "customer");

        private Ticket FindTicket(Node l) => Find(_tickets, Cases.TicketMap, l.Get("ticket"), Ids.Ticket, "ticket");

        private Complaint FindComplaint(Node l) => Find(_complaints, Cases.ComplaintMap, l.Get("complaint"), Ids.Complaint, "complaint");

        private VisitRecord FindVisit(Node l) => Find(_visits, Cases.VisitMap, l.Get("visit"), Ids.Visit, "visit");

        /// <summary>The case a plain id names, from the cache when it was found before (cases are never removed), else from the map.</summary>
        private static T Find<TKey, T>(Utf8Cache<T> cache, Dictionary<TKey, T> map, Node node, Func<string, TKey> create, string what)
            where TKey : struct
        {
            if (node.IsPlainString && cache.TryGet(node.Utf8, out var hit))
            {
                return hit;
            }

            var found = Find(map, node, create, what);
            if (node.IsPlainString)
            {
                cache.Set(node.Utf8, found);
            }

            return found;
        }

        private static T Find<TKey, T>(Dictionary<TKey, T> map, Node node, Func<string, TKey> create, string what)
            where TKey : struct
        {
            var id = node.AsId(create)!.Value;
            if (!map.TryGetValue(id, out var found))
            {
                node.Problem(ProblemCode.UnknownReference, $"unknown {what} '{JsonTree.Escape(id.ToString()!)}'.");
            }

            return found!;
        }

        /// <summary>
        /// Adds a new case under its id, and to the cache under the id's text, so that the case's next line finds it without
        /// decoding the id again (the id was read from that very text).
        /// </summary>
        private static void Add<TKey, T>(Dictionary<TKey, T> map, Utf8Cache<T> cache, TKey id, Node node, string what, T value)
            where TKey : notnull
        {
            if (!map.TryAdd(id, value))
            {
                node.Problem(ProblemCode.DuplicateId, $"the {what} '{JsonTree.Escape(id.ToString()!)}' already exists.");
            }

            if (node.IsPlainString)
            {
                cache.Set(node.Utf8, value);
            }
        }
    }
}
