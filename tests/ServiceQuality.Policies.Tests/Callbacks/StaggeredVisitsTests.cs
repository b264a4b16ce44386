using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Tiering;

namespace ServiceQuality.Policies.Tests.Callbacks;

/// <summary>Staggered periodic visits: the same visits as the unstaggered plan, each inside its slice, spread by the account's id.</summary>
public sealed class StaggeredVisitsTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly Instant T0 = Instant.FromUtc(2024, 6, 1, 0, 0);

    private static Customer Key(string id) => Customer.Register(new CustomerId(id), "Account " + id, ContactDetails.None, ServiceTier.Key, new LocalDate(2020, 1, 1), T0);

    [Property(MaxTest = 200, Replay = PropertyRuns.Replay)]
    public Property PlanStaggeredFor_KeepsEveryVisitInsideTheSliceItIsOwedIn() =>
        Prop.ForAll(Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Choose(2000, 2100)).ToArbitrary(), input =>
        {
            var (number, year) = input;
            var customer = Key("C-" + number);
            var plain = PeriodicVisits.PlanFor(customer, EntitlementCatalog.Default, year, Shanghai);
            var staggered = PeriodicVisits.PlanStaggeredFor(customer, EntitlementCatalog.Default, year, Shanghai);

            Assert.Equal(plain.Select(p => (p.Kind, p.ReasonCode, p.Customer)), staggered.Select(p => (p.Kind, p.ReasonCode, p.Customer)));
            var previousEnd = new LocalDate(year, 1, 1).PlusDays(-1);
            foreach (var (last, due) in plain.Zip(staggered, (p, s) => (p.Due.InZone(Shanghai).Date, s.Due.InZone(Shanghai).Date)))
            {
                // Each visit falls after the previous slice's last day and on or before its own slice's last day.
                Assert.InRange(due, last.Year == year && previousEnd < last ? previousEnd.PlusDays(1) : new LocalDate(year, 1, 1), last);
                previousEnd = last;
                Assert.Equal(year, due.Year);
            }

            Assert.Equal(staggered, PeriodicVisits.PlanStaggeredFor(customer, EntitlementCatalog.Default, year, Shanghai));
        });

    [Fact]
    public void PlanStaggeredFor_SpreadsManyAccountsOverTheYear()
    {
        var dues = Enumerable.Range(0, 400).SelectMany(i => PeriodicVisits.PlanStaggeredFor(Key($"C-{i:00000}"), EntitlementCatalog.Default, 2025, Shanghai)).ToList();

        // 400 accounts owe 2 senior visits and 4 reviews each; every month of the year sees some of them.
        Assert.Equal(2400, dues.Count);
        Assert.Equal(12, dues.Select(p => p.Due.InZone(Shanghai).Month).Distinct().Count());
        Assert.InRange(dues.Count(p => p.Due.InZone(Shanghai).Month == 1), 100, 300);
        Assert.Empty(PeriodicVisits.PlanStaggeredFor(
            Customer.Register(new CustomerId("O-1"), "Someone", ContactDetails.None, ServiceTier.Ordinary, new LocalDate(2020, 1, 1), T0), EntitlementCatalog.Default, 2025, Shanghai));
        Assert.Throws<ArgumentNullException>(() => PeriodicVisits.PlanStaggeredFor(null!, EntitlementCatalog.Default, 2025, Shanghai));
    }
}
