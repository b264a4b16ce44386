using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Complaints.Events;
using ServiceQuality.Domain.Complaints.Rules;

namespace ServiceQuality.Domain.Complaints;

/// <summary>
/// A complaint (投诉): from receipt through investigation, reply, resolution, verdict and callback to closing, with
/// escalations that only go up, compensation, and duplicates from other channels merged into one primary (多头投诉).
/// </summary>
/// <remarks>
/// States and commands follow one transition table (see <see cref="ComplaintStatus"/>). Closing needs a verdict, and a
/// completed callback when <see cref="CallbackRequired"/>, unless the callback was waived with a reason. A merged
/// complaint accepts no command. Create with <see cref="Receive"/> or rebuild with <see cref="FromHistory"/>. Not thread-safe.
/// </remarks>
public sealed class Complaint : AggregateRoot<ComplaintEvent>
{
    private readonly List<ComplaintId> _duplicates = [];

    private Complaint()
    {
        Duplicates = new ReadOnlyCollection<ComplaintId>(_duplicates);
    }

    /// <summary>The complaint's id.</summary>
    public ComplaintId Id { get; private set; }

    /// <summary>Who complained.</summary>
    public CustomerId Customer { get; private set; }

    /// <summary>How the complaint arrived.</summary>
    public Channel Channel { get; private set; }

    /// <summary>What it is about.</summary>
    public ComplaintCategory Category { get; private set; }

    /// <summary>How serious it is.</summary>
    public Severity Severity { get; private set; }

    /// <summary>The loss the customer claims, if any.</summary>
    public Money? ClaimedLoss { get; private set; }

    /// <summary>The staff member complained about, if any.</summary>
    public StaffId? AgainstStaff { get; private set; }

    /// <summary>The department complained about, if any.</summary>
    public DepartmentId? AgainstDepartment { get; private set; }

    /// <summary>The ticket the complaint is about, if any.</summary>
    public TicketId? RelatedTicket { get; private set; }

    /// <summary>Where the complaint is in its life.</summary>
    public ComplaintStatus Status { get; private set; }

    /// <summary>When the complaint was received; after merges, the earliest receipt among it and its duplicates.</summary>
    public Instant ReceivedAt { get; private set; }

    /// <summary>When it was registered (acknowledged).</summary>
    public Instant? RegisteredAt { get; private set; }

    /// <summary>The current investigation assignment.</summary>
    public Investigation? Investigation { get; private set; }

    /// <summary>The latest reply and remedy.</summary>
    public ComplaintResponse? Response { get; private set; }

    /// <summary>When it was last resolved; null when not resolved or returned to investigation since.</summary>
    public Instant? ResolvedAt { get; private set; }

    /// <summary>The verdict, if recorded.</summary>
    public Verdict? Verdict { get; private set; }

    /// <summary>Whether closing needs a completed callback (每案必访).</summary>
    public bool CallbackRequired { get; private set; }

    /// <summary>When a satisfied callback completed the loop.</summary>
    public Instant? CallbackCompletedAt { get; private set; }

    /// <summary>How many callbacks found the customer dissatisfied (each returned the complaint to investigation).</summary>
    public int DissatisfiedCallbacks { get; private set; }

    /// <summary>Why the required callback was waived, if it was.</summary>
    public string? CallbackWaiverReason { get; private set; }

    /// <summary>Total compensation recorded, if any.</summary>
    public Money? Compensation { get; private set; }

    /// <summary>Where the complaint stands on the escalation ladder: the level reached and every escalation, oldest first.</summary>
    public EscalationTrack Escalation { get; private set; } = EscalationTrack.None;

    /// <summary>The duplicates merged into this complaint.</summary>
    public IReadOnlyList<ComplaintId> Duplicates { get; }

    /// <summary>The primary this complaint was merged into, if it was.</summary>
    public ComplaintId? MergedInto { get; private set; }

    /// <summary>When it was closed.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>When it was withdrawn.</summary>
    public Instant? WithdrawnAt { get; private set; }

    /// <summary>The customer's tier recorded at receipt, or by the host's last recompute (<see cref="ReselectAgreements"/>), if one was.</summary>
    public ServiceTier? CustomerTier { get; private set; }

    /// <summary>The agreement version recorded at receipt, or by the host's last recompute (<see cref="ReselectAgreements"/>), if one was.</summary>
    public AgreementReference? Agreement { get; private set; }

    /// <summary>The operational-level agreements and underpinning contract recorded with <see cref="Agreement"/>; empty if none.</summary>
    public IReadOnlyList<AgreementReference> OtherAgreements { get; private set; } = [];

    /// <summary>Whether the complaint is closed, withdrawn or merged.</summary>
    public bool IsFinal => Status is ComplaintStatus.Closed or ComplaintStatus.Withdrawn or ComplaintStatus.Merged;

    /// <summary>Receives a complaint.</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="customer">Who complains.</param>
    /// <param name="channel">How.</param>
    /// <param name="category">What about.</param>
    /// <param name="severity">How serious (see <see cref="RiskMatrix"/> to derive it).</param>
    /// <param name="now">When it is received.</param>
    /// <param name="claimedLoss">The loss claimed, if any; not negative.</param>
    /// <param name="againstStaff">The staff member complained about, if any.</param>
    /// <param name="againstDepartment">The department complained about, if any.</param>
    /// <param name="relatedTicket">The ticket it is about, if any.</param>
    /// <param name="callbackRequired">Whether closing needs a completed callback; true by default (每案必访).</param>
    /// <param name="customerTier">The customer's tier in force at receipt, recorded so that evaluation does not depend on what a caller passes later; null records none.</param>
    /// <param name="agreement">The agreement version the complaint falls under, recorded; null records none.</param>
    /// <param name="otherAgreements">The OLAs and underpinning contract it also falls under, recorded; null or empty records none.</param>
    /// <returns>The new complaint, <see cref="ComplaintStatus.Received"/>, with one uncommitted event.</returns>
    /// <exception cref="ArgumentException">
    /// An id or a given tier is the default value (also an optional id given), an enum value is undefined, the claimed loss
    /// is negative or has no currency, <paramref name="agreement"/> has no id or a version below 1, or
    /// <paramref name="otherAgreements"/> holds such a reference or names an agreement twice.
    /// </exception>
    public static Complaint Receive(
        ComplaintId id, CustomerId customer, Channel channel, ComplaintCategory category, Severity severity, Instant now,
        Money? claimedLoss = null, StaffId? againstStaff = null, DepartmentId? againstDepartment = null, TicketId? relatedTicket = null,
        bool callbackRequired = true, ServiceTier? customerTier = null, AgreementReference? agreement = null,
        IEnumerable<AgreementReference>? otherAgreements = null)
    {
        CheckReceipt(id, customer, channel, category, severity, claimedLoss, againstStaff, againstDepartment, relatedTicket);
        CheckRecorded(customerTier, agreement);
        var others = AgreementReferences.CheckOthers(agreement, otherAgreements, nameof(otherAgreements));
        var complaint = new Complaint();
        complaint.Raise(new ComplaintReceived(id, now, customer, channel, category, severity, claimedLoss, againstStaff, againstDepartment, relatedTicket, callbackRequired)
        {
            CustomerTier = customerTier,
            Agreement = agreement,
            OtherAgreements = others,
        });
        return complaint;
    }

    /// <summary>Rebuilds a complaint from its stored events.</summary>
    /// <param name="history">The events, oldest first, starting with <see cref="ComplaintReceived"/>.</param>
    /// <returns>The complaint as it was after the last event, with no uncommitted events.</returns>
    /// <exception cref="ArgumentException">
    /// The history is empty or, naming the index of the first bad event: an event is null, of another complaint, earlier than
    /// the one before it, holds an empty id, an undefined enum value, a blank text or money without a currency, or is one the
    /// complaint's commands would have refused there (the first is not the receipt, a transition the table does not allow,
    /// a rule broken).
    /// </exception>
    public static Complaint FromHistory(IEnumerable<ComplaintEvent> history)
    {
        var complaint = new Complaint();
        complaint.Load(history, e => e is ComplaintReceived, e => e.ComplaintId == complaint.Id);
        return complaint;
    }

    /// <summary>
    /// The complaint's transition table: every (state, command, resulting state) row, ordered by state then command. A
    /// command absent for a state is refused there with <see cref="RuleCode.TransitionMustBeAllowed"/>. Immutable;
    /// docs/lifecycles.md is generated from it.
    /// </summary>
    public static IReadOnlyList<Transition<ComplaintStatus, ComplaintCommand>> Transitions => ComplaintTransitions.Table.Rows;

    /// <summary>
    /// The commands the complaint's <see cref="Status"/> accepts, in declaration order (Stateless's <c>PermittedTriggers</c>):
    /// the state alone decides; argument rules and the commands' own rules (such as a verdict before
    /// <see cref="Close"/>) aside, which the <c>CanX</c> methods also check. Empty once closed, withdrawn or merged.
    /// </summary>
    public IReadOnlyList<ComplaintCommand> PermittedCommands => ComplaintTransitions.Table.Permitted(Status);

    /// <summary>Whether <see cref="Register"/> is allowed now.</summary>
    /// <returns>True when received and not merged.</returns>
    public bool CanRegister() => Can(ComplaintCommand.Register);

    /// <summary>Whether <see cref="AssignInvestigation"/> is allowed now.</summary>
    /// <returns>True when registered or under investigation.</returns>
    public bool CanAssignInvestigation() => Can(ComplaintCommand.AssignInvestigation);

    /// <summary>Whether <see cref="Respond"/> is allowed now.</summary>
    /// <returns>True under investigation.</returns>
    public bool CanRespond() => Can(ComplaintCommand.Respond);

    /// <summary>Whether <see cref="Resolve"/> is allowed now.</summary>
    /// <returns>True when responded.</returns>
    public bool CanResolve() => Can(ComplaintCommand.Resolve);

    /// <summary>Whether <see cref="RecordVerdict"/> is allowed now.</summary>
    /// <returns>True from investigation until closing.</returns>
    public bool CanRecordVerdict() => Can(ComplaintCommand.RecordVerdict);

    /// <summary>Whether <see cref="RecordCallback"/> is allowed now.</summary>
    /// <returns>True when resolved.</returns>
    public bool CanRecordCallback() => Can(ComplaintCommand.RecordSatisfiedCallback);

    /// <summary>Whether <see cref="WaiveCallback"/> is allowed now.</summary>
    /// <returns>True while the complaint is open.</returns>
    public bool CanWaiveCallback() => Can(ComplaintCommand.WaiveCallback);

    /// <summary>Whether <see cref="Close"/> would succeed now: the state allows it, a verdict exists, and the callback is done, not needed or waived.</summary>
    /// <returns>True when closing would be accepted.</returns>
    public bool CanClose() =>
        Can(ComplaintCommand.Close) && Verdict is not null && (!CallbackRequired || CallbackCompletedAt is not null || CallbackWaiverReason is not null);

    /// <summary>Whether <see cref="Withdraw"/> is allowed now.</summary>
    /// <returns>True before resolution.</returns>
    public bool CanWithdraw() => Can(ComplaintCommand.Withdraw);

    /// <summary>Whether <see cref="Escalate"/> is allowed now (argument rules aside).</summary>
    /// <returns>True while the complaint is open.</returns>
    public bool CanEscalate() => Can(ComplaintCommand.Escalate);

    /// <summary>Whether this complaint can take part in a merge now (as primary or duplicate).</summary>
    /// <returns>True while the complaint is open.</returns>
    public bool CanMerge() => Can(ComplaintCommand.Merge);

    /// <summary>Whether <see cref="RecordCompensation"/> is allowed now (argument rules aside).</summary>
    /// <returns>True while the complaint is open.</returns>
    public bool CanRecordCompensation() => Can(ComplaintCommand.RecordCompensation);

    /// <summary>Whether <see cref="ChangeSeverity"/> is allowed now (argument rules aside).</summary>
    /// <returns>True while the complaint is open and not merged.</returns>
    public bool CanChangeSeverity() => Can(ComplaintCommand.ChangeSeverity);

    /// <summary>Registers (acknowledges) the complaint.</summary>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule.</exception>
    public void Register(Instant now)
    {
        GuardCommand(ComplaintCommand.Register, now);
        Raise(new ComplaintRegistered(Id, now));
    }

    /// <summary>Assigns (or reassigns) the investigation.</summary>
    /// <param name="department">The responsible department.</param>
    /// <param name="person">The responsible person.</param>
    /// <param name="deadline">When it is due; not before <paramref name="now"/>.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule, or <see cref="RuleCode.InvestigationDeadlineMustNotPrecedeAssignment"/>.</exception>
    public void AssignInvestigation(DepartmentId department, StaffId person, Instant deadline, Instant now)
    {
        Guard.Against.Default(department);
        Guard.Against.Default(person);
        GuardCommand(ComplaintCommand.AssignInvestigation, now);
        ComplaintRules.InvestigationDeadlineMustNotPrecedeAssignment(deadline, now);
        Raise(new InvestigationAssigned(Id, now, department, person, deadline));
    }

    /// <summary>Records the reply and remedy given to the customer.</summary>
    /// <param name="reply">What the customer was told; not blank.</param>
    /// <param name="remedy">What will be done; not blank.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule.</exception>
    public void Respond(string reply, string remedy, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(reply);
        Guard.Against.NullOrWhiteSpace(remedy);
        GuardCommand(ComplaintCommand.Respond, now);
        Raise(new ComplaintResponded(Id, now, reply, remedy));
    }

    /// <summary>Resolves the responded complaint.</summary>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule.</exception>
    public void Resolve(Instant now)
    {
        GuardCommand(ComplaintCommand.Resolve, now);
        Raise(new ComplaintResolved(Id, now));
    }

    /// <summary>Records (or replaces) the verdict.</summary>
    /// <param name="outcome">The finding.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="decidedBy">Who decided.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule.</exception>
    public void RecordVerdict(VerdictOutcome outcome, string reason, StaffId decidedBy, Instant now)
    {
        Guard.Against.UndefinedEnumValue(outcome);
        Guard.Against.NullOrWhiteSpace(reason);
        Guard.Against.Default(decidedBy);
        GuardCommand(ComplaintCommand.RecordVerdict, now);
        Raise(new VerdictRecorded(Id, now, outcome, reason, decidedBy));
    }

    /// <summary>Records the callback: a satisfied customer completes the loop; a dissatisfied one returns the complaint to investigation.</summary>
    /// <param name="satisfied">Whether the customer was satisfied.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule.</exception>
    public void RecordCallback(bool satisfied, Instant now)
    {
        GuardCommand(satisfied ? ComplaintCommand.RecordSatisfiedCallback : ComplaintCommand.RecordDissatisfiedCallback, now);
        Raise(new CallbackRecorded(Id, now, satisfied));
    }

    /// <summary>Waives the required callback, with a reason.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule.</exception>
    public void WaiveCallback(string reason, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(ComplaintCommand.WaiveCallback, now);
        Raise(new CallbackWaived(Id, now, reason));
    }

    /// <summary>Closes the complaint.</summary>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">
    /// The time, merge or transition rule, <see cref="RuleCode.ClosingRequiresVerdict"/> or <see cref="RuleCode.ClosingRequiresCompletedCallback"/>.
    /// </exception>
    public void Close(Instant now)
    {
        GuardCommand(ComplaintCommand.Close, now);
        ComplaintRules.ClosingRequiresVerdict(Verdict);
        ComplaintRules.ClosingRequiresCompletedCallback(CallbackRequired, CallbackCompletedAt is not null, CallbackWaiverReason is not null);
        Raise(new ComplaintClosed(Id, now));
    }

    /// <summary>Withdraws the complaint at the customer's request.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule.</exception>
    public void Withdraw(string reason, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(ComplaintCommand.Withdraw, now);
        Raise(new ComplaintWithdrawn(Id, now, reason));
    }

    /// <summary>Escalates the complaint to a higher level (上报主管).</summary>
    /// <param name="level">The new level; above <see cref="EscalationTrack.Level"/> of <see cref="Escalation"/>.</param>
    /// <param name="target">Who is told; not blank.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule, or <see cref="RuleCode.EscalationLevelMustIncrease"/>.</exception>
    public void Escalate(int level, string target, string reason, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(target);
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(ComplaintCommand.Escalate, now);
        Escalation.EnsureRaisedBy(level, "complaint");
        Raise(new ComplaintEscalated(Id, now, level, target, reason));
    }

    /// <summary>
    /// Merges <paramref name="duplicate"/>, a complaint about the same matter from another channel, into this one. This
    /// complaint keeps the link and the earliest receipt time; the duplicate becomes <see cref="ComplaintStatus.Merged"/>.
    /// Both are checked before either changes.
    /// </summary>
    /// <param name="duplicate">The duplicate complaint.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">
    /// The time, merge or transition rule on either complaint, <see cref="RuleCode.ComplaintCannotMergeIntoItself"/>, or
    /// <see cref="RuleCode.MergedComplaintsMustShareCustomer"/> when the duplicate is another customer's.
    /// </exception>
    public void Merge(Complaint duplicate, Instant now)
    {
        Guard.Against.Null(duplicate);
        GuardCommand(ComplaintCommand.Merge, now);
        duplicate.GuardCommand(ComplaintCommand.MergeAsDuplicate, now);
        ComplaintRules.ComplaintCannotMergeIntoItself(Id, duplicate.Id);
        ComplaintRules.MergedComplaintsMustShareCustomer(Customer, duplicate.Customer);
        var duplicateReceivedAt = duplicate.ReceivedAt;
        duplicate.Raise(new ComplaintMerged(duplicate.Id, now, Id));
        Raise(new DuplicateMerged(Id, now, duplicate.Id, duplicateReceivedAt));
    }

    /// <summary>Records compensation paid or promised; amounts add up.</summary>
    /// <param name="amount">The amount; positive, in the currency of earlier compensation.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule, or <see cref="RuleCode.CompensationMustBePositiveInOneCurrency"/>.</exception>
    public void RecordCompensation(Money amount, Instant now)
    {
        Guard.Against.Null(amount.Currency, nameof(amount));
        GuardCommand(ComplaintCommand.RecordCompensation, now);
        ComplaintRules.CompensationMustBePositiveInOneCurrency(amount, Compensation);
        Raise(new CompensationRecorded(Id, now, amount));
    }

    /// <summary>Changes the severity.</summary>
    /// <param name="severity">The new severity.</param>
    /// <param name="now">When.</param>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule.</exception>
    public void ChangeSeverity(Severity severity, Instant now)
    {
        Guard.Against.UndefinedEnumValue(severity);
        GuardCommand(ComplaintCommand.ChangeSeverity, now);
        Raise(new SeverityChanged(Id, now, severity));
    }

    /// <summary>
    /// Records the agreements chosen again for the complaint (a recompute): the customer's tier and the versions replace
    /// those recorded at receipt, for the whole case; see <see cref="Tickets.Ticket.ReselectAgreements"/>.
    /// </summary>
    /// <param name="customerTier">The customer's tier to measure the complaint for.</param>
    /// <param name="agreement">The customer SLA version, if any.</param>
    /// <param name="otherAgreements">The OLAs and underpinning contract, if any.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentException">
    /// The tier is the default value, <paramref name="agreement"/> has no id or a version below 1, <paramref name="otherAgreements"/>
    /// holds an invalid reference or names an agreement twice, or <paramref name="reason"/> is blank.
    /// </exception>
    /// <exception cref="DomainRuleViolationException">The time, merge or transition rule (closed, withdrawn or merged).</exception>
    public void ReselectAgreements(ServiceTier customerTier, AgreementReference? agreement, IEnumerable<AgreementReference>? otherAgreements, string reason, Instant now)
    {
        Guard.Against.Default(customerTier);
        CheckRecorded(customerTier, agreement);
        var others = AgreementReferences.CheckOthers(agreement, otherAgreements, nameof(otherAgreements));
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(ComplaintCommand.ReselectAgreements, now);
        Raise(new ComplaintAgreementsReselected(Id, now, customerTier, agreement, reason) { OtherAgreements = others });
    }

    /// <summary>Whether <see cref="ReselectAgreements"/> is allowed now.</summary>
    /// <returns>True while the complaint is open (not closed, withdrawn or merged).</returns>
    public bool CanReselectAgreements() => Can(ComplaintCommand.ReselectAgreements);

    /// <summary>Returns the id, status, severity and escalation level.</summary>
    /// <returns>A short summary.</returns>
    public override string ToString() => $"Complaint {Id} ({Status}, {Severity}, level {Escalation.Level})";

    private bool Can(ComplaintCommand command) => ComplaintTransitions.Allows(Status, command);

    private void GuardCommand(ComplaintCommand command, Instant now)
    {
        ComplaintRules.MergedComplaintAcceptsNoCommands(Status, MergedInto);
        EnsureTimeMovesForward(now);
        ComplaintRules.TransitionMustBeAllowed(Status, command);
    }

    private static void CheckReceipt(
        ComplaintId id, CustomerId customer, Channel channel, ComplaintCategory category, Severity severity, Money? claimedLoss, StaffId? againstStaff,
        DepartmentId? againstDepartment, TicketId? relatedTicket)
    {
        Guard.Against.Default(id);
        Guard.Against.Default(customer);
        Guard.Against.UndefinedEnumValue(channel);
        Guard.Against.UndefinedEnumValue(category);
        Guard.Against.UndefinedEnumValue(severity);
        Guard.Against.ArgumentOutOfRange(claimedLoss is { IsNegative: true }, nameof(claimedLoss), $"A claimed loss cannot be negative; {claimedLoss} given.");
        Guard.Against.InvalidArgument(claimedLoss is { Currency: null }, nameof(claimedLoss), "A claimed loss needs a currency.");
        Guard.Against.DefaultWhenPresent(againstStaff);
        Guard.Against.DefaultWhenPresent(againstDepartment);
        Guard.Against.DefaultWhenPresent(relatedTicket);
    }

    private static void CheckRecorded(ServiceTier? customerTier, AgreementReference? agreement)
    {
        Guard.Against.InvalidArgument(customerTier is { } tier && tier == default, nameof(customerTier), "A recorded tier cannot be the default value.");
        Guard.Against.InvalidArgument(
            agreement is { } reference && (reference.Id == default || reference.Version < 1), nameof(agreement), "An agreement reference needs an agreement id and a version from 1.");
    }

    /// <summary>The checks of the command that raises <paramref name="event"/>, in the complaint's present state (time order aside).</summary>
    private protected override void CheckReplayed(ComplaintEvent @event)
    {
        if (@event is ComplaintReceived received)
        {
            CheckReceipt(
                received.ComplaintId, received.Customer, received.Channel, received.Category, received.Severity, received.ClaimedLoss, received.AgainstStaff,
                received.AgainstDepartment, received.RelatedTicket);
            CheckRecorded(received.CustomerTier, received.Agreement);
            AgreementReferences.CheckOthers(received.Agreement, Guard.Against.Null(received.OtherAgreements, nameof(received.OtherAgreements)), nameof(received.OtherAgreements));
            return;
        }

        ComplaintRules.MergedComplaintAcceptsNoCommands(Status, MergedInto);
        switch (@event)
        {
            case ComplaintRegistered:
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.Register);
                break;
            case InvestigationAssigned e:
                Guard.Against.Default(e.Department, nameof(e.Department));
                Guard.Against.Default(e.Person, nameof(e.Person));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.AssignInvestigation);
                ComplaintRules.InvestigationDeadlineMustNotPrecedeAssignment(e.Deadline, e.OccurredAt);
                break;
            case ComplaintResponded e:
                Guard.Against.NullOrWhiteSpace(e.Reply, nameof(e.Reply));
                Guard.Against.NullOrWhiteSpace(e.Remedy, nameof(e.Remedy));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.Respond);
                break;
            case ComplaintResolved:
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.Resolve);
                break;
            case VerdictRecorded e:
                Guard.Against.UndefinedEnumValue(e.Outcome, nameof(e.Outcome));
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                Guard.Against.Default(e.DecidedBy, nameof(e.DecidedBy));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.RecordVerdict);
                break;
            case CallbackRecorded e:
                ComplaintRules.TransitionMustBeAllowed(Status, e.Satisfied ? ComplaintCommand.RecordSatisfiedCallback : ComplaintCommand.RecordDissatisfiedCallback);
                break;
            case CallbackWaived e:
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.WaiveCallback);
                break;
            case ComplaintClosed:
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.Close);
                ComplaintRules.ClosingRequiresVerdict(Verdict);
                ComplaintRules.ClosingRequiresCompletedCallback(CallbackRequired, CallbackCompletedAt is not null, CallbackWaiverReason is not null);
                break;
            case ComplaintWithdrawn e:
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.Withdraw);
                break;
            case ComplaintEscalated e:
                Guard.Against.NullOrWhiteSpace(e.Target, nameof(e.Target));
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.Escalate);
                Escalation.EnsureRaisedBy(e.Level, "complaint");
                break;
            case ComplaintMerged e:
                Guard.Against.Default(e.Primary, nameof(e.Primary));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.MergeAsDuplicate);
                ComplaintRules.ComplaintCannotMergeIntoItself(e.Primary, Id);
                break;
            case DuplicateMerged e:
                Guard.Against.Default(e.Duplicate, nameof(e.Duplicate));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.Merge);
                ComplaintRules.ComplaintCannotMergeIntoItself(Id, e.Duplicate);
                break;
            case CompensationRecorded e:
                Guard.Against.Null(e.Amount.Currency, nameof(e.Amount));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.RecordCompensation);
                ComplaintRules.CompensationMustBePositiveInOneCurrency(e.Amount, Compensation);
                break;
            case SeverityChanged e:
                Guard.Against.UndefinedEnumValue(e.Severity, nameof(e.Severity));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.ChangeSeverity);
                break;
            case ComplaintAgreementsReselected e:
                Guard.Against.Default(e.CustomerTier, nameof(e.CustomerTier));
                CheckRecorded(e.CustomerTier, e.Agreement);
                AgreementReferences.CheckOthers(e.Agreement, Guard.Against.Null(e.OtherAgreements, nameof(e.OtherAgreements)), nameof(e.OtherAgreements));
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                ComplaintRules.TransitionMustBeAllowed(Status, ComplaintCommand.ReselectAgreements);
                break;
            default:
                Guard.Against.UnknownEvent(@event, "complaint", nameof(@event));
                break;
        }
    }

    private void MoveBy(ComplaintCommand command) => Status = ComplaintTransitions.Target(Status, command);

    private protected override void Apply(ComplaintEvent @event)
    {
        switch (@event)
        {
            case ComplaintReceived e:
                (Id, Customer, Channel, Category, Severity, ClaimedLoss) = (e.ComplaintId, e.Customer, e.Channel, e.Category, e.Severity, e.ClaimedLoss);
                (AgainstStaff, AgainstDepartment, RelatedTicket, CallbackRequired) = (e.AgainstStaff, e.AgainstDepartment, e.RelatedTicket, e.CallbackRequired);
                (Status, ReceivedAt, CustomerTier, Agreement) = (ComplaintStatus.Received, e.OccurredAt, e.CustomerTier, e.Agreement);
                OtherAgreements = e.OtherAgreements;
                break;
            case ComplaintRegistered e:
                MoveBy(ComplaintCommand.Register);
                RegisteredAt = e.OccurredAt;
                break;
            case InvestigationAssigned e:
                MoveBy(ComplaintCommand.AssignInvestigation);
                Investigation = new Investigation(e.Department, e.Person, e.Deadline, e.OccurredAt);
                break;
            case ComplaintResponded e:
                MoveBy(ComplaintCommand.Respond);
                Response = new ComplaintResponse(e.Reply, e.Remedy, e.OccurredAt);
                break;
            case ComplaintResolved e:
                MoveBy(ComplaintCommand.Resolve);
                ResolvedAt = e.OccurredAt;
                break;
            case VerdictRecorded e:
                Verdict = new Verdict(e.Outcome, e.Reason, e.DecidedBy, e.OccurredAt);
                break;
            case CallbackRecorded { Satisfied: true } e:
                MoveBy(ComplaintCommand.RecordSatisfiedCallback);
                CallbackCompletedAt = e.OccurredAt;
                break;
            case CallbackRecorded:
                MoveBy(ComplaintCommand.RecordDissatisfiedCallback);
                ResolvedAt = null;
                DissatisfiedCallbacks++;
                break;
            case CallbackWaived e:
                CallbackWaiverReason = e.Reason;
                break;
            case ComplaintClosed e:
                MoveBy(ComplaintCommand.Close);
                ClosedAt = e.OccurredAt;
                break;
            case ComplaintWithdrawn e:
                MoveBy(ComplaintCommand.Withdraw);
                WithdrawnAt = e.OccurredAt;
                break;
            case ComplaintEscalated e:
                Escalation = Escalation.With(new Escalation(e.Level, e.Target, e.Reason, e.OccurredAt));
                break;
            case ComplaintMerged e:
                MoveBy(ComplaintCommand.MergeAsDuplicate);
                MergedInto = e.Primary;
                break;
            case DuplicateMerged e:
                _duplicates.Add(e.Duplicate);
                ReceivedAt = e.DuplicateReceivedAt < ReceivedAt ? e.DuplicateReceivedAt : ReceivedAt;
                break;
            case CompensationRecorded e:
                Compensation = Compensation is { } total ? total + e.Amount : e.Amount;
                break;
            case SeverityChanged e:
                Severity = e.Severity;
                break;
            case ComplaintAgreementsReselected e:
                (CustomerTier, Agreement, OtherAgreements) = (e.CustomerTier, e.Agreement, e.OtherAgreements);
                break;
            default:
                Guard.Against.UnknownEvent(@event, "complaint", nameof(@event));
                break;
        }
    }
}
