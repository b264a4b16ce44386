using System.Globalization;
using Ardalis.GuardClauses;
using NodaTime;
using ServiceQuality.Domain.Common;

namespace ServiceQuality.Domain.Tests.Common;

public sealed class GuardExtensionsTests
{
    private static readonly Instant T0 = Instant.FromUtc(2025, 3, 3, 1, 0);

    private int _formatted;

    private enum Colour
    {
        Red = 1,
        Green = 2,
    }

    [Fact]
    public void BrokenRule_WhenBroken_ThrowsWithTheRuleCodeAndDetail()
    {
        var exception = Assert.Throws<DomainRuleViolationException>(
            () => Guard.Against.BrokenRule(true, RuleCode.SpendMustBePositive, $"Recorded spend must be positive; {-1} given."));

        Assert.Equal(RuleCode.SpendMustBePositive, exception.Rule);
        Assert.Contains("-1 given", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenRule_WhenHeld_DoesNotThrowNorFormatTheDetail()
    {
        Guard.Against.BrokenRule(false, RuleCode.SpendMustBePositive, $"never built: {Formatted()}");
        Guard.Against.BrokenRule(false, RuleCode.SpendMustBePositive, "constant detail");

        Assert.Equal(0, _formatted);
    }

    [Fact]
    public void BeforeLastEvent_WhenNowPrecedesTheLastEvent_ThrowsTheTimeRule()
    {
        var exception = Assert.Throws<DomainRuleViolationException>(() => Guard.Against.BeforeLastEvent(T0 - Duration.Epsilon, T0));

        Assert.Equal(RuleCode.CommandTimeMustNotPrecedeLastEvent, exception.Rule);
    }

    [Fact]
    public void BeforeLastEvent_WhenNowIsTheLastEvent_Accepts() => Guard.Against.BeforeLastEvent(T0, T0);

    [Fact]
    public void UnknownEvent_Always_ThrowsArgumentExceptionNamingTheEventType()
    {
        var exception = Assert.Throws<ArgumentException>(() => Guard.Against.UnknownEvent(new StrayEvent(T0), "ticket", "event"));

        Assert.Equal("event", exception.ParamName);
        Assert.Contains("Unknown ticket event StrayEvent.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultWhenPresent_WhenAbsentOrAValue_Accepts()
    {
        Assert.Null(Guard.Against.DefaultWhenPresent((StaffId?)null));
        Assert.Equal(new StaffId("s"), Guard.Against.DefaultWhenPresent((StaffId?)new StaffId("s")));
    }

    [Fact]
    public void DefaultWhenPresent_WhenPresentButDefault_ThrowsNamingTheParameter()
    {
        StaffId? manager = default(StaffId);

        Assert.Equal("manager", Assert.Throws<ArgumentException>(() => Guard.Against.DefaultWhenPresent(manager)).ParamName);
    }

    [Fact]
    public void InvalidId_WhenNull_ThrowsArgumentNullException()
    {
        string? value = null;

        Assert.Equal("value", Assert.Throws<ArgumentNullException>(() => Guard.Against.InvalidId(value)).ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t\r\n")]
    public void InvalidId_WhenBlank_ThrowsArgumentException(string value) =>
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Guard.Against.InvalidId(value)).ParamName);

    [Fact]
    public void InvalidId_WhenLongerThan128CodeUnits_ThrowsArgumentOutOfRangeException()
    {
        var value = new string('x', GuardExtensions.MaxIdLength + 1);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.InvalidId(value));

        Assert.Equal("value", exception.ParamName);
        Assert.Contains("129", exception.Message, StringComparison.Ordinal);
        Assert.Contains("128", exception.Message, StringComparison.Ordinal);
    }

    // Facts rather than inline theory data: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
    [Fact]
    public void InvalidId_WhenItHoldsAControlCharacter_ThrowsArgumentException()
    {
        string[] values = ["a\u0000b", "a\tb", "line\n", "a\u007Fb", "a\u0085b"];

        Assert.All(values, value => Assert.Equal("value", Assert.Throws<ArgumentException>(() => Guard.Against.InvalidId(value)).ParamName));
    }

    [Fact]
    public void InvalidId_WhenItHoldsALoneSurrogate_ThrowsArgumentException()
    {
        string[] values = ["a\uD800b", "a\uDC00b", "ends-high\uD83D", "\uDE00starts-low", "swapped\uDE00\uD83D"];

        Assert.All(values, value => Assert.Equal("value", Assert.Throws<ArgumentException>(() => Guard.Against.InvalidId(value)).ParamName));
    }

    [Fact]
    public void InvalidId_WhenValid_ReturnsTheValue()
    {
        string[] values = ["C-1", "客户-42", "smile-\uD83D\uDE00", "inner space"];

        Assert.All(values, value => Assert.Same(value, Guard.Against.InvalidId(value)));
    }

    [Fact]
    public void InvalidId_WhenExactly128CodeUnits_Accepts()
    {
        var value = new string('x', GuardExtensions.MaxIdLength - 2) + "\uD83D\uDE00";

        Assert.Same(value, Guard.Against.InvalidId(value));
    }

    [Fact]
    public void TooLong_WhenLongerThanTheMaximum_ThrowsArgumentOutOfRangeException()
    {
        var code = new string('c', 65);

        Assert.Equal("code", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.TooLong(code, 64)).ParamName);
    }

    [Fact]
    public void TooLong_WhenExactlyTheMaximum_Accepts()
    {
        var code = new string('c', 64);

        Assert.Same(code, Guard.Against.TooLong(code, 64));
    }

    [Fact]
    public void OutsideSupportedRange_WhenAtOrAfterTheEnd_ThrowsWithTheInstantAsActualValue()
    {
        var range = new Interval(T0, T0 + Duration.FromDays(1));
        var t = range.End;

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.OutsideSupportedRange(t, range));

        Assert.Equal("t", exception.ParamName);
        Assert.Equal(t, exception.ActualValue);
    }

    [Fact]
    public void OutsideSupportedRange_WhenBeforeTheStart_ThrowsArgumentOutOfRangeException()
    {
        var range = new Interval(T0, T0 + Duration.FromDays(1));
        var t = T0 - Duration.Epsilon;

        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.OutsideSupportedRange(t, range)).ParamName);
    }

    [Fact]
    public void OutsideSupportedRange_WhenAtTheStartOrJustBeforeTheEnd_Accepts()
    {
        var range = new Interval(T0, T0 + Duration.FromDays(1));

        Assert.Equal(range.Start, Guard.Against.OutsideSupportedRange(range.Start, range));
        Assert.Equal(range.End - Duration.Epsilon, Guard.Against.OutsideSupportedRange(range.End - Duration.Epsilon, range));
    }

    [Fact]
    public void UndefinedEnumValue_WhenNotDeclared_ThrowsArgumentOutOfRangeException()
    {
        var colour = (Colour)3;

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.UndefinedEnumValue(colour));

        Assert.Equal("colour", exception.ParamName);
        Assert.Contains("Unknown Colour value 3.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UndefinedEnumValue_WhenDeclared_ReturnsTheValue()
    {
        var colour = Colour.Green;

        Assert.Equal(Colour.Green, Guard.Against.UndefinedEnumValue(colour));
    }

    [Fact]
    public void LessThan_WhenBelowTheMinimum_ThrowsNamingTheValueAndTheMinimum()
    {
        var level = 0;

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.LessThan(level, 1));

        Assert.Equal("level", exception.ParamName);
        Assert.StartsWith("level must be at least 1; 0 given.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LessThan_WhenAtTheMinimum_Accepts()
    {
        var level = 1;

        Assert.Equal(1, Guard.Against.LessThan(level, 1));
    }

    [Fact]
    public void LessThan_WhenTheCultureUsesADecimalComma_FormatsInvariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var percent = -0.5m;

            var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.LessThan(percent, 0.25m));

            Assert.StartsWith("percent must be at least 0.25; -0.5 given.", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void GreaterThan_WhenAboveTheMaximum_ThrowsNamingTheValueAndTheMaximum()
    {
        var score = 101;

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.GreaterThan(score, 100));

        Assert.Equal("score", exception.ParamName);
        Assert.StartsWith("score must be at most 100; 101 given.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GreaterThan_WhenAtTheMaximum_Accepts()
    {
        var score = 100;

        Assert.Equal(100, Guard.Against.GreaterThan(score, 100));
    }

    [Fact]
    public void NonPositive_WhenTheDurationIsZeroOrNegative_ThrowsArgumentOutOfRangeException()
    {
        var window = Duration.Zero;
        var negative = -Duration.Epsilon;

        Assert.Equal("window", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NonPositive(window)).ParamName);
        Assert.Equal("negative", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NonPositive(negative)).ParamName);
    }

    [Fact]
    public void NonPositive_WhenTheDurationIsTheSmallestPositive_Accepts() =>
        Assert.Equal(Duration.Epsilon, Guard.Against.NonPositive(Duration.Epsilon));

    [Fact]
    public void NonPositive_WhenTheNumberIsZero_ThrowsArgumentOutOfRangeException()
    {
        var percent = 0m;

        Assert.Equal("percent", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NonPositive(percent)).ParamName);
    }

    [Fact]
    public void NonPositive_WhenTheNumberIsTheSmallestPositiveDecimal_Accepts() =>
        Assert.Equal(0.0000000000000000000000000001m, Guard.Against.NonPositive(0.0000000000000000000000000001m));

    [Fact]
    public void NullOrNoItems_WhenNull_ThrowsArgumentNullException()
    {
        int[]? policies = null;

        Assert.Equal("policies", Assert.Throws<ArgumentNullException>(() => Guard.Against.NullOrNoItems(policies)).ParamName);
    }

    [Fact]
    public void NullOrNoItems_WhenEmpty_ThrowsArgumentOutOfRangeException()
    {
        int[] policies = [];

        Assert.Equal("policies", Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.NullOrNoItems(policies)).ParamName);
    }

    [Fact]
    public void NullOrNoItems_WhenOneItem_Accepts() => Guard.Against.NullOrNoItems<int>([1]);

    [Fact]
    public void Problems_WhenThereAreSome_ThrowsArgumentExceptionListingThemAll()
    {
        var exception = Assert.Throws<ArgumentException>(() => Guard.Against.Problems(["a is wrong", "b is missing"], "test policy", "policy"));

        Assert.Equal("policy", exception.ParamName);
        Assert.StartsWith("Invalid test policy: a is wrong; b is missing.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_WhenThereAreNone_Accepts() => Guard.Against.Problems([], "test policy", "policy");

    [Fact]
    public void InvalidArgument_WhenInvalid_ThrowsArgumentExceptionWithTheMessage()
    {
        var exception = Assert.Throws<ArgumentException>(() => Guard.Against.InvalidArgument(true, "history", $"The history goes back in time at {T0}."));

        Assert.Equal("history", exception.ParamName);
        Assert.StartsWith("The history goes back in time at 2025-03-03T01:00:00Z.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidArgument_WhenValid_DoesNotThrowNorFormatTheMessage()
    {
        Guard.Against.InvalidArgument(false, "history", $"never built: {Formatted()}");
        Guard.Against.InvalidArgument(false, "history", "constant message");

        Assert.Equal(0, _formatted);
    }

    [Fact]
    public void ArgumentOutOfRange_WhenOutOfRange_ThrowsArgumentOutOfRangeExceptionWithTheMessage()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => Guard.Against.ArgumentOutOfRange(true, "b", $"The end must not be before {T0}."));

        Assert.Equal("b", exception.ParamName);
        Assert.StartsWith("The end must not be before 2025-03-03T01:00:00Z.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ArgumentOutOfRange_WhenInRange_DoesNotThrowNorFormatTheMessage()
    {
        Guard.Against.ArgumentOutOfRange(false, "b", $"never built: {Formatted()}");
        Guard.Against.ArgumentOutOfRange(false, "b", "constant message");
        Guard.Against.ArgumentOutOfRange(false, "amount", Duration.MaxValue, "constant message");

        Assert.Equal(0, _formatted);
    }

    [Fact]
    public void ArgumentOutOfRange_WhenOutOfRangeWithAnActualValue_CarriesIt()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => Guard.Against.ArgumentOutOfRange(true, "amount", Duration.FromDays(1), "Adding this much passes the end."));

        Assert.Equal("amount", exception.ParamName);
        Assert.Equal(Duration.FromDays(1), exception.ActualValue);
    }

    private int Formatted() => ++_formatted;

    private sealed record StrayEvent(Instant OccurredAt) : IDomainEvent;
}
