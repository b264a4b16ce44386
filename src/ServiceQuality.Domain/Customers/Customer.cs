using System.Collections.ObjectModel;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Customers.Rules;

namespace ServiceQuality.Domain.Customers;

/// <summary>
/// A customer (客户 / 业主 / 用户): tier with its history, credit grade, trust score, account manager, care flags
/// and spend by year. The display name and contact details are personal data: <see cref="ToString"/> and the events'
/// text mask them, while <see cref="DisplayName"/> and <see cref="Contact"/> hold them whole.
/// </summary>
/// <remarks>Create with <see cref="Register"/> or rebuild with <see cref="FromHistory"/>. Not thread-safe.</remarks>
public sealed class Customer : AggregateRoot<CustomerEvent>
{
    private readonly List<TierAssignment> _tiers = [];

    // Made when first needed (a spend recorded, a view asked for): a replay keeps every customer, most of whom never have either.
    private SortedDictionary<int, Money>? _spend;
    private ReadOnlyCollection<TierAssignment>? _tierView;
    private ReadOnlyDictionary<int, Money>? _spendView;

    private Customer()
    {
    }

    /// <summary>The customer's id.</summary>
    public CustomerId Id { get; private set; }

    /// <summary>Where the customer is in its life: always <see cref="CustomerStatus.Registered"/> (see <see cref="CustomerStatus"/>).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "An instance property like every aggregate's Status.")]
    public CustomerStatus Status => CustomerStatus.Registered;

    /// <summary>
    /// The customer's transition table: one row per command, each from and to <see cref="CustomerStatus.Registered"/>,
    /// in command order. A customer has no lifecycle, so it has no <c>CanX</c> methods: every command is allowed as far as
    /// the state goes, and only its argument rules can refuse it. Immutable; docs/lifecycles.md is generated from it.
    /// </summary>
    public static IReadOnlyList<Transition<CustomerStatus, CustomerCommand>> Transitions => CustomerTransitions.Table.Rows;

    /// <summary>The commands the customer's <see cref="Status"/> accepts, in declaration order: all of them (argument rules aside).</summary>
    public IReadOnlyList<CustomerCommand> PermittedCommands => CustomerTransitions.Table.Permitted(Status);

    /// <summary>The name shown to staff (personal data, masked in <see cref="ToString"/>).</summary>
    public string DisplayName { get; private set; } = string.Empty;

    /// <summary>How to reach the customer (personal data).</summary>
    public ContactDetails Contact { get; private set; } = ContactDetails.None;

    /// <summary>The local date the customer relationship began.</summary>
    public LocalDate CustomerSince { get; private set; }

    /// <summary>The latest tier assigned (see <see cref="TierOn"/> for the tier in force on a date).</summary>
    public ServiceTier Tier => _tiers[^1].Tier;

    /// <summary>Every tier assignment, oldest first; effective dates never decrease.</summary>
    public IReadOnlyList<TierAssignment> TierHistory => _tierView ??= new ReadOnlyCollection<TierAssignment>(_tiers);

    /// <summary>The credit grade.</summary>
    public CreditGrade CreditGrade { get; private set; }

    /// <summary>The trust score, 0 to 100; <see cref="DefaultTrustScore"/> until a trust policy updates it.</summary>
    public int TrustScore { get; private set; } = DefaultTrustScore;

    /// <summary>The dedicated account manager, if any.</summary>
    public StaffId? AccountManager { get; private set; }

    /// <summary>The care flags set on the account.</summary>
    public CareFlags CareFlags { get; private set; }

    /// <summary>Spend recorded per year, by year; all amounts in one currency.</summary>
    public IReadOnlyDictionary<int, Money> SpendByYear => _spendView ??= new ReadOnlyDictionary<int, Money>(_spend ??= []);

    /// <summary>The trust score of a newly registered customer.</summary>
    public const int DefaultTrustScore = 60;

    /// <summary>Registers a customer.</summary>
    /// <param name="id">The customer's id.</param>
    /// <param name="displayName">The name shown to staff; not blank.</param>
    /// <param name="contact">How to reach the customer.</param>
    /// <param name="tier">The first tier, effective from <paramref name="customerSince"/>.</param>
    /// <param name="customerSince">The local date the relationship began.</param>
    /// <param name="now">When the registration happens.</param>
    /// <returns>The new customer, with one uncommitted <see cref="CustomerRegistered"/> event.</returns>
    /// <exception cref="ArgumentException">An argument is missing or blank.</exception>
    public static Customer Register(CustomerId id, string displayName, ContactDetails contact, ServiceTier tier, LocalDate customerSince, Instant now)
    {
        CheckRegistration(id, displayName, contact, tier);
        var customer = new Customer();
        customer.Raise(new CustomerRegistered(id, now, displayName, contact, tier, customerSince));
        return customer;
    }

    /// <summary>Rebuilds a customer from its stored events.</summary>
    /// <param name="history">The events, oldest first, starting with <see cref="CustomerRegistered"/>.</param>
    /// <returns>The customer as it was after the last event, with no uncommitted events.</returns>
    /// <exception cref="ArgumentException">
    /// The history is empty or, naming the index of the first bad event: an event is null, of another customer, earlier than
    /// the one before it, holds an empty id, a default tier, an undefined enum value, a blank text or money without a
    /// currency, or is one the customer's commands would have refused there (the first is not the registration, a rule broken).
    /// </exception>
    public static Customer FromHistory(IEnumerable<CustomerEvent> history)
    {
        var customer = new Customer();
        customer.Load(history, e => e is CustomerRegistered, e => e.CustomerId == customer.Id);
        return customer;
    }

    /// <summary>The tier in force on <paramref name="date"/>: the latest assignment effective on or before it, or the first tier before that.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The tier.</returns>
    public ServiceTier TierOn(LocalDate date)
    {
        var tier = _tiers[0].Tier;
        foreach (var assignment in _tiers)
        {
            if (assignment.EffectiveFrom <= date)
            {
                tier = assignment.Tier;
            }
        }

        return tier;
    }

    /// <summary>The spend recorded for <paramref name="year"/>, or null when none was.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The total for the year.</returns>
    public Money? SpendIn(int year) => _spend is not null && _spend.TryGetValue(year, out var spend) ? spend : null;

    /// <summary>Gives the customer a new tier from a date on, keeping the history.</summary>
    /// <param name="tier">The new tier.</param>
    /// <param name="effectiveFrom">The first local date of the new tier; not before the current tier's.</param>
    /// <param name="reason">Why, for audit; not blank.</param>
    /// <param name="now">When the change is made.</param>
    /// <exception cref="DomainRuleViolationException">
    /// <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TierChangeMustNotPrecedeCurrentTier"/>.
    /// </exception>
    public void ChangeTier(ServiceTier tier, LocalDate effectiveFrom, string reason, Instant now)
    {
        Guard.Against.Default(tier);
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(CustomerCommand.ChangeTier, now);
        CustomerRules.TierChangeMustNotPrecedeCurrentTier(effectiveFrom, _tiers[^1].EffectiveFrom);
        Raise(new TierChanged(Id, now, tier, effectiveFrom, reason));
    }

    /// <summary>Sets the credit grade.</summary>
    /// <param name="grade">The new grade.</param>
    /// <param name="now">When the change is made.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="grade"/> is not a defined grade.</exception>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>.</exception>
    public void ChangeCreditGrade(CreditGrade grade, Instant now)
    {
        Guard.Against.UndefinedEnumValue(grade);
        GuardCommand(CustomerCommand.ChangeCreditGrade, now);
        Raise(new CreditGradeChanged(Id, now, grade));
    }

    /// <summary>Sets the trust score, as recomputed by a trust policy.</summary>
    /// <param name="score">The new score, 0 to 100.</param>
    /// <param name="reason">Why, for audit; not blank.</param>
    /// <param name="now">When the change is made.</param>
    /// <exception cref="DomainRuleViolationException">
    /// <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/> or <see cref="RuleCode.TrustScoreMustBeWithinRange"/>.
    /// </exception>
    public void UpdateTrustScore(int score, string reason, Instant now)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        GuardCommand(CustomerCommand.UpdateTrustScore, now);
        CustomerRules.TrustScoreMustBeWithinRange(score);
        Raise(new TrustScoreUpdated(Id, now, score, reason));
    }

    /// <summary>Assigns a dedicated account manager, or removes the one assigned.</summary>
    /// <param name="manager">The manager, or null for none.</param>
    /// <param name="now">When the change is made.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>.</exception>
    public void AssignAccountManager(StaffId? manager, Instant now)
    {
        if (manager is { } m)
        {
            Guard.Against.Default(m, nameof(manager));
        }

        GuardCommand(CustomerCommand.AssignAccountManager, now);
        Raise(new AccountManagerAssigned(Id, now, manager));
    }

    /// <summary>Replaces the care flags.</summary>
    /// <param name="flags">The flags to set; any combination.</param>
    /// <param name="now">When the change is made.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flags"/> has undefined bits.</exception>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>.</exception>
    public void SetCareFlags(CareFlags flags, Instant now)
    {
        CheckCareFlags(flags);
        GuardCommand(CustomerCommand.SetCareFlags, now);
        Raise(new CareFlagsChanged(Id, now, flags));
    }

    /// <summary>Adds spend to a year's total (tiers are re-selected yearly from annual spend).</summary>
    /// <param name="year">The year the spend counts for, 1900 to 2199.</param>
    /// <param name="amount">The amount; positive, in the currency of earlier spend.</param>
    /// <param name="now">When it is recorded.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1900-2199.</exception>
    /// <exception cref="DomainRuleViolationException">
    /// <see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>, <see cref="RuleCode.SpendMustBePositive"/> or
    /// <see cref="RuleCode.SpendCurrencyMustMatchEarlierSpend"/>.
    /// </exception>
    public void RecordSpend(int year, Money amount, Instant now)
    {
        CheckYear(year);
        Guard.Against.Null(amount.Currency, nameof(amount));
        GuardCommand(CustomerCommand.RecordSpend, now);
        CustomerRules.SpendMustBePositive(amount);
        CustomerRules.SpendCurrencyMustMatchEarlierSpend(amount, _spend is null or { Count: 0 } ? null : _spend.First().Value.Currency);
        Raise(new SpendRecorded(Id, now, year, amount));
    }

    /// <summary>Replaces the contact details.</summary>
    /// <param name="contact">The new details.</param>
    /// <param name="now">When the change is made.</param>
    /// <exception cref="DomainRuleViolationException"><see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>.</exception>
    public void ChangeContactDetails(ContactDetails contact, Instant now)
    {
        Guard.Against.Null(contact);
        GuardCommand(CustomerCommand.ChangeContactDetails, now);
        Raise(new ContactDetailsChanged(Id, now, contact));
    }

    /// <summary>Returns the id, the masked name, the tier and the masked contact details, such as <c>Customer C-1 'Z***' (gold; phone *******5678)</c>.</summary>
    /// <returns>A summary with personal data masked.</returns>
    public override string ToString() => $"Customer {Id} '{PersonalData.Text(DisplayName)}' ({Tier}; {Contact})";

    private void GuardCommand(CustomerCommand command, Instant now)
    {
        EnsureTimeMovesForward(now);
        CustomerRules.TransitionMustBeAllowed(Status, command);
    }

    private static void CheckRegistration(CustomerId id, string displayName, ContactDetails contact, ServiceTier tier)
    {
        Guard.Against.Default(id);
        Guard.Against.NullOrWhiteSpace(displayName);
        Guard.Against.Null(contact);
        Guard.Against.Default(tier);
    }

    private static void CheckCareFlags(CareFlags flags) =>
        Guard.Against.ArgumentOutOfRange(
            (flags & ~(CareFlags.HardshipHousehold | CareFlags.RedList | CareFlags.BlackList)) != 0, nameof(flags), $"Unknown care flag in {flags}.");

    private static void CheckYear(int year)
    {
        Guard.Against.LessThan(year, 1900);
        Guard.Against.GreaterThan(year, 2199);
    }

    /// <summary>The checks of the command that raises <paramref name="event"/>, in the customer's present state (time order aside).</summary>
    private protected override void CheckReplayed(CustomerEvent @event)
    {
        switch (@event)
        {
            case CustomerRegistered e:
                CheckRegistration(e.CustomerId, e.DisplayName, e.Contact, e.Tier);
                break;
            case TierChanged e:
                Guard.Against.Default(e.Tier, nameof(e.Tier));
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                CustomerRules.TierChangeMustNotPrecedeCurrentTier(e.EffectiveFrom, _tiers[^1].EffectiveFrom);
                break;
            case CreditGradeChanged e:
                Guard.Against.UndefinedEnumValue(e.Grade, nameof(e.Grade));
                break;
            case TrustScoreUpdated e:
                Guard.Against.NullOrWhiteSpace(e.Reason, nameof(e.Reason));
                CustomerRules.TrustScoreMustBeWithinRange(e.Score);
                break;
            case AccountManagerAssigned e:
                Guard.Against.DefaultWhenPresent(e.Manager, nameof(e.Manager));
                break;
            case CareFlagsChanged e:
                CheckCareFlags(e.Flags);
                break;
            case SpendRecorded e:
                CheckYear(e.Year);
                Guard.Against.Null(e.Amount.Currency, nameof(e.Amount));
                CustomerRules.SpendMustBePositive(e.Amount);
                CustomerRules.SpendCurrencyMustMatchEarlierSpend(e.Amount, _spend is null or { Count: 0 } ? null : _spend.First().Value.Currency);
                break;
            case ContactDetailsChanged e:
                Guard.Against.Null(e.Contact, nameof(e.Contact));
                break;
            default:
                Guard.Against.UnknownEvent(@event, "customer", nameof(@event));
                break;
        }
    }

    private protected override void Apply(CustomerEvent @event)
    {
        switch (@event)
        {
            case CustomerRegistered e:
                (Id, DisplayName, Contact, CustomerSince) = (e.CustomerId, e.DisplayName, e.Contact, e.CustomerSince);
                _tiers.Add(new TierAssignment(e.Tier, e.CustomerSince, "registration"));
                break;
            case TierChanged e:
                _tiers.Add(new TierAssignment(e.Tier, e.EffectiveFrom, e.Reason));
                break;
            case CreditGradeChanged e:
                CreditGrade = e.Grade;
                break;
            case TrustScoreUpdated e:
                TrustScore = e.Score;
                break;
            case AccountManagerAssigned e:
                AccountManager = e.Manager;
                break;
            case CareFlagsChanged e:
                CareFlags = e.Flags;
                break;
            case SpendRecorded e:
                _spend ??= [];
                _spend[e.Year] = _spend.TryGetValue(e.Year, out var total) ? total + e.Amount : e.Amount;
                break;
            case ContactDetailsChanged e:
                Contact = e.Contact;
                break;
            default:
                Guard.Against.UnknownEvent(@event, "customer", nameof(@event));
                break;
        }
    }
}
