using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using Ardalis.GuardClauses;
using NodaTime;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// The library's own guards, as extensions of Ardalis.GuardClauses' <see cref="IGuardClause"/>, so that every check in
/// the Domain and Policies assemblies reads <c>Guard.Against.…</c> (this file is compiled into both, internal in each).
/// </summary>
/// <remarks>
/// Like Ardalis' own guards, each one is named after what it refuses and throws when the value is bad or the condition
/// is true. They throw the exception types the BCL throw helpers did (<see cref="ArgumentOutOfRangeException"/> for a
/// value out of range, where Ardalis' <c>Negative</c> and <c>EnumOutOfRange</c> throw other types). A passing check
/// costs its comparison and allocates nothing: messages are built only on failure, in the invariant culture, and name
/// the parameter and the limit; the value given is in the message or, on the calendar's hot paths, in
/// <see cref="ArgumentOutOfRangeException.ActualValue"/> as before.
/// </remarks>
internal static class GuardExtensions
{
    /// <summary>The longest id accepted, in UTF-16 code units.</summary>
    public const int MaxIdLength = 128;

    /// <summary>
    /// Throws <see cref="DomainRuleViolationException"/> carrying <paramref name="rule"/> when <paramref name="broken"/>
    /// is true: the one way the rule types in each aggregate's Rules folder refuse a command.
    /// </summary>
    public static void BrokenRule(this IGuardClause guardClause, [DoesNotReturnIf(true)] bool broken, RuleCode rule, string detail)
    {
        if (broken)
        {
            throw new DomainRuleViolationException(rule, detail);
        }
    }

    /// <summary>As <see cref="BrokenRule(IGuardClause, bool, RuleCode, string)"/>, formatting the detail only when the rule is broken.</summary>
    public static void BrokenRule(
        this IGuardClause guardClause, [DoesNotReturnIf(true)] bool broken, RuleCode rule, [InterpolatedStringHandlerArgument(nameof(broken))] ref FailureMessage detail)
    {
        if (broken)
        {
            throw new DomainRuleViolationException(rule, detail.ToStringAndClear());
        }
    }

    /// <summary>
    /// Refuses a command dated before the aggregate's latest event (<see cref="RuleCode.CommandTimeMustNotPrecedeLastEvent"/>):
    /// throws <see cref="DomainRuleViolationException"/> when <paramref name="now"/> is earlier than <paramref name="lastEventAt"/>.
    /// </summary>
    public static void BeforeLastEvent(this IGuardClause guardClause, Instant now, Instant lastEventAt) =>
        guardClause.BrokenRule(now < lastEventAt, RuleCode.CommandTimeMustNotPrecedeLastEvent, $"The command is dated {now}, before the latest event at {lastEventAt}.");

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming the type of <paramref name="domainEvent"/>, which the
    /// <paramref name="aggregate"/> cannot apply. For the default branch of an aggregate's Apply, which only an event type
    /// derived outside the library reaches; it always throws.
    /// </summary>
    [DoesNotReturn]
    public static void UnknownEvent(this IGuardClause guardClause, IDomainEvent domainEvent, string aggregate, string parameterName) =>
        throw new ArgumentException($"Unknown {aggregate} event {domainEvent.GetType().Name}.", parameterName);

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when the optional <paramref name="value"/> is present but holds
    /// <typeparamref name="T"/>'s default (an empty typed id, a default tier): absent is allowed, empty is not.
    /// </summary>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    public static T? DefaultWhenPresent<T>(this IGuardClause guardClause, T? value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
        where T : struct
    {
        if (value is { } present && EqualityComparer<T>.Default.Equals(present, default))
        {
            throw new ArgumentException($"{parameterName} is present but holds the default {typeof(T).Name}, which is not a valid value.", parameterName);
        }

        return value;
    }

    /// <summary>
    /// Refuses an id text that typed ids cannot hold: throws <see cref="ArgumentNullException"/> when it is null,
    /// <see cref="ArgumentException"/> when it is empty or white space, <see cref="ArgumentOutOfRangeException"/> when it is
    /// longer than <see cref="MaxIdLength"/> UTF-16 code units, and <see cref="ArgumentException"/> when it holds a control
    /// character (<see cref="char.IsControl(char)"/>) or a lone surrogate.
    /// </summary>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    public static string InvalidId(this IGuardClause guardClause, [NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        guardClause.NullOrWhiteSpace(value, parameterName);
        guardClause.TooLong(value, MaxIdLength, parameterName);
        var position = IndexOfControlOrLoneSurrogate(value);
        if (position >= 0)
        {
            // The id itself is not repeated: it may be personal data, and it holds an unprintable character.
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"An id must not hold control characters or lone surrogates; U+{(int)value[position]:X4} is at position {position}."),
                parameterName);
        }

        return value;
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> is longer than
    /// <paramref name="maxLength"/> UTF-16 code units.
    /// </summary>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    public static string TooLong(this IGuardClause guardClause, string value, int maxLength, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        if (value.Length > maxLength)
        {
            ThrowTooLong(value.Length, maxLength, parameterName);
        }

        return value;
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="instant"/> lies outside a calendar's
    /// <paramref name="supportedRange"/> (start inclusive, end exclusive).
    /// </summary>
    /// <returns><paramref name="instant"/>, unchanged.</returns>
    public static Instant OutsideSupportedRange(
        this IGuardClause guardClause, Instant instant, Interval supportedRange, [CallerArgumentExpression(nameof(instant))] string? parameterName = null)
    {
        if (!supportedRange.Contains(instant))
        {
            ThrowOutsideSupportedRange(instant, supportedRange, parameterName);
        }

        return instant;
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> is not one of the values
    /// <typeparamref name="TEnum"/> declares.
    /// </summary>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    public static TEnum UndefinedEnumValue<TEnum>(this IGuardClause guardClause, TEnum value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            ThrowUndefined(value, parameterName);
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> is less than <paramref name="minimum"/> (the minimum itself is accepted).</summary>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    public static T LessThan<T>(this IGuardClause guardClause, T value, T minimum, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
        where T : IComparable<T>
    {
        if (value.CompareTo(minimum) < 0)
        {
            ThrowLessThan(value, minimum, parameterName);
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="value"/> is greater than <paramref name="maximum"/> (the maximum itself is accepted).</summary>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    public static T GreaterThan<T>(this IGuardClause guardClause, T value, T maximum, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
        where T : IComparable<T>
    {
        if (value.CompareTo(maximum) > 0)
        {
            ThrowGreaterThan(value, maximum, parameterName);
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when the duration <paramref name="value"/> is zero or negative.</summary>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    public static Duration NonPositive(this IGuardClause guardClause, Duration value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        if (value <= Duration.Zero)
        {
            ThrowNonPositive(value, parameterName);
        }

        return value;
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when the number <paramref name="value"/> is zero or negative.</summary>
    /// <returns><paramref name="value"/>, unchanged.</returns>
    public static decimal NonPositive(this IGuardClause guardClause, decimal value, [CallerArgumentExpression(nameof(value))] string? parameterName = null)
    {
        if (value <= 0m)
        {
            ThrowNonPositive(value, parameterName);
        }

        return value;
    }

    /// <summary>
    /// Throws <see cref="ArgumentNullException"/> when <paramref name="items"/> is null and
    /// <see cref="ArgumentOutOfRangeException"/> when it holds no item.
    /// </summary>
    public static void NullOrNoItems<T>(
        this IGuardClause guardClause, [NotNull] IReadOnlyCollection<T>? items, [CallerArgumentExpression(nameof(items))] string? parameterName = null)
    {
        guardClause.Null(items, parameterName);
        if (items.Count == 0)
        {
            ThrowOutOfRange(parameterName, parameterName + " must hold at least one item.");
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> and listing every one of
    /// <paramref name="problems"/> (<c>Invalid credit policy: a; b.</c>) when there is at least one.
    /// </summary>
    public static void Problems(this IGuardClause guardClause, IReadOnlyCollection<string> problems, string subject, string parameterName)
    {
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid {subject}: {string.Join("; ", problems)}.", parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="parameterName"/> when <paramref name="invalid"/> is true.</summary>
    public static void InvalidArgument(this IGuardClause guardClause, [DoesNotReturnIf(true)] bool invalid, string parameterName, string message)
    {
        if (invalid)
        {
            throw new ArgumentException(message, parameterName);
        }
    }

    /// <summary>As <see cref="InvalidArgument(IGuardClause, bool, string, string)"/>, formatting the message only when the argument is invalid.</summary>
    public static void InvalidArgument(
        this IGuardClause guardClause, [DoesNotReturnIf(true)] bool invalid, string parameterName, [InterpolatedStringHandlerArgument(nameof(invalid))] ref FailureMessage message)
    {
        if (invalid)
        {
            throw new ArgumentException(message.ToStringAndClear(), parameterName);
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="parameterName"/> when <paramref name="outOfRange"/> is true.</summary>
    public static void ArgumentOutOfRange(this IGuardClause guardClause, [DoesNotReturnIf(true)] bool outOfRange, string parameterName, string message)
    {
        if (outOfRange)
        {
            throw new ArgumentOutOfRangeException(parameterName, message);
        }
    }

    /// <summary>As <see cref="ArgumentOutOfRange(IGuardClause, bool, string, string)"/>, formatting the message only when the argument is out of range.</summary>
    public static void ArgumentOutOfRange(
        this IGuardClause guardClause, [DoesNotReturnIf(true)] bool outOfRange, string parameterName, [InterpolatedStringHandlerArgument(nameof(outOfRange))] ref FailureMessage message)
    {
        if (outOfRange)
        {
            throw new ArgumentOutOfRangeException(parameterName, message.ToStringAndClear());
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="parameterName"/> and carrying
    /// <paramref name="actualValue"/> when <paramref name="outOfRange"/> is true; for hot paths, where even a
    /// lazily formatted message costs its handler on every call.
    /// </summary>
    public static void ArgumentOutOfRange<T>(
        this IGuardClause guardClause, [DoesNotReturnIf(true)] bool outOfRange, string parameterName, T actualValue, string message)
    {
        if (outOfRange)
        {
            ThrowOutOfRange(parameterName, actualValue, message);
        }
    }

    /// <summary>The position of the first control character or lone surrogate in <paramref name="value"/>, or -1.</summary>
    private static int IndexOfControlOrLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }

    // The throw helpers keep the formatting out of the guards, so that the guards stay small enough to inline on hot paths.
    [DoesNotReturn]
    private static void ThrowTooLong(int length, int maxLength, string? parameterName) =>
        ThrowOutOfRange(parameterName, string.Create(CultureInfo.InvariantCulture, $"{parameterName} is {length} UTF-16 code units long; at most {maxLength} are allowed."));

    [DoesNotReturn]
    private static void ThrowOutsideSupportedRange(Instant instant, Interval supportedRange, string? parameterName) =>
        ThrowOutOfRange(
            parameterName,
            instant,
            string.Create(CultureInfo.InvariantCulture, $"The instant must lie in the calendar's supported range {supportedRange} (local years 1900-2199)."));

    [DoesNotReturn]
    private static void ThrowUndefined<TEnum>(TEnum value, string? parameterName)
        where TEnum : struct, Enum =>
        ThrowOutOfRange(parameterName, string.Create(CultureInfo.InvariantCulture, $"Unknown {typeof(TEnum).Name} value {value}."));

    [DoesNotReturn]
    private static void ThrowLessThan<T>(T value, T minimum, string? parameterName) =>
        ThrowOutOfRange(parameterName, string.Create(CultureInfo.InvariantCulture, $"{parameterName} must be at least {minimum}; {value} given."));

    [DoesNotReturn]
    private static void ThrowGreaterThan<T>(T value, T maximum, string? parameterName) =>
        ThrowOutOfRange(parameterName, string.Create(CultureInfo.InvariantCulture, $"{parameterName} must be at most {maximum}; {value} given."));

    [DoesNotReturn]
    private static void ThrowNonPositive<T>(T value, string? parameterName) =>
        ThrowOutOfRange(parameterName, string.Create(CultureInfo.InvariantCulture, $"{parameterName} must be positive; {value} given."));

    [DoesNotReturn]
    private static void ThrowOutOfRange(string? parameterName, string message) => throw new ArgumentOutOfRangeException(parameterName, message);

    [DoesNotReturn]
    private static void ThrowOutOfRange<T>(string? parameterName, T actualValue, string message) =>
        throw new ArgumentOutOfRangeException(parameterName, actualValue, message);
}
