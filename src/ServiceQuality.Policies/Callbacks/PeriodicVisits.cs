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

    private static CallbackPlan Plan(Customer customer, ServiceTier tier, VisitKind kind, LocalDate date, DateTimeZone zone, string code) =>
        new(customer.Id, VisitSubject.None, kind, date.At(new LocalTime(18, 0)).InZoneLeniently(zone).ToInstant(), code, $"{tier} entitlements");
}
