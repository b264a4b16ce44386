using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets.Events;
using ServiceQuality.Domain.Tickets.Rules;

namespace ServiceQuality.Domain.Tickets;

/// <summary>
/// A ticket (work order, 工单 / 报修): what the customer asked for, who owns it, and every step of its handling.
/// The first-contact owner (首问负责制) is fixed at opening; internal transfers (内转外不转) change only the assignee.
/// </summary>
/// <remarks>
/// States and commands follow one transition table (see <see cref="TicketStatus"/>); each command checks it and its
/// own rules first, so a refused command changes nothing. <c>CanX</c> methods answer from the table without
/// throwing. Create with <see cref="Open"/> or rebuild with <see cref="FromHistory"/>. Not thread-safe.
/// </remarks>
public sealed class Ticket : AggregateRoot<TicketEvent>
{
    private Ticket()
    {
    }

    /// <summary>The ticket's id.</summary>
    public TicketId Id { get; private set; }

    /// <summary>The customer.</summary>
    public CustomerId Customer { get; private set; }

    /// <summary>What the ticket is about.</summary>
    public TicketKind Kind { get; private set; }

    /// <summary>How the customer reached the centre.</summary>
    public Channel Channel { get; private set; }

    /// <summary>The current priority.</summary>
    public Priority Priority { get; private set; }

    /// <summary>The customer's tier when the ticket was opened, or as the host last recomputed it (<see cref="ReselectAgreements"/>).</summary>
    public ServiceTier CustomerTier { get; private set; }

    /// <summary>The agreement version the ticket falls under, kept for its whole life unless the host recomputes it (<see cref="ReselectAgreements"/>); null if none.</summary>
    public AgreementReference? Agreement { get; private set; }

    /// <summary>The operational-level agreements and underpinning contract chosen with <see cref="Agreement"/> when the ticket opened or was last recomputed; empty if none.</summary>
    public IReadOnlyList<AgreementReference> OtherAgreements { get; private set; } = [];

    /// <summary>Whether the ticket needs someone on site.</summary>
    public bool RequiresOnSiteVisit { get; private set; }

    /// <summary>The loss the customer claimed when the ticket was opened, if any.</summary>
    public Money? ClaimedLoss { get; private set; }

    /// <summary>The staff member first reached, who owns the ticket to its end and is named to the customer. Never changes.</summary>
    public StaffId FirstContactOwner { get; private set; }

    /// <summary>Who works on the ticket now, if anyone.</summary>
    public StaffId? Assignee { get; private set; }

    /// <summary>The assignee's department, if known.</summary>
    public DepartmentId? Department { get; private set; }

    /// <summary>Where the ticket is in its life.</summary>
    public TicketStatus Status { get; private set; }

    /// <summary>Why the ticket is on hold; null unless <see cref="Status"/> is <see cref="TicketStatus.OnHold"/>.</summary>
    public HoldReason? HoldReason { get; private set; }

    /// <summary>The latest third-party referral, open or returned; null if never referred.</summary>
    public ThirdPartyReferral? Referral { get; private set; }

    /// <summary>When the ticket was opened.</summary>
    public Instant OpenedAt { get; private set; }

    /// <summary>When the first public response was recorded; internal notes do not count.</summary>
    public Instant? FirstResponseAt { get; private set; }

    /// <summary>When the latest public response was recorded.</summary>
    public Instant? LastResponseAt { get; private set; }

    /// <summary>When someone first arrived on site.</summary>
    public Instant? OnSiteArrivedAt { get; private set; }

    /// <summary>When the ticket was last resolved; null when it has not been, or was reopened since.</summary>
    public Instant? ResolvedAt { get; private set; }

    /// <summary>Who last resolved the ticket.</summary>
    public StaffId? ResolvedBy { get; private set; }

    /// <summary>When the ticket was closed.</summary>
    public Instant? ClosedAt { get; private set; }

    /// <summary>When the ticket was cancelled.</summary>
    public Instant? CancelledAt { get; private set; }

    /// <summary>How many times the ticket was reopened.</summary>
    public int ReopenCount { get; private set; }

    /// <summary>How many times the ticket was transferred internally.</summary>
    public int TransferCount { get; private set; }

    /// <summary>Where the ticket stands on the escalation ladder: the level reached and every escalation, oldest first.</summary>
    public EscalationTrack Escalation { get; private set; } = EscalationTrack.None;

    /// <summary>Whether the ticket is closed or cancelled (accepts no further command).</summary>
    public bool IsFinal => Status is TicketStatus.Closed or TicketStatus.Cancelled;

    /// <summary>
    /// The ticket's transition table: every (state, command, resulting state) row, ordered by state then command. A command
    /// absent for a state is refused there with <see cref="RuleCode.TransitionMustBeAllowed"/>. Immutable; docs/lifecycles.md
    /// is generated from it.
    /// </summary>
    public static IReadOnlyList<Transition<TicketStatus, TicketCommand>> Transitions => TicketTransitions.Table.Rows;

    /// <summary>
    /// The commands the ticket's <see cref="Status"/> accepts, in declaration order (Stateless's <c>PermittedTriggers</c>):
    /// the state alone decides; argument rules and the commands' own rules (such as an open referral for
    /// <see cref="Resume"/>) aside, which the <c>CanX</c> methods also check. Empty once closed or cancelled.
    /// </summary>
    public IReadOnlyList<TicketCommand> PermittedCommands => TicketTransitions.Table.Permitted(Status);

    /// <summary>Opens a ticket.</summary>
    /// <param name="id">The ticket's id.</param>
    /// <param name="customer">The customer.</param>
    /// <param name="kind">What it is about.</param>
    /// <param name="channel">How the customer reached the centre.</param>
    /// <param name="priority">The first priority.</param>
    /// <param name="firstContactOwner">The staff member first reached; owns the ticket to its end.</param>
    /// <param name="customerTier">The customer's tier now.</param>
    /// <param name="now">When the ticket is opened.</param>
    /// <param name="agreement">The agreement version the ticket falls under, if any.</param>
    /// <param name="requiresOnSiteVisit">Whether the ticket needs someone on site.</param>
    /// <param name="claimedLoss">The loss the customer claims, if any; not negative.</param>
    /// <param name="otherAgreements">The OLAs and underpinning contract the ticket also falls under (see <see cref="Agreements.AgreementCatalog.Select"/>), if any.</param>
    /// <returns>The new ticket, <see cref="TicketStatus.New"/>, with one uncommitted <see cref="TicketOpened"/> event.</returns>
    /// <exception cref="ArgumentException">
    /// An id or the tier is the default value, an enum value is undefined, <paramref name="agreement"/> has no id or a version
    /// below 1, <paramref name="claimedLoss"/> has no currency, or <paramref name="otherAgreements"/> holds an invalid reference or names an agreement twice.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="claimedLoss"/> is negative.</exception>
    public static Ticket Open(
        TicketId id, CustomerId customer, TicketKind kind, Channel channel, Priority priority, StaffId firstContactOwner,
        ServiceTier customerTier, Instant now, AgreementReference? agreement = null, bool requiresOnSiteVisit = false, Money? claimedLoss = null,
        IEnumerable<AgreementReference>? otherAgreements = null)
    {
        CheckOpening(id, customer, kind, channel, priority, firstContactOwner, customerTier, agreement, claimedLoss);
        var others = AgreementReferences.CheckOthers(agreement, otherAgreements, nameof(otherAgreements));
        var ticket = new Ticket();
        ticket.Raise(new TicketOpened(id, now, customer, kind, channel, priority, firstContactOwner, customerTier, agreement, requiresOnSiteVisit)
        {
            ClaimedLoss = claimedLoss,
            OtherAgreements = others,
        });
        return ticket;
    }

    /// <summary>Rebuilds a ticket from its stored events.</summary>
    /// <param name="history">The events, oldest first, starting with <see cref="TicketOpened"/>.</param>
    /// <returns>The ticket as it was after the last event, with no uncommitted events.</returns>
    /// <exception cref="ArgumentException">
    /// The history is empty or, naming the index of the first bad event: an event is null, of another ticket, earlier than the
    /// one before it, holds an empty id, a default tier, an undefined enum value or a blank text, or is one the ticket's
    /// commands would have refused there (the first is not the opening, a transition the table does not allow, a rule broken).
    /// </exception>
    public static Ticket FromHistory(IEnumerable<TicketEvent> history)
    {
        var ticket = new Ticket();
        ticket.Load(history, e => e is TicketOpened, e => e.TicketId == ticket.Id);
        return ticket;
    }

    /// <summary>Whether <see cref="Assign"/> is allowed now.</summary>
    /// <returns>True in <see cref="TicketStatus.New"/>.</returns>
    public bool CanAssign() => TicketTransitions.Allows(Status, TicketCommand.Assign);

    /// <summary>Whether <see cref="Transfer"/> is allowed now (argument rules aside).</summary>
    /// <returns>True while assigned, in progress or on hold.</returns>
    public bool CanTransfer() => TicketTransitions.Allows(Status, TicketCommand.Transfer);

    /// <summary>Whether <see cref="RecordResponse"/> is allowed now.</summary>
    /// <returns>True while the ticket is open and not resolved.</returns>
    public bool CanRecordResponse() => TicketTransitions.Allows(Status, TicketCommand.RecordResponse);

    /// <summary>Whether <see cref="StartWork"/> is allowed now.</summary>
    /// <returns>True in <see cref="TicketStatus.Assigned"/>.</returns>
    public bool CanStartWork() => TicketTransitions.Allows(Status, TicketCommand.StartWork);

    /// <summary>Whether <see cref="Hold"/> is allowed now.</summary>
    /// <returns>True in <see cref="TicketStatus.InProgress"/>.</returns>
    public bool CanHold() => TicketTransitions.Allows(Status, TicketCommand.Hold);

    /// <summary>Whether <see cref="Resume"/> is allowed now.</summary>
    /// <returns>True on hold with no open referral.</returns>
    public bool CanResume() => TicketTransitions.Allows(Status, TicketCommand.Resume) && Referral is not { IsOpen: true };

    /// <summary>Whether <see cref="ReferToThirdParty"/> is allowed now.</summary>
    /// <returns>True in <see cref="TicketStatus.InProgress"/>.</returns>
    public bool CanReferToThirdParty() => TicketTransitions.Allows(Status, TicketCommand.ReferToThirdParty);

    /// <summary>Whether <see cref="RecordThirdPartyReturn"/> is allowed now.</summary>
    /// <returns>True on hold waiting for the third party, with an open referral.</returns>
    public bool CanRecordThirdPartyReturn() =>
        TicketTransitions.Allows(Status, TicketCommand.RecordThirdPartyReturn) && HoldReason == Tickets.HoldReason.WaitingForThirdParty && Referral is { IsOpen: true };

    /// <summary>Whether <see cref="RecordOnSiteArrival"/> is allowed now.</summary>
    /// <returns>True while assigned or in progress, before an arrival was recorded.</returns>
    public bool CanRecordOnSiteArrival() => TicketTransitions.Allows(Status, TicketCommand.RecordOnSiteArrival) && OnSiteArrivedAt is null;

    /// <summary>Whether <see cref="ChangePriority"/> is allowed now (argument rules aside).</summary>
    /// <returns>True while the ticket is open and not resolved.</returns>
    public bool CanChangePriority() => TicketTransitions.Allows(Status, TicketCommand.ChangePriority);

    /// <summary>Whether <see cref="Escalate"/> is allowed now (argument rules and the level aside).</summary>
    /// <returns>True while the ticket is open and not resolved.</returns>
    public bool CanEscalate() => TicketTransitions.Allows(Status, TicketCommand.Escalate);

    /// <summary>Whether <see cref="Resolve"/> is allowed now.</summary>
    /// <returns>True in progress or on hold.</returns>
    public bool CanResolve() => TicketTransitions.Allows(Status, TicketCommand.Resolve);

    /// <summary>Whether <see cref="Reopen"/> is allowed now.</summary>
    /// <returns>True in <see cref="TicketStatus.Resolved"/>.</returns>
    public bool CanReopen() => TicketTransitions.Allows(Status, TicketCommand.Reopen);

    /// <summary>Whether <see cref="Close"/> is allowed now.</summary>
    /// <returns>True in <see cref="TicketStatus.Resolved"/>.</returns>
    public bool CanClose() => TicketTransitions.Allows(Status, TicketCommand.Close);

    /// <summary>Whether <see cref="Cancel"/> is allowed now.</summary>
    /// <returns>True while the ticket is open and not resolved.</returns>
    public bool CanCancel() => TicketTransitions.Allows(Status, TicketCommand.Cancel);

    /// <summary>Assigns the new ticket to a staff member.</summary>
    /// <param name="assignee">Who works on it.</param>
    /// <param name="department">Their department, if known.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/>.</exception>
    public void Assign(StaffId assignee, DepartmentId? department, Instant now)
    {
        Guard.Against.Default(assignee);
        GuardCommand(TicketCommand.Assign, now);
        Raise(new TicketAssigned(Id, now, assignee, department));
    }

    /// <summary>Transfers the ticket internally to another staff member; the first-contact owner stays.</summary>
    /// <param name="to">The new assignee.</param>
    /// <param name="department">Their department, if known.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException">
    /// <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>, <see cref="RuleCode.TransitionMustBeAllowed"/> or <see cref="RuleCode.TransferMustChangeAssignee"/>.
    /// </exception>
    public void Transfer(StaffId to, DepartmentId? department, Instant now)
    {
        Guard.Against.Default(to);
        GuardCommand(TicketCommand.Transfer, now);
        TicketRules.TransferMustChangeAssignee(Assignee, to);
        Raise(new TicketTransferred(Id, now, Assignee!.Value, to, department));
    }

    /// <summary>Records a response; only a public one (visible to the customer) counts as a response for SLAs.</summary>
    /// <param name="by">Who responded.</param>
    /// <param name="isPublic">Whether the customer can see it; internal notes are not responses.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/>.</exception>
    public void RecordResponse(StaffId by, bool isPublic, Instant now)
    {
        Guard.Against.Default(by);
        GuardCommand(TicketCommand.RecordResponse, now);
        Raise(new ResponseRecorded(Id, now, by, isPublic));
    }

    /// <summary>Starts work on the assigned ticket.</summary>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/>.</exception>
    public void StartWork(Instant now)
    {
        GuardCommand(TicketCommand.StartWork, now);
        Raise(new TicketWorkStarted(Id, now));
    }

    /// <summary>Puts the ticket on hold.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/>.</exception>
    public void Hold(HoldReason reason, Instant now)
    {
        Guard.Against.Default(reason);
        GuardCommand(TicketCommand.Hold, now);
        Raise(new TicketOnHold(Id, now, reason));
    }

    /// <summary>Resumes work after a hold.</summary>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException">
    /// <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>, <see cref="RuleCode.TransitionMustBeAllowed"/> or <see cref="RuleCode.OpenReferralMustBeReturnedToResume"/>.
    /// </exception>
    public void Resume(Instant now)
    {
        GuardCommand(TicketCommand.Resume, now);
        TicketRules.OpenReferralMustBeReturnedToResume(Referral);
        Raise(new TicketResumed(Id, now));
    }

    /// <summary>Refers the ticket to a third party (工作联系单); it waits on hold until the return is recorded.</summary>
    /// <param name="party">Who it is referred to; not blank.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/>.</exception>
    public void ReferToThirdParty(string party, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(party);
        GuardCommand(TicketCommand.ReferToThirdParty, now);
        Raise(new ReferredToThirdParty(Id, now, party));
    }

    /// <summary>Records the third party's return (回单); work resumes.</summary>
    /// <param name="result">What the third party reported; not blank.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException">
    /// <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>, <see cref="RuleCode.TransitionMustBeAllowed"/>,
    /// <see cref="RuleCode.ThirdPartyReturnRequiresThirdPartyHold"/> (the ticket is on a customer hold) or
    /// <see cref="RuleCode.ThirdPartyReturnRequiresOpenReferral"/>.
    /// </exception>
    public void RecordThirdPartyReturn(string result, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(result);
        GuardCommand(TicketCommand.RecordThirdPartyReturn, now);
        TicketRules.ThirdPartyReturnRequiresThirdPartyHold(HoldReason);
        TicketRules.ThirdPartyReturnRequiresOpenReferral(Referral);
        Raise(new ThirdPartyReturned(Id, now, result));
    }

    /// <summary>Records that someone arrived on site.</summary>
    /// <param name="by">Who arrived.</param>
    /// <param name="now">When they arrived.</param>
    /// <exception cref="DomainRuleViolationException">
    /// <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>, <see cref="RuleCode.TransitionMustBeAllowed"/> or <see cref="RuleCode.OnSiteArrivalIsRecordedOnce"/>.
    /// </exception>
    public void RecordOnSiteArrival(StaffId by, Instant now)
    {
        Guard.Against.Default(by);
        GuardCommand(TicketCommand.RecordOnSiteArrival, now);
        TicketRules.OnSiteArrivalIsRecordedOnce(OnSiteArrivedAt is not null);
        Raise(new OnSiteArrived(Id, now, by));
    }

    /// <summary>Changes the priority; SLA targets are re-resolved from the same agreement version, elapsed time kept.</summary>
    /// <param name="priority">The new priority.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException">
    /// <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>, <see cref="RuleCode.TransitionMustBeAllowed"/> or <see cref="RuleCode.PriorityChangeMustChangePriority"/>.
    /// </exception>
    public void ChangePriority(Priority priority, Instant now)
    {
        Guard.Against.UndefinedEnumValue(priority);
        GuardCommand(TicketCommand.ChangePriority, now);
        TicketRules.PriorityChangeMustChangePriority(Priority, priority);
        Raise(new PriorityChanged(Id, now, Priority, priority));
    }

    /// <summary>
    /// Resolves the ticket (also from hold: the clock stops at this instant). An open third-party referral is closed at
    /// the resolution, without a result: the resolution ends the wait for the third party, so no stale referral survives a
    /// reopen, and a later referral starts afresh.
    /// </summary>
    /// <param name="by">Who resolved it.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/>.</exception>
    public void Resolve(StaffId by, Instant now)
    {
        Guard.Against.Default(by);
        GuardCommand(TicketCommand.Resolve, now);
        Raise(new TicketResolved(Id, now, by));
    }

    /// <summary>Reopens the resolved ticket.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/>.</exception>
    public void Reopen(string reason, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(TicketCommand.Reopen, now);
        Raise(new TicketReopened(Id, now, reason));
    }

    /// <summary>Closes the resolved ticket.</summary>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/>.</exception>
    public void Close(Instant now)
    {
        GuardCommand(TicketCommand.Close, now);
        Raise(new TicketClosed(Id, now));
    }

    /// <summary>Cancels the open ticket; its SLA statuses become cancelled (neither met nor missed).</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="now">When it happens.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/>.</exception>
    public void Cancel(string reason, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(TicketCommand.Cancel, now);
        Raise(new TicketCancelled(Id, now, reason));
    }

    /// <summary>
    /// Records the agreements chosen again for the ticket (a recompute): the customer's tier and the versions — usually
    /// <see cref="Agreements.AgreementCatalog.Select"/> asked again with the case's start — replace those it opened under,
    /// for the whole case. A tier change, a new version or a catalogue change never moves a case by itself; this is the
    /// host's explicit choice. The clock then measures the case from its start under the new choice, and refuses a version
    /// that was not in force at the case's start.
    /// </summary>
    /// <param name="customerTier">The customer's tier to measure the case for.</param>
    /// <param name="agreement">The customer SLA version, if any.</param>
    /// <param name="otherAgreements">The OLAs and underpinning contract, if any.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentException">
    /// The tier is the default value, <paramref name="agreement"/> has no id or a version below 1, <paramref name="otherAgreements"/>
    /// holds an invalid reference or names an agreement twice, or <paramref name="reason"/> is blank.
    /// </exception>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TransitionMustBeAllowed"/> (closed or cancelled).</exception>
    public void ReselectAgreements(ServiceTier customerTier, AgreementReference? agreement, IEnumerable<AgreementReference>? otherAgreements, string reason, Instant now)
    {
        Guard.Against.Default(customerTier);
        AgreementReferences.Check(agreement, nameof(agreement));
        var others = AgreementReferences.CheckOthers(agreement, otherAgreements, nameof(otherAgreements));
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(TicketCommand.ReselectAgreements, now);
        Raise(new TicketAgreementsReselected(Id, now, customerTier, agreement, reason) { OtherAgreements = others });
    }

    /// <summary>Whether <see cref="ReselectAgreements"/> is allowed now.</summary>
    /// <returns>True until the ticket is closed or cancelled.</returns>
    public bool CanReselectAgreements() => TicketTransitions.Allows(Status, TicketCommand.ReselectAgreements);

    /// <summary>Escalates the open ticket to a higher level (上报主管), as an escalation policy's decision says (<c>EscalationDecision.ApplyTo</c>) or by hand.</summary>
    /// <param name="level">The new level; above <see cref="EscalationTrack.Level"/> of <see cref="Escalation"/>.</param>
    /// <param name="target">Who is told; not blank.</param>
    /// <param name="reason">Why (a policy's reason code, such as <c>time.100</c>); not blank.</param>
    /// <param name="now">When.</param>
    /// <exception cref="ArgumentException"><paramref name="target"/> or <paramref name="reason"/> is null or blank.</exception>
    /// <exception cref="DomainRuleViolationException">
    /// <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>, <see cref="RuleCode.TransitionMustBeAllowed"/> (the ticket is resolved, closed or
    /// cancelled) or <see cref="RuleCode.EscalationLevelMustIncrease"/>.
    /// </exception>
    public void Escalate(int level, string target, string reason, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(target);
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(TicketCommand.Escalate, now);
        Escalation.EnsureRaisedBy(level, "ticket");
        Raise(new TicketEscalated(Id, now, level, target, reason));
    }

    /// <summary>Returns the id, status, priority and assignee.</summary>
    /// <returns>A short summary.</returns>
    public override string ToString() => $"Ticket {Id} ({Status}, {Priority}, assignee {Assignee?.ToString() ?? "none"})";

    private static void CheckOpening(
        TicketId id, CustomerId customer, TicketKind kind, Channel channel, Priority priority, StaffId firstContactOwner, ServiceTier customerTier,
        AgreementReference? agreement, Money? claimedLoss)
    {
        Guard.Against.Default(id);
        Guard.Against.Default(customer);
        Guard.Against.Default(firstContactOwner);
        Guard.Against.UndefinedEnumValue(kind);
        Guard.Against.UndefinedEnumValue(channel);
        Guard.Against.UndefinedEnumValue(priority);
        Guard.Against.Default(customerTier);
        AgreementReferences.Check(agreement, nameof(agreement));
        Guard.Against.ArgumentOutOfRange(claimedLoss is { IsNegative: true }, nameof(claimedLoss), $"A claimed loss cannot be negative; {claimedLoss} given.");
        Guard.Against.InvalidArgument(claimedLoss is { Currency: null }, nameof(claimedLoss), "A claimed loss needs a currency.");
    }

    /// <summary>The checks of the command that raises <paramref name="event"/>, in the ticket's present state (time order aside).</summary>
    private protected override void CheckReplayed(TicketEvent @event)
    {
        switch (@event)
        {
            case TicketOpened e:
                CheckOpening(e.TicketId, e.Customer, e.Kind, e.Channel, e.Priority, e.FirstContactOwner, e.CustomerTier, e.Agreement, e.ClaimedLoss);
                AgreementReferences.CheckOthers(e.Agreement, Guard.Against.Null(e.OtherAgreements, nameof(e.OtherAgreements)), nameof(e.OtherAgreements));
                break;
            case TicketAssigned e:
                Guard.Against.Default(e.Assignee, nameof(e.Assignee));
                Guard.Against.DefaultWhenPresent(e.Department, nameof(e.Department));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.Assign);
                break;
            case TicketTransferred e:
                Guard.Against.Default(e.To, nameof(e.To));
                Guard.Against.DefaultWhenPresent(e.Department, nameof(e.Department));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.Transfer);
                TicketRules.TransferMustChangeAssignee(Assignee, e.To);
                Guard.Against.InvalidArgument(e.From != Assignee, nameof(e.From), "The transfer is not from the ticket's assignee.");
                break;
            case ResponseRecorded e:
                Guard.Against.Default(e.By, nameof(e.By));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.RecordResponse);
                break;
            case TicketWorkStarted:
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.StartWork);
                break;
            case TicketOnHold e:
                Guard.Against.Default(e.Reason, nameof(e.Reason));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.Hold);
                break;
            case TicketResumed:
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.Resume);
                TicketRules.OpenReferralMustBeReturnedToResume(Referral);
                break;
            case ReferredToThirdParty e:
                Guard.Against.NullOrWhiteSpace(e.Party, nameof(e.Party));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.ReferToThirdParty);
                break;
            case ThirdPartyReturned e:
                Guard.Against.NullOrWhiteSpace(e.Result, nameof(e.Result));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.RecordThirdPartyReturn);
                TicketRules.ThirdPartyReturnRequiresThirdPartyHold(HoldReason);
                TicketRules.ThirdPartyReturnRequiresOpenReferral(Referral);
                break;
            case OnSiteArrived e:
                Guard.Against.Default(e.By, nameof(e.By));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.RecordOnSiteArrival);
                TicketRules.OnSiteArrivalIsRecordedOnce(OnSiteArrivedAt is not null);
                break;
            case PriorityChanged e:
                Guard.Against.UndefinedEnumValue(e.To, nameof(e.To));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.ChangePriority);
                TicketRules.PriorityChangeMustChangePriority(Priority, e.To);
                Guard.Against.InvalidArgument(e.From != Priority, nameof(e.From), $"The change is from {e.From}, but the ticket is {Priority}.");
                break;
            case TicketResolved e:
                Guard.Against.Default(e.By, nameof(e.By));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.Resolve);
                break;
            case TicketReopened e:
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.Reopen);
                break;
            case TicketClosed:
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.Close);
                break;
            case TicketCancelled e:
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.Cancel);
                break;
            case TicketAgreementsReselected e:
                Guard.Against.Default(e.CustomerTier, nameof(e.CustomerTier));
                AgreementReferences.Check(e.Agreement, nameof(e.Agreement));
                AgreementReferences.CheckOthers(e.Agreement, Guard.Against.Null(e.OtherAgreements, nameof(e.OtherAgreements)), nameof(e.OtherAgreements));
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.ReselectAgreements);
                break;
            case TicketEscalated e:
                Guard.Against.NullOrWhiteSpace(e.Target, nameof(e.Target));
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                TicketRules.TransitionMustBeAllowed(Status, TicketCommand.Escalate);
                Escalation.EnsureRaisedBy(e.Level, "ticket");
                break;
            default:
                Guard.Against.UnknownEvent(@event, "ticket", nameof(@event));
                break;
        }
    }

    private void GuardCommand(TicketCommand command, Instant now)
    {
        EnsureTimeMovesForward(now);
        TicketRules.TransitionMustBeAllowed(Status, command);
    }

    private void MoveBy(TicketCommand command) => Status = TicketTransitions.Target(Status, command);

    private protected override void Apply(TicketEvent @event)
    {
        switch (@event)
        {
            case TicketOpened e:
                (Id, Customer, Kind, Channel, Priority) = (e.TicketId, e.Customer, e.Kind, e.Channel, e.Priority);
                (FirstContactOwner, CustomerTier, Agreement, RequiresOnSiteVisit) = (e.FirstContactOwner, e.CustomerTier, e.Agreement, e.RequiresOnSiteVisit);
                (ClaimedLoss, OtherAgreements) = (e.ClaimedLoss, e.OtherAgreements);
                (OpenedAt, Status) = (e.OccurredAt, TicketStatus.New);
                break;
            case TicketAssigned e:
                MoveBy(TicketCommand.Assign);
                (Assignee, Department) = (e.Assignee, e.Department);
                break;
            case TicketTransferred e:
                (Assignee, Department) = (e.To, e.Department);
                TransferCount++;
                break;
            case ResponseRecorded { IsPublic: true } e:
                FirstResponseAt ??= e.OccurredAt;
                LastResponseAt = e.OccurredAt;
                break;
            case ResponseRecorded:
                break;
            case TicketWorkStarted:
                MoveBy(TicketCommand.StartWork);
                break;
            case TicketOnHold e:
                MoveBy(TicketCommand.Hold);
                HoldReason = e.Reason;
                break;
            case TicketResumed:
                MoveBy(TicketCommand.Resume);
                HoldReason = null;
                break;
            case ReferredToThirdParty e:
                MoveBy(TicketCommand.ReferToThirdParty);
                HoldReason = Tickets.HoldReason.WaitingForThirdParty;
                Referral = new ThirdPartyReferral(e.Party, e.OccurredAt, null, null);
                break;
            case ThirdPartyReturned e:
                MoveBy(TicketCommand.RecordThirdPartyReturn);
                HoldReason = null;
                Referral = Referral! with { ReturnedAt = e.OccurredAt, Result = e.Result };
                break;
            case OnSiteArrived e:
                OnSiteArrivedAt = e.OccurredAt;
                break;
            case PriorityChanged e:
                Priority = e.To;
                break;
            case TicketResolved e:
                MoveBy(TicketCommand.Resolve);
                (HoldReason, ResolvedAt, ResolvedBy) = (null, e.OccurredAt, e.By);
                Referral = Referral is { IsOpen: true } open ? open with { ReturnedAt = e.OccurredAt } : Referral;
                break;
            case TicketReopened:
                MoveBy(TicketCommand.Reopen);
                (ResolvedAt, ResolvedBy) = (null, null);
                ReopenCount++;
                break;
            case TicketClosed e:
                MoveBy(TicketCommand.Close);
                ClosedAt = e.OccurredAt;
                break;
            case TicketCancelled e:
                MoveBy(TicketCommand.Cancel);
                (HoldReason, CancelledAt) = (null, e.OccurredAt);
                break;
            case TicketAgreementsReselected e:
                (CustomerTier, Agreement, OtherAgreements) = (e.CustomerTier, e.Agreement, e.OtherAgreements);
                break;
            case TicketEscalated e:
                Escalation = Escalation.With(new Escalation(e.Level, e.Target, e.Reason, e.OccurredAt));
                break;
            default:
                Guard.Against.UnknownEvent(@event, "ticket", nameof(@event));
                break;
        }
    }
}
