using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using ServiceQuality.Domain.Common;
using ServiceQuality.Domain.Complaints;
using ServiceQuality.Domain.Customers;
using ServiceQuality.Domain.Tickets;
using ServiceQuality.Domain.Visits;
using ServiceQuality.Policies.Callbacks;
using ServiceQuality.Policies.Tiering;

namespace ServiceQuality.Policies.Tests.Callbacks;

public sealed class CallbackPoliciesTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static Complaint Resolved()
    {
        var complaint = Complaint.Receive(new ComplaintId("K-1"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Minor, T0);
        complaint.Register(T0);
        complaint.AssignInvestigation(new DepartmentId("d"), new StaffId("s"), T0 + Duration.FromDays(1), T0);
        complaint.Respond("sorry", "fix", T0);
        complaint.Resolve(T0 + Duration.FromHours(5));
        return complaint;
    }

    private static Ticket Closed(string id)
    {
        var ticket = Ticket.Open(new TicketId(id), new CustomerId("C-1"), TicketKind.Inquiry, Channel.Online, Priority.P3, new StaffId("s"), ServiceTier.Ordinary, T0);
        ticket.Assign(new StaffId("s"), null, T0);
        ticket.StartWork(T0);
        ticket.Resolve(new StaffId("s"), T0);
        ticket.Close(T0 + Duration.FromHours(2));
        return ticket;
    }

    [Fact]
    public void EveryComplaint_IsCalledBackOnceResolved()
    {
        var policy = CallbackPolicies.EveryComplaint(Duration.FromHours(48));
        var unresolved = Complaint.Receive(new ComplaintId("K-2"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Minor, T0);

        var plan = Assert.Single(policy.ForComplaint(Resolved()));

        Assert.Equal((VisitKind.PhoneCallback, T0 + Duration.FromHours(53), "every-complaint"), (plan.Kind, plan.Due, plan.ReasonCode));
        Assert.Equal((ComplaintId?)new ComplaintId("K-1"), plan.Subject.Complaint);
        Assert.Equal(policy.Description, plan.Description);
        Assert.Empty(policy.ForComplaint(unresolved));
        Assert.Equal(VisitStatus.Planned, plan.ToVisit(new VisitId("V-1"), 3, T0).Status);
    }

    [Fact]
    public void EveryComplaint_ReceivedWithoutACallbackRequired_PlansNone()
    {
        var complaint = Complaint.Receive(new ComplaintId("K-3"), new CustomerId("C-1"), Channel.Hotline, ComplaintCategory.Delay, Severity.Minor, T0, callbackRequired: false);
        complaint.Register(T0);
        complaint.AssignInvestigation(new DepartmentId("d"), new StaffId("s"), T0 + Duration.FromDays(1), T0);
        complaint.Respond("sorry", "fix", T0);
        complaint.Resolve(T0 + Duration.FromHours(5));

        Assert.Empty(CallbackPolicies.EveryComplaint(Duration.FromHours(48)).ForComplaint(complaint));
    }

    [Fact]
    public void WithRetryInterval_GivesEveryPlanTheInterval_AndTheVisitKeepsIt()
    {
        var policy = CallbackPolicies.WithRetryInterval(CallbackPolicies.EveryComplaint(Duration.FromHours(48)), Duration.FromHours(2));

        var plan = Assert.Single(policy.ForComplaint(Resolved()));
        var visit = plan.ToVisit(new VisitId("V-1"), 3, T0);

        Assert.Equal((Duration.FromHours(2), Duration.FromHours(2)), (plan.RetryInterval, visit.RetryInterval));
        Assert.Equal(CallbackPolicies.EveryComplaint(Duration.FromHours(48)).Description, policy.Description);
        Assert.Equal(Duration.Zero, Assert.Single(CallbackPolicies.EveryComplaint(Duration.FromHours(48)).ForComplaint(Resolved())).RetryInterval);
        Assert.Throws<ArgumentOutOfRangeException>(() => CallbackPolicies.WithRetryInterval(policy, Duration.FromHours(-1)));
    }

    [Fact]
    public void SampleClosedTickets_IsStableAndItsShareConvergesToTheRate()
    {
        var policy = CallbackPolicies.SampleClosedTickets(10m, Duration.FromDays(3));
        var ids = Enumerable.Range(0, 20_000).Select(i => "T-" + i).ToArray();

        var sampled = ids.Count(id => CallbackPolicies.InSample(id, 10m));

        Assert.InRange(sampled / (double)ids.Length, 0.09, 0.11);
        Assert.Equal(ids.Where(id => CallbackPolicies.InSample(id, 10m)), ids.Where(id => CallbackPolicies.InSample(id, 10m)));
        var inSample = ids.First(id => CallbackPolicies.InSample(id, 10m));
        Assert.Equal(T0 + Duration.FromHours(2) + Duration.FromDays(3), Assert.Single(policy.ForTicket(Closed(inSample))).Due);
        Assert.Empty(policy.ForTicket(Closed(ids.First(id => !CallbackPolicies.InSample(id, 10m)))));
    }

    [Fact]
    public void PracticeDefaults_CallEveryComplaintBackAndSurveyTheSampleOfClosedTickets()
    {
        var practice = CallbackPolicies.PracticeDefaults(Duration.FromHours(48), 10m);
        var ids = Enumerable.Range(0, 100).Select(i => "T-" + i).ToArray();
        var inSample = ids.First(id => CallbackPolicies.InSample(id, 10m));
        var outOfSample = ids.First(id => !CallbackPolicies.InSample(id, 10m));

        var complaint = Assert.Single(practice.ForComplaint(Resolved()));
        var ticket = Assert.Single(practice.ForTicket(Closed(inSample)));

        Assert.Equal((VisitKind.PhoneCallback, T0 + Duration.FromHours(53), "every-complaint"), (complaint.Kind, complaint.Due, complaint.ReasonCode));
        Assert.Equal((VisitKind.SatisfactionSurvey, T0 + Duration.FromHours(50), "sample"), (ticket.Kind, ticket.Due, ticket.ReasonCode));
        Assert.Empty(practice.ForTicket(Closed(outOfSample)));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallbackPolicies.PracticeDefaults(Duration.Zero, 10m));
        Assert.Throws<ArgumentOutOfRangeException>(() => CallbackPolicies.PracticeDefaults(Duration.FromHours(48), 101m));
    }

    [Property(MaxTest = 1000, Replay = PropertyRuns.Replay)]
    public Property Sample_IsMonotoneInTheRate() =>
        Prop.ForAll(
            (from n in Gen.Choose(0, 1_000_000) from low in Gen.Choose(0, 100) from high in Gen.Choose(0, 100) select ("T-" + n, Math.Min(low, high), Math.Max(low, high))).ToArbitrary(),
            input => Assert.True(!CallbackPolicies.InSample(input.Item1, input.Item2) || CallbackPolicies.InSample(input.Item1, input.Item3)));

    [Fact]
    public void Recurring_FollowsTheScheduleInLocalTime()
    {
        var policy = CallbackPolicies.Recurring(RecurringSchedule.Standard, Shanghai);

        var dues = policy.ForComplaint(Resolved()).Select(p => p.Due.InZone(Shanghai).Date).ToArray();

        Assert.Equal(
            [new LocalDate(2025, 3, 18), new LocalDate(2025, 4, 3), new LocalDate(2025, 5, 3), new LocalDate(2025, 7, 3), new LocalDate(2025, 9, 3), new LocalDate(2025, 11, 3), new LocalDate(2026, 1, 3)],
            dues);
    }

    [Fact]
    public void PeriodicVisits_FollowTheTierEntitlements()
    {
        var key = Customer.Register(new CustomerId("K-1"), "Big Co", ContactDetails.None, ServiceTier.Key, new LocalDate(2020, 1, 1), T0);

        var plans = PeriodicVisits.PlanFor(key, EntitlementCatalog.Default, 2025, Shanghai);

        Assert.Equal(2, plans.Count(p => p.ReasonCode == "senior-visit"));
        Assert.Equal(
            [new LocalDate(2025, 3, 31), new LocalDate(2025, 6, 30), new LocalDate(2025, 9, 30), new LocalDate(2025, 12, 31)],
            plans.Where(p => p.ReasonCode == "periodic-review").Select(p => p.Due.InZone(Shanghai).Date));
        Assert.Empty(PeriodicVisits.PlanFor(Customer.Register(new CustomerId("O-1"), "Someone", ContactDetails.None, ServiceTier.Ordinary, new LocalDate(2020, 1, 1), T0), EntitlementCatalog.Default, 2025, Shanghai));
    }

    [Fact]
    public void Combine_ReturnsEveryPolicysPlans()
    {
        var combined = CallbackPolicies.Combine(CallbackPolicies.EveryComplaint(Duration.FromHours(24)), CallbackPolicies.Recurring(RecurringSchedule.Standard, Shanghai));
        Assert.Equal(8, combined.ForComplaint(Resolved()).Count);
    }
}
