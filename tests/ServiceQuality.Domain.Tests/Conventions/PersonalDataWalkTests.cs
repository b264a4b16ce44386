using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using NodaTime;
using ServiceQuality.Domain.Agreements;
using ServiceQuality.Domain.Agreements.Events;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Customers.Events;
using ServiceQuality.Domain.Tests.Conventions.BadTypes.Visits;
using ServiceQuality.Domain.ServiceLevels;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Domain.Visits.Events;

namespace ServiceQuality.Domain.Tests.Conventions;

/// <summary>
/// Walks every public type of the Domain assembly that holds personal data, builds one with recognisable sentinel values
/// and checks that no text the library produces from it (<c>ToString</c>, an aggregate's events, a refusal's message)
/// holds a sentinel whole. The types are discovered, not listed: a new personal property that is not masked fails here.
/// </summary>
public sealed partial class PersonalDataWalkTests
{
    /// <summary>
    /// Words that mark a property as personal when a word of its name (split at capitals) is one of them and it holds
    /// text: names, contact details and the free text typed for a case, which may quote the customer.
    /// </summary>
    private static readonly HashSet<string> PersonalWords = new(StringComparer.Ordinal)
    {
        "Name", "Phone", "Mobile", "Email", "Mail", "Address", "Contact", "Comment", "Note", "Remark", "Reply", "Remedy",
        "Reason", "Result", "Party", "Target",
    };

    /// <summary>Text properties whose names carry a personal word but that name configuration, not a person.</summary>
    private static readonly HashSet<string> NotPersonal = new(StringComparer.Ordinal)
    {
        $"{nameof(ServiceLevelAgreement)}.{nameof(ServiceLevelAgreement.Name)}",
        $"{nameof(ServiceLevelAgreement)}.{nameof(ServiceLevelAgreement.CalendarName)}",
        $"{nameof(AgreementVersion)}.{nameof(AgreementVersion.Name)}",
        $"{nameof(AgreementVersion)}.{nameof(AgreementVersion.CalendarName)}",
        $"{nameof(AgreementDrafted)}.{nameof(AgreementDrafted.Name)}",
        $"{nameof(AgreementDrafted)}.{nameof(AgreementDrafted.CalendarName)}",
        $"{nameof(AgreementCalendarSet)}.{nameof(AgreementCalendarSet.CalendarName)}",
        $"{nameof(SlaEvaluation)}.{nameof(SlaEvaluation.CalendarName)}",
        $"{nameof(SlaEvaluationSummary)}.{nameof(SlaEvaluationSummary.CalendarName)}",
    };

    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);

    private static readonly Type[] DomainTypes = ConventionChecks.PublicTypes(typeof(Customer).Assembly).ToArray();

    /// <summary>How to build an aggregate (which has no public constructor) through its commands, with every personal property set.</summary>
    private static readonly Dictionary<Type, Func<Sample, object>> Aggregates = new()
    {
        [typeof(Customer)] = s =>
        {
            var customer = Customer.Register(
                new CustomerId("C-1"), s.Text("DisplayName"), new ContactDetails(s.Text("Phone"), s.Text("Email"), s.Text("Address")),
                ServiceTier.Ordinary, new LocalDate(2020, 1, 1), T0);
            customer.ChangeTier(ServiceTier.Gold, new LocalDate(2025, 1, 1), s.Text("TierReason"), At(1));
            customer.UpdateTrustScore(80, s.Text("TrustReason"), At(2));
            customer.ChangeContactDetails(new ContactDetails(s.Text("NewPhone"), s.Text("NewEmail"), s.Text("NewAddress")), At(3));
            return customer;
        },
        [typeof(Complaint)] = s =>
        {
            var complaint = Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.ServiceAttitude, Severity.Minor, T0);
            complaint.Register(At(1));
            complaint.AssignInvestigation(new DepartmentId("D-1"), new StaffId("S-1"), At(600), At(2));
            complaint.Respond(s.Text("Reply"), s.Text("Remedy"), At(3));
            complaint.Resolve(At(4));
            complaint.RecordVerdict(VerdictOutcome.Substantiated, s.Text("VerdictReason"), new StaffId("S-2"), At(5));
            complaint.WaiveCallback(s.Text("WaiverReason"), At(6));
            complaint.Escalate(1, s.Text("Target"), s.Text("EscalationReason"), At(7));
            return complaint;
        },
        [typeof(Ticket)] = s =>
        {
            var ticket = Ticket.Open(
                new TicketId("T-1"), new CustomerId("C-1"), TicketKind.RepairRequest, Channel.Hotline, Priority.P2, new StaffId("S-1"), ServiceTier.Ordinary, T0);
            ticket.Assign(new StaffId("S-2"), null, At(1));
            ticket.StartWork(At(2));
            ticket.ReferToThirdParty(s.Text("Party"), At(3));
            ticket.RecordThirdPartyReturn(s.Text("Result"), At(4));
            ticket.Resolve(new StaffId("S-2"), At(5));
            ticket.Reopen(s.Text("ReopenReason"), At(6));
            ticket.Escalate(1, s.Text("TicketEscalationTarget"), s.Text("TicketEscalationReason"), At(7));
            ticket.Cancel(s.Text("CancelReason"), At(8));
            return ticket;
        },
        [typeof(VisitRecord)] = s =>
        {
            var visit = VisitRecord.Plan(new VisitId("V-1"), new CustomerId("C-1"), VisitSubject.None, VisitKind.PhoneCallback, At(60), 3, T0);
            visit.Complete(SatisfactionRating.Satisfied, new Dictionary<string, SatisfactionRating> { ["reception"] = SatisfactionRating.Satisfied }, s.Text("Comment"), new StaffId("S-1"), At(1));
            return visit;
        },
    };

    [Fact]
    public void Walk_FindsThePersonalDataOfTheDomain()
    {
        var found = PersonalTypes(DomainTypes).ToHashSet();

        Assert.Superset(
            new HashSet<Type>
            {
                typeof(Customer), typeof(ContactDetails), typeof(CustomerRegistered), typeof(ContactDetailsChanged), typeof(Complaint),
                typeof(ComplaintResponse), typeof(VisitCompleted), typeof(Ticket), typeof(ThirdPartyReferral),
            },
            found);
        Assert.DoesNotContain(typeof(AgreementDrafted), found);
    }

    [Fact]
    public void EveryPublicTypeWithPersonalData_MasksItInEveryTextItProduces()
    {
        var violations = UnmaskedPersonalData(DomainTypes);

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Walk_OnATypeWithAnUnmaskedPersonalProperty_ReportsIt()
    {
        var violations = UnmaskedPersonalData([typeof(LeakyVisitNote), typeof(MaskedVisitNote)]).ToList();

        var violation = Assert.Single(violations);
        Assert.StartsWith(typeof(LeakyVisitNote).FullName + ".ToString() shows ", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void Walk_OnAnAggregateWhoseBuilderLeavesAPersonalPropertyEmpty_ReportsIt()
    {
        var registeredOnly = new Dictionary<Type, Func<Sample, object>>
        {
            [typeof(Customer)] = s => Customer.Register(new CustomerId("C-1"), s.Text("DisplayName"), ContactDetails.None, ServiceTier.Ordinary, new LocalDate(2020, 1, 1), T0),
        };

        var violations = UnmaskedPersonalData([typeof(Customer)], registeredOnly).ToList();

        Assert.Equal(
            [$"{typeof(Customer).FullName}.Contact holds no sentinel; make the sample set it", $"{typeof(Customer).FullName}.TierHistory holds no sentinel; make the sample set it"],
            violations);
    }

    [Fact]
    public void RefusedReplays_OfEventsWithPersonalData_DoNotEchoThemInTheMessage()
    {
        var refusals = 0;
        foreach (var (type, build) in Aggregates)
        {
            var sample = new Sample();
            var history = ((IEnumerable)type.GetProperty("History")!.GetValue(build(sample))!).Cast<object>().ToList();
            var fromHistory = type.GetMethod("FromHistory", BindingFlags.Public | BindingFlags.Static)!;
            var eventType = fromHistory.GetParameters()[0].ParameterType.GetGenericArguments()[0];
            for (var i = 1; i < history.Count; i++)
            {
                // The event again right after itself: refused by most transitions, and the refusal passes through the guards.
                var replay = Array.CreateInstance(eventType, i + 2);
                for (var j = 0; j <= i; j++)
                {
                    replay.SetValue(history[j], j);
                }

                replay.SetValue(history[i], i + 1);
                try
                {
                    fromHistory.Invoke(null, [replay]);
                }
                catch (TargetInvocationException exception) when (exception.InnerException is ArgumentException refusal)
                {
                    refusals++;
                    Assert.Empty(sample.FoundIn(refusal.ToString()));
                }
            }
        }

        Assert.True(refusals >= 4, $"only {refusals} replays were refused; the check needs refusals to look at");
    }

    /// <summary>Every public type with a personal property whose text shows a sentinel whole, or that cannot be built.</summary>
    private static List<string> UnmaskedPersonalData(IEnumerable<Type> types, Dictionary<Type, Func<Sample, object>>? aggregates = null)
    {
        aggregates ??= Aggregates;
        var violations = new List<string>();
        foreach (var type in PersonalTypes(types))
        {
            var sample = new Sample();
            object instance;
            try
            {
                instance = aggregates.TryGetValue(type, out var build) ? build(sample) : sample.Build(type, type.Name)!;
            }
            catch (Exception exception) when (exception is InvalidOperationException or TargetInvocationException)
            {
                violations.Add($"{type.FullName}: {exception.GetBaseException().Message}");
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsPersonal))
            {
                var value = property.GetValue(instance);
                if (!PersonalStrings(value).Any(sample.Sentinels.Contains))
                {
                    violations.Add($"{type.FullName}.{property.Name} holds no sentinel; make the sample set it");
                }
                else if (value is not string)
                {
                    violations.AddRange(
                        from text in Texts(value!)
                        from sentinel in sample.FoundIn(text)
                        select $"{type.FullName}.{property.Name}'s text shows '{sentinel}': {text}");
                }
            }

            var description = instance.ToString() ?? string.Empty;
            violations.AddRange(sample.FoundIn(description).Select(sentinel => $"{type.FullName}.ToString() shows '{sentinel}': {description}"));
            if (type.GetProperty("History")?.GetValue(instance) is IEnumerable history)
            {
                violations.AddRange(
                    from @event in history.Cast<object>()
                    let text = @event.ToString() ?? string.Empty
                    from sentinel in sample.FoundIn(text)
                    select $"{type.FullName}'s event {@event.GetType().Name} shows '{sentinel}': {text}");
            }
        }

        return violations;
    }

    /// <summary>The texts held by personal properties in <paramref name="value"/>, at any depth.</summary>
    private static IEnumerable<string> PersonalStrings(object? value) => value switch
    {
        null => [],
        string text => [text],
        IEnumerable items => items.Cast<object?>().SelectMany(item => item is DictionaryEntry entry ? PersonalStrings(entry.Value) : PersonalStrings(item)),
        _ when value.GetType().Assembly == typeof(Customer).Assembly || value.GetType().Assembly == typeof(PersonalDataWalkTests).Assembly =>
            value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsPersonal).SelectMany(p => PersonalStrings(p.GetValue(value))),
        _ => [],
    };

    private static IEnumerable<string> Texts(object value) =>
        value is IEnumerable items and not string ? items.Cast<object>().Select(i => i.ToString() ?? string.Empty) : [value.ToString() ?? string.Empty];

    private static IEnumerable<Type> PersonalTypes(IEnumerable<Type> types) =>
        types.Where(t => !t.IsAbstract && !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t) && HasPersonalData(t, []));

    private static bool HasPersonalData(Type type, HashSet<Type> visiting) =>
        visiting.Add(type) && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => IsPersonal(p, visiting));

    private static bool IsPersonal(PropertyInfo property) => IsPersonal(property, []);

    private static bool IsPersonal(PropertyInfo property, HashSet<Type> visiting)
    {
        var type = ElementType(property.PropertyType);
        if (type == typeof(string))
        {
            return IsPersonalName(property.ReflectedType!.Name, property.Name);
        }

        return type.Assembly == typeof(Customer).Assembly && !type.IsEnum && HasPersonalData(type, [.. visiting]);
    }

    private static bool IsPersonalName(string typeName, string name) =>
        !NotPersonal.Contains($"{typeName}.{name}") && Words().Matches(name).Any(w => PersonalWords.Contains(w.Value));

    private static Type ElementType(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return underlying;
        }

        if (type != typeof(string) && type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) is { } enumerable)
        {
            var item = enumerable.GetGenericArguments()[0];
            return item.IsGenericType && item.GetGenericTypeDefinition() == typeof(KeyValuePair<,>) ? item.GetGenericArguments()[1] : item;
        }

        return type;
    }

    private static Instant At(int minutes) => T0 + Duration.FromMinutes(minutes);

    [GeneratedRegex("[A-Z][a-z]*")]
    private static partial Regex Words();

    /// <summary>Builds sample values, putting a recognisable sentinel in every personal text and remembering it.</summary>
    private sealed class Sample
    {
        public List<string> Sentinels { get; } = [];

        /// <summary>A sentinel for a personal text named <paramref name="name"/>: a phone, an e-mail, an address or a name with free text.</summary>
        public string Text(string name)
        {
            var words = Words().Matches(name).Select(w => w.Value).ToHashSet(StringComparer.Ordinal);
            var sentinel =
                words.Overlaps(["Phone", "Mobile"]) ? "13812345678"
                : words.Overlaps(["Email", "Mail"]) ? "zhang.wei@example.com"
                : words.Contains("Address") ? "北京市朝阳区建国路88号"
                : $"Zhang Wei 张伟 {name}";
            Sentinels.Add(sentinel);
            return sentinel;
        }

        public IEnumerable<string> FoundIn(string text) => Sentinels.Distinct().Where(s => text.Contains(s, StringComparison.Ordinal));

        /// <summary>A sample of <paramref name="type"/> for a member named <paramref name="name"/> of <paramref name="owner"/>.</summary>
        public object? Build(Type type, string name, Type? owner = null)
        {
            if (type == typeof(string))
            {
                return owner is not null && IsPersonalName(owner.Name, name) ? Text(name) : name + "-1";
            }

            if (Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return Build(underlying, name, owner);
            }

            if (type.IsEnum)
            {
                return Enum.GetValues(type).GetValue(0);
            }

            if (Known(type) is { } known)
            {
                return known;
            }

            if (type == typeof(EscalationTrack))
            {
                // A track has no public constructor: it is what a ticket's escalations leave.
                return ((Ticket)Aggregates[typeof(Ticket)](this)).Escalation;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            {
                var arguments = type.GetGenericArguments();
                var dictionary = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
                dictionary.Add(Build(arguments[0], name + "Key", owner)!, Build(arguments[1], name, owner));
                return dictionary;
            }

            if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IReadOnlyList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>)))
            {
                var item = type.GetGenericArguments()[0];
                var array = Array.CreateInstance(item, 1);
                array.SetValue(Build(item, name, owner), 0);
                return array;
            }

            // The type walked is built whatever its assembly; what it holds, only from the Domain's own types.
            if ((owner is null || type.Assembly == typeof(Customer).Assembly)
                && type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault() is { } constructor)
            {
                return constructor.Invoke([.. constructor.GetParameters().Select(p => Build(p.ParameterType, p.Name!, type))]);
            }

            throw new InvalidOperationException($"no sample for {type} (member {name}); add one to {nameof(PersonalDataWalkTests)}");
        }

        private static object? Known(Type type) =>
            type == typeof(int) ? 1
            : type == typeof(long) ? 1L
            : type == typeof(decimal) ? 50m
            : type == typeof(bool) ? true
            : type == typeof(Instant) ? T0
            : type == typeof(LocalDate) ? new LocalDate(2025, 3, 3)
            : type == typeof(LocalTime) ? new LocalTime(9, 0)
            : type == typeof(Duration) ? Duration.FromHours(4)
            : type == typeof(ServiceTier) ? ServiceTier.Gold
            : type == typeof(Money) ? Money.Yuan(100m)
            : type == typeof(VisitSubject) ? VisitSubject.None
            : null;
    }
}
