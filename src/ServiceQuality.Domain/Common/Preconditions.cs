using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ServiceQuality.Domain.Common;

/// <summary>
/// Guards that the BCL throw helpers do not cover. Every failure names the parameter it is about.
/// </summary>
internal static class Preconditions
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="paramName"/> unless <paramref name="condition"/> holds.</summary>
    public static void CheckArgumentRange([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, message);
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="paramName"/> unless <paramref name="condition"/> holds.</summary>
    public static void CheckArgument([DoesNotReturnIf(false)] bool condition, string paramName, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message, paramName);
        }
    }

    /// <summary>As <see cref="CheckArgument(bool, string, string)"/>, formatting the message only when the check fails.</summary>
    public static void CheckArgument(
        [DoesNotReturnIf(false)] bool condition, string paramName, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message)
    {
        if (!condition)
        {
            throw new ArgumentException(message.ToStringAndClear(), paramName);
        }
    }

    /// <summary>As <see cref="CheckArgumentRange(bool, string, string)"/>, formatting the message only when the check fails.</summary>
    public static void CheckArgumentRange(
        [DoesNotReturnIf(false)] bool condition, string paramName, [InterpolatedStringHandlerArgument(nameof(condition))] ref FailureMessage message)
    {
        if (!condition)
        {
            throw new ArgumentOutOfRangeException(paramName, message.ToStringAndClear());
        }
    }
}
