using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Tiering;

namespace ServiceQuality.Policies.Callbacks;

/// <summary>Periodic visits a customer's tier entitles it to in a year: senior visits spread over the year and periodic reviews.</summary>
public static class PeriodicVisits
{
    /// <summary>The visits owed to <paramref name="customer"/> in <paramref name="year"/>.</summary>
    /// <param name="customer">The customer; its tier on January 1 decides.</param>
    /// <param name="entitlements">The entitlements of each tier.</param>
    /// <param name="year">The year.</param>
    /// <param name="zone">The zone the visits are due in (each is due at the end of its slot, 18:00 local).</param>
    /// <returns>The plans: senior visits due at the end of equal slices of the year, then reviews at the end of each review period.</returns>
    public static IReadOnlyList<CallbackPlan> PlanFor(Customer customer, EntitlementCatalog entitlements, int year, DateTimeZone zone)
    {
        Guard.Against.Null(customer);
        Guard.Against.Null(entitlements);
        Guard.Against.Null(zone);
        var start = new LocalDate(year, 1, 1);
        var owed = entitlements.For(customer.TierOn(start));
        var plans = new List<CallbackPlan>();
        var daysInYear = CalendarSystem.Iso.GetDaysInYear(year);
        for (var i = 1; i <= owed.SeniorVisitsPerYear; i++)
        {
            var due = start.PlusDays((daysInYear * i / owed.SeniorVisitsPerYear) - 1);
            plans.Add(Plan(customer, owed.Tier, VisitKind.OnSiteVisit, due, zone, "senior-visit"));
        }

        if (owed.ReviewEvery is { } every)
        {
            for (var end = start.Plus(every); end.Year == year || end == start.PlusYears(1); end = end.Plus(every))
            {
                plans.Add(Plan(customer, owed.Tier, VisitKind.KeyAccountReview, end.PlusDays(-1), zone, "periodic-review"));
            }
        }

        return plans;
    }

    /// <summary>
    /// The visits owed to <paramref name="customer"/> in <paramref name="year"/>, staggered: the same visits as
    /// <see cref="PlanFor"/>, one in each slice of the year (senior visits) and one in each review period, but each due on a
    /// day of its slice or period that the customer's id decides (a stable hash), not on its last day. Many accounts' visits
    /// then spread evenly over the year, as a centre's visit calendar does, instead of all falling due on the same days.
    /// </summary>
    /// <param name="customer">The customer; its tier on January 1 decides.</param>
    /// <param name="entitlements">The entitlements of each tier.</param>
    /// <param name="year">The year.</param>
    /// <param name="zone">The zone the visits are due in (each at 18:00 local on its day).</param>
    /// <returns>
    /// The plans: senior visits, then reviews, each in date order; as many as <see cref="PlanFor"/> gives, each due within
    /// the slice or review period whose last day <see cref="PlanFor"/> gives. The same for the same customer id, in any run.
    /// </returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<CallbackPlan> PlanStaggeredFor(Customer customer, EntitlementCatalog entitlements, int year, DateTimeZone zone)
    {
        Guard.Against.Null(customer);
        Guard.Against.Null(entitlements);
        Guard.Against.Null(zone);
        var start = new LocalDate(year, 1, 1);
        var owed = entitlements.For(customer.TierOn(start));
        var hash = StableHash(customer.Id.Value);
        var plans = new List<CallbackPlan>();
        var daysInYear = CalendarSystem.Iso.GetDaysInYear(year);
        for (var i = 1; i <= owed.SeniorVisitsPerYear; i++)
        {
            var (from, until) = ((daysInYear * (i - 1)) / owed.SeniorVisitsPerYear, (daysInYear * i) / owed.SeniorVisitsPerYear);
            var day = until > from ? from + (int)(hash % (uint)(until - from)) : until - 1;
            plans.Add(Plan(customer, owed.Tier, VisitKind.OnSiteVisit, start.PlusDays(day), zone, "senior-visit"));
        }

        if (owed.ReviewEvery is { } every)
        {
            var reviewHash = StableHash(customer.Id.Value + "/review");
            for (var (from, end) = (start, start.Plus(every)); end.Year == year || end == start.PlusYears(1); (from, end) = (end, end.Plus(every)))
            {
                var length = Period.Between(from, end, PeriodUnits.Days).Days;
                plans.Add(Plan(customer, owed.Tier, VisitKind.KeyAccountReview, from.PlusDays((int)(reviewHash % (uint)Math.Max(length, 1))), zone, "periodic-review"));
            }
        }

        return plans;
    }

    /// <summary>FNV-1a over the UTF-16 code units: the same in every process (unlike <see cref="string.GetHashCode()"/>).</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }

    private static CallbackPlan Plan(Customer customer, ServiceTier tier, VisitKind kind, LocalDate date, DateTimeZone zone, string code) =>
        new(customer.Id, VisitSubject.None, kind, date.At(new LocalTime(18, 0)).InZoneLeniently(zone).ToInstant(), code, $"{tier} entitlements");
}
